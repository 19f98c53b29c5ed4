// Support by borough: a small bar chart whose text equivalent is the table it is drawn in.
import { isShown, withheldNote } from '~/utils/borough-tally'
import { BoroughTable, type BoroughRow } from './borough-table'

type Row = BoroughRow & { isBorough: boolean }

export function BoroughSupport({ rows, regionName }: { rows: Row[]; regionName: string }) {
  const boroughs = rows.filter((r) => r.isBorough)
  const backed = boroughs.filter((r) => isShown(r) && r.support > r.oppose).length
  return (
    <section
      aria-labelledby="boroughs-heading"
      className="rounded-xl border border-stone-300 bg-white p-5"
    >
      <h3 id="boroughs-heading" className="text-lg font-bold">
        Support across {regionName || 'the region'}
      </h3>
      <p className="mt-1 text-sm text-stone-700">
        More support than opposition in {backed} of {boroughs.length} boroughs.
      </p>
      <BoroughTable
        rows={rows}
        caption="Votes for and against, by where the voter lives"
        bars
        className="mt-3"
      />
      <p className="mt-2 text-sm text-stone-700">{withheldNote}</p>
    </section>
  )
}
