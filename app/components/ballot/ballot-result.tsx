// After the count: the winner (or that nobody ranked), the rounds that got there, when and
// from what it was counted, and turnout by borough against the members who could vote.
import { BallotRounds } from '~/components/ballot/ballot-rounds'
import { TurnoutTable } from '~/components/ballot/turnout-table'
import type { BallotRound, TurnoutRow } from '~/models/ballot.server'
import { dateAndTime } from '~/utils/dates'

type CountedBallot = {
  ballot_count: number
  eligible_count: number | null
  tie_seed: string | null
}

export function BallotResult({
  ballot,
  countedAt,
  winner,
  viewerRanked,
  rounds,
  titles,
  turnout,
  regionNames,
}: {
  ballot: CountedBallot
  countedAt: string
  winner: string | null
  viewerRanked: boolean
  rounds: BallotRound[]
  titles: Record<string, string>
  turnout: TurnoutRow[]
  regionNames: Record<string, string>
}) {
  return (
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
        {viewerRanked ? (
          <p className="mt-1 text-stone-700">
            Your ballot was counted. Only you can see how you ranked.
          </p>
        ) : null}
        <div className="mt-4">
          <BallotRounds rounds={rounds} titles={titles} />
        </div>
        <p className="mt-4 text-sm text-stone-700">
          Counted <time dateTime={countedAt}>{dateAndTime(countedAt)}</time> from the stored
          ballots. Seed for any draw by lot: <code>{ballot.tie_seed}</code>.
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
            rows={turnout}
            regionNames={regionNames}
            ballots={ballot.ballot_count}
            eligible={ballot.eligible_count ?? 0}
          />
        </div>
      </section>
    </>
  )
}
