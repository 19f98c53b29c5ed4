// One priority ballot: while open, the member's ranking form (members with standing) and
// whether their ballot is in; after the close, the count round by round, turnout by borough,
// and for facilitators forwarding the winner. The count runs in Postgres at the close (the
// worker) or on the first read after it, whichever comes first; it is stored, never redone.
import {
  json,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { BallotRounds } from '~/components/ballot/ballot-rounds'
import { RankingForm } from '~/components/ballot/ranking-form'
import { TurnoutTable } from '~/components/ballot/turnout-table'
import { Button } from '~/components/ui/button'
import { FormErrors, TextAreaField } from '~/components/ui/field'
import {
  ballotPhase,
  castBallot,
  closeBallot,
  countBallotIfDue,
  forwardBallotWinner,
  getBallot,
  getMyBallotPaper,
  getTurnout,
  listRounds,
  type BallotRound,
  type TurnoutRow,
} from '~/models/ballot.server'
import { loadGroupContext } from '~/models/group-context.server'
import { listRegions } from '~/models/region.server'
import { readRanking } from '~/utils/ballot-form'
import { dateAndTime } from '~/utils/dates'
import { redirectWithOutcome } from '~/utils/flash.server'
import { invariantResponse, unknownAction } from '~/utils/http.server'
import { requireUser } from '~/models/permissions.server'
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
    user && phase === 'open' ? supabase.rpc('my_standing', { group_id: context.group.id }) : null,
    ballot.counted_at ? listRounds(supabase, ballot.id) : ([] as BallotRound[]),
    ballot.counted_at ? getTurnout(supabase, ballot.id) : ([] as TurnoutRow[]),
    listRegions(supabase),
  ])
  if (standing?.error) throw standing.error
  return json(
    {
      group: { slug: context.group.slug, name: context.group.name },
      ballot,
      options,
      phase,
      signedIn: Boolean(user),
      canRank: Boolean(standing?.data?.[0]?.has_standing),
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

export async function action({ request, params, context: loadContext }: ActionFunctionArgs) {
  const client = getRequestContext(request, loadContext)
  const { supabase, headers } = client
  await requireUser(client)
  const context = await loadGroupContext(supabase, params.slug, headers)
  const found = await getBallot(supabase, context.group.id, params.id ?? '')
  invariantResponse(found, 'There is no such ballot in this group.', { status: 404, headers })
  const here = `/groups/${context.group.slug}/ballots/${found.ballot.id}`
  const formData = await request.formData()
  const intent = String(formData.get('intent') ?? '')
  let outcome
  switch (intent) {
    case 'rank': {
      const read = readRanking(
        formData,
        found.options.map((o) => o.proposalId),
      )
      if (!read.ok) return json({ error: read.message, intent }, { status: 400, headers })
      outcome = await castBallot(supabase, found.ballot.id, read.ranking)
      if (!outcome.ok) return json({ error: outcome.message, intent }, { status: 400, headers })
      break
    }
    case 'close':
      outcome = await closeBallot(supabase, found.ballot.id)
      break
    case 'forward': {
      const note = String(formData.get('coverNote') ?? '')
      outcome = await forwardBallotWinner(supabase, found.ballot.id, note)
      if (!outcome.ok) return json({ error: outcome.message, intent }, { status: 400, headers })
      break
    }
    default:
      throw unknownAction(headers)
  }
  return redirectWithOutcome(here, outcome, headers)
}

const number = new Intl.NumberFormat('en-GB')

export default function BallotPage() {
  const data = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { ballot, options, phase, paper, rounds } = data
  const titles = Object.fromEntries(options.map((o) => [o.proposalId, o.title]))
  const winner = ballot.winner_id ? titles[ballot.winner_id] : null
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
        <section aria-labelledby="rank-heading">
          <h2 id="rank-heading" className="text-xl font-bold">
            {paper ? 'Your ballot is in' : 'Rank the options'}
          </h2>
          {paper ? (
            <p className="mt-1 text-stone-700">
              Saved <time dateTime={paper.updated_at}>{dateAndTime(paper.updated_at)}</time>. Only
              you can see your ranking. You can change it until the ballot closes.
            </p>
          ) : null}
          <div className="mt-3">
            {!data.canRank && actionData && 'error' in actionData ? (
              <FormErrors id="rank-refused" errors={[actionData.error]} />
            ) : null}
            {data.canRank ? (
              <RankingForm
                options={options}
                ranking={paper?.ranking ?? []}
                error={
                  actionData && 'error' in actionData && actionData.intent === 'rank'
                    ? actionData.error
                    : null
                }
              />
            ) : (
              <p>
                {!data.signedIn
                  ? 'Sign in to rank: members with standing in this group can vote in its ballots.'
                  : data.isActiveMember
                    ? 'Members rank once they have standing here: in the group for its standing period and having voted or commented on another member’s proposal.'
                    : 'Only members of this group with standing can rank in its ballots.'}
              </p>
            )}
          </div>
        </section>
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
          <section aria-labelledby="result-heading">
            <h2 id="result-heading" className="text-xl font-bold">
              Result
            </h2>
            <p className="mt-1 text-lg">
              {winner ? (
                <>
                  First priority: <strong>{winner}</strong>
                  {rounds.length > 1 ? `, after ${rounds.length} rounds.` : ', in the first round.'}
                </>
              ) : (
                'No ballots were cast.'
              )}
            </p>
            {paper ? (
              <p className="mt-1 text-stone-700">
                Your ballot was counted. Only you can see how you ranked.
              </p>
            ) : null}
            <div className="mt-4">
              <BallotRounds rounds={rounds} titles={titles} />
            </div>
            <p className="mt-4 text-sm text-stone-700">
              Counted <time dateTime={ballot.counted_at}>{dateAndTime(ballot.counted_at)}</time>{' '}
              from the stored ballots. Seed for any draw by lot: <code>{ballot.tie_seed}</code>.
            </p>
          </section>
          <section aria-labelledby="turnout-heading">
            <h2 id="turnout-heading" className="text-xl font-bold">
              Turnout
            </h2>
            <p className="mt-1 text-stone-700">
              Ballots cast out of the members who could vote (active members with standing at the
              close), by the borough each ranked from.
            </p>
            <div className="mt-3">
              <TurnoutTable
                rows={data.turnout}
                regionNames={data.regionNames}
                ballots={ballot.ballot_count}
                eligible={ballot.eligible_count ?? 0}
              />
            </div>
          </section>
          {data.canCurate && winner ? (
            <section aria-labelledby="forward-heading">
              <h2 id="forward-heading" className="text-xl font-bold">
                Forward the winner to the candidate
              </h2>
              {ballot.forwarded_at ? (
                <p className="mt-1">
                  Forwarded{' '}
                  <time dateTime={ballot.forwarded_at}>{dateAndTime(ballot.forwarded_at)}</time>{' '}
                  with this result attached.
                </p>
              ) : (
                <Form method="post" className="mt-2 space-y-3">
                  <input type="hidden" name="intent" value="forward" />
                  <TextAreaField
                    id="coverNote"
                    name="coverNote"
                    label="Cover note for the candidate (optional)"
                    hint="The candidate sees it beside the proposal, with this ballot’s result."
                    rows={3}
                    maxLength={2000}
                    errors={
                      actionData && 'error' in actionData && actionData.intent === 'forward'
                        ? [actionData.error]
                        : null
                    }
                  />
                  <Button type="submit">Forward “{winner}” with its result</Button>
                </Form>
              )}
            </section>
          ) : null}
        </>
      ) : null}
      {phase === 'closed' && !ballot.counted_at ? (
        <p role="status">The ballot has closed; its count is being made. Reload in a moment.</p>
      ) : null}
    </article>
  )
}

function HowItIsCounted() {
  return (
    <details className="rounded-md border border-stone-300 bg-stone-50 p-3">
      <summary className="cursor-pointer font-semibold">How the ballot is counted</summary>
      <div className="mt-2 space-y-2 text-sm">
        <p>
          By the alternative vote, as the campaign chose its candidate. Each round, every ballot
          counts for its highest choice still in the race. An option with more than half of those
          ballots wins. Otherwise the option with the fewest votes is eliminated and its ballots
          pass to their next choice still in the race. A ballot with no choice left is exhausted and
          counted apart.
        </p>
        <p>
          <strong>Ties for fewest votes:</strong> the option with fewer votes in the earliest round
          where the tied options differ is eliminated; if they were level in every round, one is
          drawn by lot from a seed recorded with the count, so anyone can repeat it.
        </p>
        <p>
          Ballots are secret: nobody, facilitators included, can see how a member ranked. Boroughs
          where fewer than 5 members voted are shown together.
        </p>
      </div>
    </details>
  )
}
