// The count, round by round: each option's votes and share of the live ballots as a table
// (the text) with bars drawn in it on the server (for the eye, against all live ballots, with
// the majority line at half), who went out and where their ballots went, and the exhausted.
import type { BallotRound } from '~/models/ballot.server'

const number = new Intl.NumberFormat('en-GB')
const percent = new Intl.NumberFormat('en-GB', { style: 'percent', maximumFractionDigits: 1 })

export function share(votes: number, of: number) {
  return of > 0 ? percent.format(votes / of) : '—'
}

export function BallotRounds({
  rounds,
  titles,
}: {
  rounds: BallotRound[]
  titles: Record<string, string>
}) {
  const name = (id: string | null) => (id ? (titles[id] ?? 'A proposal no longer shown') : '')
  return (
    <ol className="space-y-8">
      {rounds.map((round) => {
        const rows = Object.entries(round.votes).sort(
          ([a, x], [b, y]) => y - x || name(a).localeCompare(name(b)),
        )
        const moved = round.transfers.reduce((sum, t) => sum + t.ballots, 0)
        return (
          <li key={round.round} aria-labelledby={`round-${round.round}-heading`}>
            <h3 id={`round-${round.round}-heading`} className="text-lg font-bold">
              Round {round.round}
            </h3>
            <table className="mt-2 w-full text-sm">
              <caption className="sr-only">
                Votes in round {round.round}, of {number.format(round.live)} live ballots
              </caption>
              <thead>
                <tr className="text-left text-stone-700">
                  <th scope="col" className="py-1 pr-2 font-semibold">
                    Proposal
                  </th>
                  <th scope="col" className="py-1 pr-2 text-right font-semibold">
                    Votes
                  </th>
                  <th scope="col" className="py-1 pr-2 text-right font-semibold">
                    Share
                  </th>
                  <th scope="col" className="w-2/5 py-1">
                    <span className="sr-only">Chart</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map(([id, votes]) => {
                  const out = id === round.eliminatedId
                  const won = id === round.electedId
                  return (
                    <tr key={id} className="border-t border-stone-200">
                      <th scope="row" className="py-1.5 pr-2 text-left font-medium">
                        {name(id)}
                        {won || out ? ' ' : null}
                        {won ? <span className="ml-2 font-bold text-green-800">Wins</span> : null}
                        {out ? (
                          <span className="ml-2 font-semibold text-red-800">Eliminated</span>
                        ) : null}
                      </th>
                      <td className="py-1.5 pr-2 text-right tabular-nums">
                        {number.format(votes)}
                      </td>
                      <td className="py-1.5 pr-2 text-right tabular-nums">
                        {share(votes, round.live)}
                      </td>
                      <td className="py-1.5" aria-hidden="true">
                        <div className="relative h-4 rounded-sm bg-stone-100">
                          <div
                            className={`h-4 rounded-sm ${won ? 'bg-green-700' : out ? 'bg-red-700' : 'bg-brand-700'}`}
                            style={{ width: `${round.live ? (100 * votes) / round.live : 0}%` }}
                          />
                          <div className="absolute inset-y-0 left-1/2 border-l-2 border-dashed border-stone-900" />
                        </div>
                      </td>
                    </tr>
                  )
                })}
                <tr className="border-t border-stone-200 text-stone-700">
                  <th scope="row" className="py-1.5 pr-2 text-left font-normal">
                    Exhausted (no preference left)
                  </th>
                  <td className="py-1.5 pr-2 text-right tabular-nums">
                    {number.format(round.exhausted)}
                  </td>
                  <td className="py-1.5 pr-2 text-right">not counted</td>
                  <td />
                </tr>
              </tbody>
            </table>
            {round.electedId ? (
              <p className="mt-2">
                <strong>{name(round.electedId)}</strong> has a majority of the live ballots:{' '}
                {number.format(round.votes[round.electedId] ?? 0)} of {number.format(round.live)} (
                {share(round.votes[round.electedId] ?? 0, round.live)}).
              </p>
            ) : round.eliminatedId ? (
              <div className="mt-2 space-y-1">
                <p>
                  No option has more than half of the {number.format(round.live)} live ballots.{' '}
                  <strong>{name(round.eliminatedId)}</strong> has the fewest votes and is eliminated
                  {round.tieBreak === 'earlier_round'
                    ? ' (tied for fewest: it had fewer votes in an earlier round)'
                    : round.tieBreak === 'lot'
                      ? ' (tied for fewest in every round: drawn by lot from the recorded seed)'
                      : ''}
                  .
                </p>
                {moved > 0 ? (
                  <>
                    <p>Its {number.format(moved)} ballots went to their next preference:</p>
                    <table className="text-sm">
                      <caption className="sr-only">
                        Where the ballots of {name(round.eliminatedId)} went
                      </caption>
                      <thead>
                        <tr className="text-left text-stone-700">
                          <th scope="col" className="py-1 pr-4 font-semibold">
                            To
                          </th>
                          <th scope="col" className="py-1 pr-4 text-right font-semibold">
                            Ballots
                          </th>
                          <th scope="col" className="py-1 text-right font-semibold">
                            Share
                          </th>
                        </tr>
                      </thead>
                      <tbody>
                        {round.transfers.map((t) => (
                          <tr
                            key={t.toProposalId ?? 'exhausted'}
                            className="border-t border-stone-200"
                          >
                            <th scope="row" className="py-1 pr-4 text-left font-medium">
                              {t.toProposalId
                                ? name(t.toProposalId)
                                : 'No further preference (exhausted)'}
                            </th>
                            <td className="py-1 pr-4 text-right tabular-nums">
                              {number.format(t.ballots)}
                            </td>
                            <td className="py-1 text-right tabular-nums">
                              {share(t.ballots, moved)}
                            </td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </>
                ) : (
                  <p>It had no ballots to pass on.</p>
                )}
              </div>
            ) : (
              <p className="mt-2">No ballots were cast, so nothing won.</p>
            )}
          </li>
        )
      })}
    </ol>
  )
}
