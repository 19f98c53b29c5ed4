// The candidate's review: every proposal forwarded to them, across groups, ranked and
// filtered, each with its answer form; and the proposals already answered, to correct. An
// answer is saved as a private draft and previewed (review_.answers.$id) before it is public.
import { parseWithZod } from '@conform-to/zod/v4'
import {
  json,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { ReviewEntry } from '~/components/review-entry'
import { ReviewControls, ReviewExports, ReviewTabs } from '~/components/review-filters'
import { saveAnswerDraft } from '~/models/answer-draft.server'
import { loadReviewPage } from '~/models/review-page.server'
import { answerSchema } from '~/utils/answer-schema'
import { redirectWithFlash } from '~/utils/flash.server'
import { invariantResponse } from '~/utils/http.server'
import { requireReviewer, requireSiteRole } from '~/models/permissions.server'
import { getRequestContext } from '~/utils/request-context.server'
import {
  parseReviewParams,
  reviewHref,
  reviewPageSize,
  reviewSorts,
  reviewTabs,
} from '~/utils/review-listing'

export const meta: MetaFunction = () => [{ title: 'Review proposals · Policy Forum' }]

export async function loader({ request, context: loadContext }: LoaderFunctionArgs) {
  const { supabase, headers, isCandidate } = await requireReviewer(
    getRequestContext(request, loadContext),
  )
  const page = await loadReviewPage(supabase, parseReviewParams(new URL(request.url).searchParams))
  return json(
    { ...page, canAnswer: isCandidate, pages: Math.max(1, Math.ceil(page.total / reviewPageSize)) },
    { headers },
  )
}

const intentSchema = z.object({ intent: z.literal('save-draft') })

export async function action({ request, context: loadContext }: ActionFunctionArgs) {
  const { supabase, headers } = await requireSiteRole(
    getRequestContext(request, loadContext),
    ['candidate'],
    'Only the candidate can answer proposals.',
  )
  const formData = await request.formData()
  invariantResponse(
    intentSchema.safeParse({ intent: formData.get('intent') }).success,
    'Unknown action.',
    { headers },
  )
  const proposalId = String(formData.get('proposalId') ?? '')
  const submission = parseWithZod(formData, { schema: answerSchema })
  if (submission.status !== 'success') {
    return json({ result: submission.reply(), proposalId }, { status: 400, headers })
  }
  const saved = await saveAnswerDraft(supabase, submission.value)
  if (!saved.ok) {
    return json(
      { result: submission.reply({ formErrors: [saved.message] }), proposalId },
      { status: 400, headers },
    )
  }
  return redirectWithFlash(
    `/review/answers/${submission.value.proposalId}`,
    {
      kind: 'success',
      message: 'Draft saved. Nobody else can see it: check the preview, then publish.',
    },
    headers,
  )
}

export default function ReviewPage() {
  const { filters, groups, boroughs, proposals, total, pages, canAnswer } =
    useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const listed = proposals.some((p) => p.id === actionData?.proposalId)
  const first = (filters.page - 1) * reviewPageSize
  return (
    <div>
      <h1 className="text-3xl font-bold">Review proposals</h1>
      <p className="mt-2 max-w-3xl text-lg text-stone-700">
        The proposals each group’s facilitators forwarded to the candidate. An answer is saved as a
        private draft first, to preview; once published it shows on the proposal page, and the
        proposal’s authors and supporters are told.
      </p>
      <p className="mt-2 text-stone-700">
        Who takes part where, by borough:{' '}
        {groups.map((g, i) => (
          <span key={g.slug}>
            {i > 0 ? ' · ' : null}
            <Link to={`/groups/${g.slug}/participation`} className="text-brand-700 underline">
              {g.name}
            </Link>
          </span>
        ))}
      </p>
      <ReviewTabs filters={filters} />
      <div className="mt-2 grid gap-6 lg:grid-cols-3">
        <div className="lg:col-span-2">
          <ReviewControls filters={filters} groups={groups} boroughs={boroughs} />
        </div>
        <ReviewExports filters={filters} />
      </div>
      {actionData && !listed ? (
        <RefusedAnswer
          message={actionData.result.error?.[''] ?? null}
          values={actionData.result.initialValue}
        />
      ) : null}
      <section aria-labelledby="list-heading" className="mt-8">
        <h2 id="list-heading" className="text-xl font-bold">
          {reviewTabs[filters.tab].label}
        </h2>
        <p className="mt-1 text-sm text-stone-700" aria-live="polite">
          {total === 1 ? '1 proposal' : `${total} proposals`}
          {filters.borough
            ? `, most supported in ${boroughs.find((b) => b.slug === filters.borough)?.name} first`
            : `, ranked by ${reviewSorts[filters.sort].label}`}
          {pages > 1 ? ` · page ${filters.page} of ${pages}` : ''}
        </p>
        {proposals.length ? (
          <ol className="mt-4 space-y-5">
            {proposals.map((proposal, index) => (
              <li key={proposal.id}>
                <ReviewEntry
                  proposal={proposal}
                  rank={first + index + 1}
                  canAnswer={canAnswer}
                  lastResult={actionData?.proposalId === proposal.id ? actionData.result : null}
                />
              </li>
            ))}
          </ol>
        ) : (
          <p className="mt-4 text-stone-700">
            {filters.tab === 'forwarded'
              ? 'Nothing is waiting for an answer here.'
              : 'No answered proposals here yet.'}
          </p>
        )}
        {pages > 1 ? (
          <nav aria-label="Pages" className="mt-6 flex flex-wrap items-center gap-3">
            {filters.page > 1 ? (
              <Link
                to={reviewHref(filters, { page: filters.page - 1 })}
                className="font-semibold text-brand-700 underline"
              >
                Previous page
              </Link>
            ) : null}
            <span className="text-stone-700">
              Page {filters.page} of {pages}
            </span>
            {filters.page < pages ? (
              <Link
                to={reviewHref(filters, { page: filters.page + 1 })}
                className="font-semibold text-brand-700 underline"
              >
                Next page
              </Link>
            ) : null}
          </nav>
        ) : null}
      </section>
    </div>
  )
}

/** A refused answer to a proposal not on this page: the reason, and the text to copy. */
function RefusedAnswer({
  message,
  values,
}: {
  message: string[] | null
  values?: Record<string, unknown> | null
}) {
  const explanation = typeof values?.explanation === 'string' ? values.explanation : ''
  return (
    <div role="alert" className="mt-6 rounded-xl border-2 border-amber-500 bg-amber-50 p-5">
      <p className="font-semibold text-amber-950">
        {message?.[0] ?? 'Your draft could not be saved.'} Here is your explanation, so you can copy
        it:
      </p>
      <label htmlFor="refused-explanation" className="mt-3 block font-semibold">
        Your explanation
      </label>
      <textarea
        id="refused-explanation"
        readOnly
        rows={5}
        value={explanation}
        className="mt-1 w-full rounded-md border border-stone-500 bg-white p-3"
      />
    </div>
  )
}
