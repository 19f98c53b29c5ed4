// Support by borough in a compact grid: every borough's votes for and against in words, with
// a thin bar under them for the eye (hidden from screen readers, which read the words).
// Boroughs where fewer than 5 voted come without numbers and say so.
import { isShown, withheldText, type BoroughTally } from '~/utils/borough-tally'

export type RegionTallyRow = { slug: string; name: string; isBorough: boolean } & BoroughTally

function share(part: number, whole: number) {
  return `${Math.round((part / whole) * 1000) / 10}%`
}

export function RegionTallies({ rows, id }: { rows: RegionTallyRow[]; id: string }) {
  const boroughs = rows.filter((r) => r.isBorough)
  // Places that are not boroughs ("elsewhere") appear only when their numbers are shown.
  const listed = rows.filter((r) => r.isBorough || isShown(r))
  const backed = boroughs.filter((r) => isShown(r) && r.support > r.oppose).length
  const widest = Math.max(1, ...listed.flatMap((r) => (isShown(r) ? [r.support + r.oppose] : [])))
  return (
    <div className="mt-3">
      <p id={id} className="text-sm font-semibold">
        Support by borough{' '}
        <span className="font-normal text-stone-700">
          · more for than against in {backed} of {boroughs.length}
        </span>
      </p>
      <ul
        aria-labelledby={id}
        className="mt-1 grid grid-cols-2 gap-x-4 gap-y-1.5 text-sm sm:grid-cols-4 lg:grid-cols-7"
      >
        {listed.map((row) => (
          <li key={row.slug}>
            <span className="block font-medium">{row.name}</span>
            {isShown(row) ? (
              <>
                <span
                  className={`block tabular-nums ${row.support + row.oppose ? 'text-stone-800' : 'text-stone-600'}`}
                >
                  {row.support + row.oppose
                    ? `${row.support} for · ${row.oppose} against`
                    : 'no votes'}
                </span>
                <span
                  aria-hidden="true"
                  className="mt-0.5 flex h-1.5 overflow-hidden rounded bg-stone-100"
                >
                  <span className="bg-green-700" style={{ width: share(row.support, widest) }} />
                  <span className="bg-rose-600" style={{ width: share(row.oppose, widest) }} />
                </span>
              </>
            ) : (
              <span className="block text-stone-700">{withheldText(row)}</span>
            )}
          </li>
        ))}
      </ul>
    </div>
  )
}
