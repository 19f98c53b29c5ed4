// The candidate's answers, newest first, for everyone: the forum's promise kept in public.
// Paged by where the last page ended, so a page costs the same however many answers there are.
import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { AnswerFeedList } from '~/components/answer-feed-list'
import {
  ANSWERS_PAGE_SIZE,
  feedCursorParam,
  listLatestAnswers,
  parseFeedCursor,
} from '~/models/answers-feed.server'
import { getRequestContext } from '~/utils/request-context.server'

export const meta: MetaFunction = ({ matches }) => {
  const campaign = (matches.find((m) => m.id === 'root')?.data as { campaign?: { name: string } })
    ?.campaign
  return [
    { title: `The candidate’s answers · ${campaign?.name ?? 'Policy Forum'}` },
    {
      name: 'description',
      content:
        'Every proposal the candidate has answered: adopted, under consideration or not taken forward, and why.',
    },
  ]
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { supabase, headers } = getRequestContext(request, context)
  const url = new URL(request.url)
  const after = parseFeedCursor(url.searchParams.get('after'))
  const { answers, more } = await listLatestAnswers(supabase, { limit: ANSWERS_PAGE_SIZE, after })
  const last = answers.at(-1)
  return json(
    { answers, next: more && last ? feedCursorParam(last) : null, paged: Boolean(after) },
    { headers },
  )
}

export default function Answers() {
  const { answers, next, paged } = useLoaderData<typeof loader>()
  return (
    <div className="max-w-3xl">
      <h1 className="text-3xl font-bold">The candidate’s answers</h1>
      <p className="mt-2 text-stone-700">
        Each policy group sends its strongest proposals to the candidate, who answers every one in
        public: adopted, under consideration, or not taken forward — and why.
      </p>
      <div className="mt-6">
        {answers.length ? (
          <AnswerFeedList answers={answers} headingLevel={2} />
        ) : (
          <p className="rounded-xl border border-stone-300 bg-white p-5">
            {paged
              ? 'There are no earlier answers.'
              : 'The candidate has not answered a proposal yet.'}
          </p>
        )}
      </div>
      <nav aria-label="More answers" className="mt-6 flex gap-4">
        {paged ? (
          <Link to="/answers" className="font-semibold text-brand-700 underline">
            Newest answers
          </Link>
        ) : null}
        {next ? (
          <Link
            to={`/answers?${new URLSearchParams({ after: next })}`}
            className="font-semibold text-brand-700 underline"
          >
            Earlier answers
          </Link>
        ) : null}
      </nav>
    </div>
  )
}
