// A group's priority ballots: open ones first to rank, then the counted ones with their
// winners. Facilitators open new ones from here.
import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { buttonClass } from '~/components/ui/button'
import { ballotPhase, listGroupBallots } from '~/models/ballot.server'
import { loadGroupContext } from '~/models/group-context.server'
import { dateAndTime } from '~/utils/dates'
import { getRequestContext } from '~/utils/request-context.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Ballots · ${data.group.name} · Policy Forum` : 'Policy Forum' },
]

export async function loader({ request, params, context: loadContext }: LoaderFunctionArgs) {
  const { supabase, headers } = getRequestContext(request, loadContext)
  const context = await loadGroupContext(supabase, params.slug, headers)
  const ballots = await listGroupBallots(supabase, context.group.id)
  return json(
    {
      group: { slug: context.group.slug, name: context.group.name },
      canCurate: context.canCurate,
      ballots: ballots.map((b) => ({
        id: b.id,
        question: b.question,
        opensAt: b.opens_at,
        closesAt: b.closes_at,
        ballots: b.ballot_count,
        phase: ballotPhase(b),
      })),
    },
    { headers },
  )
}

const phaseWords = { upcoming: 'Opens', open: 'Closes', closed: 'Closed' } as const

export default function GroupBallots() {
  const { group, canCurate, ballots } = useLoaderData<typeof loader>()
  return (
    <section aria-labelledby="ballots-heading" className="max-w-3xl">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="ballots-heading" className="text-2xl font-bold">
          Priority ballots
        </h2>
        {canCurate ? (
          <Link to={`/groups/${group.slug}/ballots/new`} className={buttonClass('primary')}>
            Open a ballot
          </Link>
        ) : null}
      </div>
      <p className="mt-2 text-stone-700">
        Members with standing rank competing proposals; the alternative vote decides which the group
        puts first.
      </p>
      {ballots.length === 0 ? (
        <p className="mt-4">No ballots yet.</p>
      ) : (
        <ul className="mt-4 space-y-3">
          {ballots.map((b) => (
            <li key={b.id} className="rounded-md border border-stone-300 p-3">
              <Link
                to={`/groups/${group.slug}/ballots/${b.id}`}
                className="font-semibold text-brand-700 underline"
              >
                {b.question}
              </Link>
              <p className="text-sm text-stone-700">
                {b.phase === 'open' ? 'Open now. ' : ''}
                {phaseWords[b.phase]}{' '}
                <time dateTime={b.phase === 'upcoming' ? b.opensAt : b.closesAt}>
                  {dateAndTime(b.phase === 'upcoming' ? b.opensAt : b.closesAt)}
                </time>
                . {b.ballots} {b.ballots === 1 ? 'ballot' : 'ballots'}
                {b.phase === 'closed' ? ': see the rounds.' : '.'}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
