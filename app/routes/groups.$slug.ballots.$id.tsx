// One priority ballot: while open, the member's ranking form (members with standing) and
// whether their ballot is in; after the close, the count round by round, turnout by borough,
// and for facilitators forwarding the winner. The count runs in Postgres at the close (the
// worker) or on the first read after it, whichever comes first; it is stored, never redone.
import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { BallotResult } from '~/components/ballot/ballot-result'
import { ForwardWinner } from '~/components/ballot/forward-winner'
import { HowItIsCounted } from '~/components/ballot/how-it-is-counted'
import { RankSection } from '~/components/ballot/rank-section'
import { Button } from '~/components/ui/button'
import { getOwnStanding } from '~/models/amendment.server'
import { ballotPageAction } from '~/models/ballot-page-actions.server'
import {
  ballotPhase,
  countBallotIfDue,
  getBallot,
  getMyBallotPaper,
  getTurnout,
  listRounds,
  type BallotRound,
  type TurnoutRow,
} from '~/models/ballot.server'
import { loadGroupContext } from '~/models/group-context.server'
import { listRegions } from '~/models/region.server'
import { dateAndTime } from '~/utils/dates'
import { invariantResponse } from '~/utils/http.server'
import { getRequestContext } from '~/utils/request-context.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.ballot.question} · Ballot · Policy Forum` : 'Policy Forum' },
]

export async function loader({ request, params, context: loadContext }: LoaderFunctionArgs) {
  const { supabase, headers } = getRequestContext(request, loadContext)
  const context = await loadGroupContext(supabase, params.slug, headers)
  let found = await getBallot(supabase, context.group.id, params.id ?? '')
  invariantResponse(found, 'There is no such ballot in this group.', { status: 404, headers })
  const phase = ballotPhase(found.ballot)
  if (phase === 'closed' && !found.ballot.counted_at) {
    await countBallotIfDue(supabase, found.ballot.id)
    found = (await getBallot(supabase, context.group.id, found.ballot.id))!
  }
  const { ballot, options } = found
  const user = context.user
  const [paper, standing, rounds, turnout, regions] = await Promise.all([
    user ? getMyBallotPaper(supabase, ballot.id, user.id) : null,
    user && phase === 'open' ? getOwnStanding(supabase, context.group.id) : null,
    ballot.counted_at ? listRounds(supabase, ballot.id) : ([] as BallotRound[]),
    ballot.counted_at ? getTurnout(supabase, ballot.id) : ([] as TurnoutRow[]),
    listRegions(supabase),
  ])
  return json(
    {
      group: { slug: context.group.slug, name: context.group.name },
      ballot,
      options,
      phase,
      signedIn: Boolean(user),
      canRank: Boolean(standing?.has_standing),
      isActiveMember: context.isActiveMember,
      canCurate: context.canCurate,
      paper,
      rounds,
      turnout,
      regionNames: Object.fromEntries(regions.map((r) => [r.slug, r.name])),
    },
    { headers },
  )
}

export const action = ballotPageAction

const number = new Intl.NumberFormat('en-GB')

export default function BallotPage() {
  const data = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { ballot, options, phase, paper, rounds } = data
  const titles = Object.fromEntries(options.map((o) => [o.proposalId, o.title]))
  const winner = ballot.winner_id ? titles[ballot.winner_id] : null
  const refusal = actionData && 'error' in actionData ? actionData : null
  return (
    <article aria-labelledby="ballot-heading" className="max-w-3xl space-y-8">
      <header>
        <p className="text-sm text-stone-700">
          <Link to={`/groups/${data.group.slug}/ballots`} className="underline">
            Ballots in {data.group.name}
          </Link>
        </p>
        <h2 id="ballot-heading" className="mt-1 text-2xl font-bold">
          {ballot.question}
        </h2>
        <p className="mt-1 text-stone-700">
          {phase === 'upcoming' ? 'Opens' : 'Opened'}{' '}
          <time dateTime={ballot.opens_at}>{dateAndTime(ballot.opens_at)}</time>;{' '}
          {phase === 'closed' ? 'closed' : 'closes'}{' '}
          <time dateTime={ballot.closes_at}>{dateAndTime(ballot.closes_at)}</time>.{' '}
          {number.format(ballot.ballot_count)}{' '}
          {ballot.ballot_count === 1 ? 'member has' : 'members have'} ranked.
        </p>
      </header>

      <HowItIsCounted />

      {phase === 'open' ? (
        <RankSection
          options={options}
          paper={paper}
          canRank={data.canRank}
          signedIn={data.signedIn}
          isActiveMember={data.isActiveMember}
          refusal={refusal}
        />
      ) : null}

      {phase !== 'closed' ? (
        <section aria-labelledby="options-heading">
          <h2 id="options-heading" className="text-xl font-bold">
            The options
          </h2>
          <ul className="mt-2 list-disc space-y-1 pl-6">
            {options.map((o) => (
              <li key={o.proposalId}>
                <Link
                  to={`/groups/${data.group.slug}/proposals/${o.proposalId}`}
                  className="text-brand-700 underline"
                >
                  {o.title}
                </Link>
              </li>
            ))}
          </ul>
          {data.canCurate && phase === 'open' ? (
            <Form method="post" className="mt-4">
              <input type="hidden" name="intent" value="close" />
              <Button type="submit" variant="secondary">
                Close the ballot now and count it
              </Button>
            </Form>
          ) : null}
        </section>
      ) : null}

      {phase === 'closed' && ballot.counted_at ? (
        <>
          <BallotResult
            ballot={ballot}
            countedAt={ballot.counted_at}
            winner={winner}
            viewerRanked={Boolean(paper)}
            rounds={rounds}
            titles={titles}
            turnout={data.turnout}
            regionNames={data.regionNames}
          />
          {data.canCurate && winner ? (
            <ForwardWinner
              winner={winner}
              forwardedAt={ballot.forwarded_at}
              error={refusal?.intent === 'forward' ? refusal.error : null}
            />
          ) : null}
        </>
      ) : null}
      {phase === 'closed' && !ballot.counted_at ? (
        <p role="status">The ballot has closed; its count is being made. Reload in a moment.</p>
      ) : null}
    </article>
  )
}
