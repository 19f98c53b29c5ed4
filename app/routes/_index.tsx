import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData, useRouteLoaderData } from '@remix-run/react'
import { AnswerFeedList } from '~/components/answer-feed-list'
import { HorizonBadge } from '~/components/horizon-badge'
import { MemberHome } from '~/components/member-home'
import { listLatestAnswers, type FeedAnswer } from '~/models/answers-feed.server'
import { getCampaign, listCommitments } from '~/models/campaign.server'
import { listActiveGroups } from '~/models/group.server'
import { countAwaitingAnswer, loadMemberHome } from '~/models/member-home.server'
import type { loader as rootLoader } from '~/root'
import { getSessionUser } from '~/utils/auth.server'
import { getSiteRoles } from '~/utils/roles.server'
import { getRequestContext } from '~/utils/request-context.server'

const LATEST_ANSWERS = 3

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.campaign.name} · Policy Forum` : 'Policy Forum' },
  { name: 'description', content: data?.campaign.intro.slice(0, 160) ?? '' },
]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { supabase, headers } = getRequestContext(request, context)
  const user = await getSessionUser(supabase)
  const [campaign, commitments, groups, latest, home, roles] = await Promise.all([
    getCampaign(supabase),
    listCommitments(supabase),
    listActiveGroups(supabase),
    listLatestAnswers(supabase, { limit: LATEST_ANSWERS }),
    user ? loadMemberHome(supabase, user.id) : null,
    user ? getSiteRoles(supabase) : null,
  ])
  const awaitingAnswer = roles?.isCandidate ? await countAwaitingAnswer(supabase) : null
  return json(
    {
      campaign,
      commitments,
      groups,
      answers: latest.answers,
      home,
      awaitingAnswer,
      now: Date.now(),
    },
    { headers },
  )
}

function LatestAnswers({ answers }: { answers: FeedAnswer[] }) {
  return (
    <section aria-labelledby="answers-heading">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="answers-heading" className="text-2xl font-bold">
          The candidate’s latest answers
        </h2>
        {answers.length ? (
          <Link to="/answers" className="font-semibold text-brand-700 underline">
            All the answers
          </Link>
        ) : null}
      </div>
      {answers.length ? (
        <div className="mt-4">
          <AnswerFeedList answers={answers} />
        </div>
      ) : (
        <p className="mt-2 text-stone-700">
          The candidate has not answered a proposal yet. Groups send their best proposals to the
          candidate, who answers each one in public.
        </p>
      )}
    </section>
  )
}

export default function Home() {
  const { campaign, commitments, groups, answers, home, awaitingAnswer, now } =
    useLoaderData<typeof loader>()
  const root = useRouteLoaderData<typeof rootLoader>('root')
  if (home) {
    return (
      <div className="space-y-10">
        <MemberHome
          name={root?.viewer?.displayName ?? 'member'}
          home={home}
          now={now}
          lead={
            awaitingAnswer !== null ? (
              <section
                aria-labelledby="review-heading"
                className="rounded-xl border border-violet-300 bg-violet-50 p-5"
              >
                <h2 id="review-heading" className="text-xl font-bold">
                  {awaitingAnswer === 0
                    ? 'No proposals wait for your answer'
                    : `${awaitingAnswer} ${awaitingAnswer === 1 ? 'proposal waits' : 'proposals wait'} for your answer`}
                </h2>
                <p className="mt-1 text-stone-800">
                  The groups forward their shortlisted proposals to you; members see your answers in
                  public.
                </p>
                <Link
                  to="/review"
                  className="mt-3 inline-block rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800"
                >
                  Open your review
                </Link>
              </section>
            ) : null
          }
        />
        <LatestAnswers answers={answers} />
      </div>
    )
  }
  return (
    <div className="space-y-14">
      <section
        aria-labelledby="campaign-heading"
        className="rounded-2xl bg-brand-800 px-6 py-10 text-white sm:px-10"
      >
        <p className="text-sm font-semibold uppercase tracking-wider text-brand-100">
          {campaign.region_name}
        </p>
        <h1 id="campaign-heading" className="mt-2 text-4xl font-bold sm:text-5xl">
          {campaign.slogan || campaign.name}
        </h1>
        <p className="mt-4 max-w-2xl text-lg text-brand-50">{campaign.intro}</p>
        <div className="mt-6 flex flex-wrap gap-3">
          <Link
            to="/groups"
            className="rounded-md bg-white px-5 py-3 font-semibold text-brand-800 hover:bg-brand-50"
          >
            Find a policy group
          </Link>
          <Link
            to="/signup"
            className="rounded-md border border-white px-5 py-3 font-semibold hover:bg-brand-700"
          >
            Join the forum
          </Link>
        </div>
      </section>

      <LatestAnswers answers={answers} />

      {commitments.length ? (
        <section aria-labelledby="commitments-heading">
          <h2 id="commitments-heading" className="text-2xl font-bold">
            Our commitments
          </h2>
          <ol className="mt-4 grid gap-4 sm:grid-cols-2">
            {commitments.map((commitment, index) => (
              <li key={commitment.id} className="rounded-xl border border-stone-300 bg-white p-5">
                <p className="text-sm font-semibold text-stone-600">Commitment {index + 1}</p>
                <h3 className="mt-1 text-lg font-bold">{commitment.title}</h3>
                <p className="mt-2 text-stone-700">{commitment.body}</p>
                {commitment.group ? (
                  <Link
                    to={`/groups/${commitment.group.slug}`}
                    className="mt-3 inline-block font-semibold text-brand-700 underline"
                  >
                    Shape it in the {commitment.group.name} group
                  </Link>
                ) : null}
              </li>
            ))}
          </ol>
        </section>
      ) : null}

      <section aria-labelledby="groups-heading">
        <h2 id="groups-heading" className="text-2xl font-bold">
          Policy groups
        </h2>
        <p className="mt-1 text-stone-700">
          Each group works on one part of the programme. Join one and put your ideas forward.
        </p>
        <ul className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {groups.map((group) => (
            <li
              key={group.id}
              className="flex flex-col rounded-xl border border-stone-300 bg-white p-5"
            >
              <HorizonBadge horizon={group.horizon} />
              <h3 className="mt-2 text-lg font-bold">
                <Link to={`/groups/${group.slug}`} className="hover:underline">
                  {group.name}
                </Link>
              </h3>
              <p className="mt-2 flex-1 text-stone-700">{group.summary}</p>
            </li>
          ))}
        </ul>
      </section>
    </div>
  )
}
