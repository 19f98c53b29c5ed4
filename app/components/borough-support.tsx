// Support by borough: a small bar chart whose text equivalent is the table it is drawn in.
// The bars are drawn against the group's members (from the group's frame), so a borough's
// bar is the share of the group that voted there, and a single vote draws a short bar.
import { useRouteLoaderData } from '@remix-run/react'
import type { loader as groupLoader } from '~/routes/groups.$slug'
import { isShown, withheldNote } from '~/utils/borough-tally'
import { BoroughTable, type BoroughRow } from './borough-table'

const number = new Intl.NumberFormat('en-GB')

type Row = BoroughRow & { isBorough: boolean }

export function BoroughSupport({ rows, regionName }: { rows: Row[]; regionName: string }) {
  const boroughs = rows.filter((r) => r.isBorough)
  const backed = boroughs.filter((r) => isShown(r) && r.support > r.oppose).length
  const members =
    useRouteLoaderData<typeof groupLoader>('routes/groups.$slug')?.group.member_count ?? 0
  const voted = rows.reduce((sum, r) => sum + (isShown(r) ? r.support + r.oppose : 0), 0)
  const scale = Math.max(members, voted, 1)
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
        barScale={scale}
        className="mt-3"
      />
      <p className="mt-2 text-sm text-stone-700">
        A full bar would be all {number.format(scale)}{' '}
        {scale === members ? (scale === 1 ? 'member' : 'members') : 'voters'} of the group; the
        numbers are in the table.
      </p>
      <p className="mt-2 text-sm text-stone-700">{withheldNote}</p>
    </section>
  )
}
