// The console's proposals: a compact, paged table of the group's live proposals, sortable
// by the group page's rankings, filtered by status, searched by title; rows selected for a
// bulk shortlist or archive. Filters are a plain GET form and acts plain POST forms, so it
// all works without JavaScript; the place in the list lives in the address.
import { Form, Link } from '@remix-run/react'
import { useSyncExternalStore } from 'react'
import { Button } from '~/components/ui/button'
import {
  consoleQuery,
  consoleSearchMax,
  consoleStatusFilters,
  type ConsoleListing,
  type ConsoleStatusFilter,
} from '~/utils/console-listing'
import { proposalSorts } from '~/utils/proposal-listing'
import { ConsoleForm } from './console-form'
import { bulkFormId, ProposalRow, type ConsoleRow } from './proposal-row'

const select =
  'mt-1 block w-full rounded-md border border-stone-400 bg-white px-2 py-2 text-stone-900'

function Controls({
  listing,
  byFilter,
}: {
  listing: ConsoleListing
  byFilter: Record<ConsoleStatusFilter, number>
}) {
  return (
    <Form
      method="get"
      className="grid grid-cols-1 items-end gap-3 rounded-xl border border-stone-300 bg-stone-50 p-3 min-[420px]:grid-cols-2 sm:grid-cols-[2fr_1fr_1fr_auto]"
      aria-label="Find proposals"
    >
      <label className="block text-sm font-semibold min-[420px]:col-span-2 sm:col-span-1">
        Search titles
        <input
          type="search"
          name="q"
          defaultValue={listing.q}
          maxLength={consoleSearchMax}
          className={select}
        />
      </label>
      <label className="block text-sm font-semibold">
        Status
        <select name="status" defaultValue={listing.status} className={select}>
          {Object.entries(consoleStatusFilters).map(([name, filter]) => (
            <option key={name} value={name}>
              {filter.label} ({byFilter[name as ConsoleStatusFilter]})
            </option>
          ))}
        </select>
      </label>
      <label className="block text-sm font-semibold">
        Sort by
        <select name="sort" defaultValue={listing.sort} className={select}>
          {Object.entries(proposalSorts).map(([name, sort]) => (
            <option key={name} value={name}>
              {sort.label}
            </option>
          ))}
        </select>
      </label>
      <Button type="submit" variant="secondary" className="min-[420px]:col-span-2 sm:col-span-1">
        Show
      </Button>
    </Form>
  )
}

/** What the two percentages mean, as Postgres computes them (wilson_lower_bound and
 * cross_borough_score in the ranking migration). */
function ScoresExplained({ boroughs }: { boroughs: number }) {
  return (
    <details id="scores-explained" className="rounded-md text-sm text-stone-800">
      <summary className="cursor-pointer font-semibold text-brand-800 underline">
        What “Top” and “Unites the region” mean
      </summary>
      <p id="top-explained" className="mt-2">
        <strong>Top</strong>: the share of votes in support, counted cautiously — the lowest share
        it could plausibly be (95% confidence), so a few votes count for less than many. 3 of 3 in
        support is 44%; 60 of 75 is 70%.
      </p>
      <p id="region-explained" className="mt-2">
        <strong>Unites the region</strong>: the same cautious share worked out in each of the{' '}
        {boroughs} boroughs and averaged over all of them; a borough with no votes counts as 0. A
        proposal backed in one borough alone scores at most{' '}
        {Math.round(100 / Math.max(boroughs, 1))}
        %.
      </p>
    </details>
  )
}

