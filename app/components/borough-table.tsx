// Votes for and against by where the voter lives, as a table (the text equivalent), with
// optional bars drawn in it for the eye. Boroughs whose numbers the API withholds (fewer than
// 5 voters) say so in words instead. Bars are drawn against a scale the caller names (the
// group's members), never against the largest row: one vote must not look like everyone.
import { isShown, withheldText, type BoroughTally } from '~/utils/borough-tally'

export type BoroughRow = { slug: string; name: string } & BoroughTally

export function BoroughTable({
  rows,
  caption,
  bars = false,
  barScale = 0,
  className = '',
}: {
  rows: BoroughRow[]
  caption: React.ReactNode
  bars?: boolean
  /** How many people a full-length bar stands for. */
  barScale?: number
  className?: string
}) {
  const widest = Math.max(
    1,
    barScale,
    ...rows.flatMap((r) => (isShown(r) ? [r.support + r.oppose] : [])),
  )
  return (
    <table className={`w-full text-sm ${className}`}>
      <caption className={typeof caption === 'string' ? 'sr-only' : 'text-left font-semibold'}>
        {caption}
      </caption>
      <thead>
        <tr className="text-left text-stone-700">
          <th scope="col" className="py-1 pr-2 font-semibold">
            Where
          </th>
          <th scope="col" className="py-1 pr-2 text-right font-semibold">
            For
          </th>
          <th scope="col" className="py-1 pr-2 text-right font-semibold">
            Against
          </th>
          {bars ? (
            <th scope="col" className="w-2/5 py-1">
              <span className="sr-only">Chart</span>
            </th>
          ) : null}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.slug} className="border-t border-stone-200">
            <th scope="row" className="py-1.5 pr-2 text-left font-medium">
              {row.name}
            </th>
            {isShown(row) ? (
              <>
                <td className="py-1.5 pr-2 text-right tabular-nums">{row.support}</td>
                <td className="py-1.5 pr-2 text-right tabular-nums">{row.oppose}</td>
              </>
            ) : (
              <td colSpan={2} className="py-1.5 pr-2 text-right text-stone-700">
                {withheldText(row)}
              </td>
            )}
            {bars ? (
              <td className="py-1.5" aria-hidden="true">
                {isShown(row) ? (
                  <div className="flex h-3 overflow-hidden rounded bg-stone-100">
                    <div
                      className="bg-green-700"
                      style={{ width: `${(row.support / widest) * 100}%` }}
                    />
                    <div
                      className="bg-rose-600"
                      style={{ width: `${(row.oppose / widest) * 100}%` }}
                    />
                  </div>
                ) : null}
              </td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </table>
  )
}
