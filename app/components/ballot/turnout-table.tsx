// Turnout (ballots / eligible members) overall and by borough. Boroughs where fewer than 5
// ranked are held back by Postgres and shown together in one row, never one by one.
import type { TurnoutRow } from '~/models/ballot.server'
import { share } from './ballot-rounds'

const number = new Intl.NumberFormat('en-GB')

export function TurnoutTable({
  rows,
  regionNames,
  ballots,
  eligible,
}: {
  rows: TurnoutRow[]
  regionNames: Record<string, string>
  ballots: number
  eligible: number
}) {
  return (
    <table className="w-full max-w-xl text-sm">
      <caption className="sr-only">Turnout by borough</caption>
      <thead>
        <tr className="text-left text-stone-700">
          <th scope="col" className="py-1 pr-2 font-semibold">
            Where
          </th>
          <th scope="col" className="py-1 pr-2 text-right font-semibold">
            Ballots
          </th>
          <th scope="col" className="py-1 pr-2 text-right font-semibold">
            Could vote
          </th>
          <th scope="col" className="py-1 text-right font-semibold">
            Turnout
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) =>
          row.region === null ? (
            <tr key="together" className="border-t border-stone-200">
              <th scope="row" className="py-1.5 pr-2 text-left font-medium">
                Smaller boroughs and members without one, together
              </th>
              <td className="py-1.5 pr-2 text-right tabular-nums">
                {number.format(row.voted ?? 0)}
              </td>
              <td className="py-1.5 pr-2 text-right tabular-nums">
                {number.format(row.eligible ?? 0)}
              </td>
              <td className="py-1.5 text-right tabular-nums">
                {share(row.voted ?? 0, row.eligible ?? 0)}
              </td>
            </tr>
          ) : (
            <tr key={row.region} className="border-t border-stone-200">
              <th scope="row" className="py-1.5 pr-2 text-left font-medium">
                {regionNames[row.region] ?? row.region}
              </th>
              {row.voted === null ? (
                <td colSpan={3} className="py-1.5 text-right text-stone-700">
                  {row.fewerThan5
                    ? 'fewer than 5 ballots: counted with the smaller boroughs'
                    : 'held back to protect smaller boroughs'}
                </td>
              ) : (
                <>
                  <td className="py-1.5 pr-2 text-right tabular-nums">
                    {number.format(row.voted)}
                  </td>
                  <td className="py-1.5 pr-2 text-right tabular-nums">
                    {number.format(row.eligible ?? 0)}
                  </td>
                  <td className="py-1.5 text-right tabular-nums">
                    {share(row.voted, row.eligible ?? 0)}
                  </td>
                </>
              )}
            </tr>
          ),
        )}
        <tr className="border-t-2 border-stone-400 font-semibold">
          <th scope="row" className="py-1.5 pr-2 text-left">
            Everyone
          </th>
          <td className="py-1.5 pr-2 text-right tabular-nums">{number.format(ballots)}</td>
          <td className="py-1.5 pr-2 text-right tabular-nums">{number.format(eligible)}</td>
          <td className="py-1.5 text-right tabular-nums">{share(ballots, eligible)}</td>
        </tr>
      </tbody>
    </table>
  )
}