function Pager({
  listing,
  pages,
  total,
}: {
  listing: ConsoleListing
  pages: number
  total: number
}) {
  const link = 'font-semibold text-brand-700 underline'
  return (
    <nav aria-label="Pages of proposals" className="flex flex-wrap items-center gap-4 text-sm">
      {listing.page > 1 ? (
        <Link to={consoleQuery(listing, { page: listing.page - 1 }) || '?'} className={link}>
          Previous page
        </Link>
      ) : null}
      <span>
        Page {listing.page} of {pages} · {total} {total === 1 ? 'proposal' : 'proposals'}
      </span>
      {listing.page < pages ? (
        <Link to={consoleQuery(listing, { page: listing.page + 1 })} className={link}>
          Next page
        </Link>
      ) : null}
    </nav>
  )
}

const noSubscription = () => () => undefined

/** With JavaScript, one box ticks every row on the page; without it, each row is ticked. */
function SelectPage() {
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  )
  if (!hydrated) return null
  return (
    <label className="flex items-center gap-2 font-semibold">
      <input
        type="checkbox"
        className="size-5"
        onChange={(event) => {
          const boxes = document.querySelectorAll<HTMLInputElement>(
            `input[name=selected][form=${bulkFormId}]`,
          )
          for (const box of boxes) box.checked = event.currentTarget.checked
        }}
      />
      All on this page
    </label>
  )
}

function BulkBar() {
  return (
    <ConsoleForm
      id={bulkFormId}
      className="flex flex-wrap items-center gap-2 rounded-md border border-stone-300 p-2 text-sm"
      aria-label="Act on the selected proposals"
    >
      <SelectPage />
      <span className="font-semibold">With the selected:</span>
      <Button
        type="submit"
        name="intent"
        value="bulk-shortlist"
        variant="secondary"
        className="px-2 py-1 text-sm"
      >
        Shortlist the selected
      </Button>
      <Button
        type="submit"
        name="intent"
        value="bulk-archive"
        variant="secondary"
        className="px-2 py-1 text-sm"
      >
        Archive the selected…
      </Button>
    </ConsoleForm>
  )
}

const head = 'px-2 py-2 text-left text-sm font-semibold'

export function ProposalTable({
  groupSlug,
  rows,
  listing,
  byFilter,
  pages,
  total,
  boroughs,
}: {
  groupSlug: string
  rows: ConsoleRow[]
  listing: ConsoleListing
  byFilter: Record<ConsoleStatusFilter, number>
  pages: number
  total: number
  boroughs: number
}) {
  return (
    <div className="space-y-3">
      <Controls listing={listing} byFilter={byFilter} />
      <ScoresExplained boroughs={boroughs} />
      {rows.length === 0 ? (
        <p className="text-stone-700">
          {listing.q
            ? `No proposal with this status has “${listing.q}” in its title.`
            : 'None with this status.'}
        </p>
      ) : (
        <>
          <BulkBar />
          <table className="w-full border-collapse rounded-xl bg-white max-md:block">
            <caption className="sr-only">
              {consoleStatusFilters[listing.status].label} proposals, by{' '}
              {proposalSorts[listing.sort].label}
            </caption>
            <thead className="max-md:sr-only">
              <tr className="border-b border-stone-300">
                <th className={head}>
                  <span className="sr-only">Select</span>
                </th>
                <th className={head}>Proposal</th>
                <th className={head}>Status</th>
                <th className={`${head} text-right`}>Support</th>
                <th className={`${head} text-right`}>Oppose</th>
                <th className={`${head} text-right`}>Comments</th>
                <th className={`${head} text-right`} aria-describedby="top-explained">
                  <a href="#scores-explained" className="underline decoration-dotted">
                    Top
                  </a>
                </th>
                <th className={`${head} text-right`} aria-describedby="region-explained">
                  <a href="#scores-explained" className="underline decoration-dotted">
                    Unites the region
                  </a>
                </th>
                <th className={`${head} text-right`}>Actions</th>
              </tr>
            </thead>
            <tbody className="max-md:block">
              {rows.map((row) => (
                <ProposalRow key={row.id} row={row} groupSlug={groupSlug} />
              ))}
            </tbody>
          </table>
        </>
      )}
      <Pager listing={listing} pages={pages} total={total} />
    </div>
  )
}
