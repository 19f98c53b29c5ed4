// How a group's list of proposals is chosen and paged: the rankings as links, the status
// filter as a plain GET form (so it works without JavaScript), and previous and next pages.
import { Form, Link } from '@remix-run/react'
import {
  groupListingHref,
  proposalSorts,
  statusFilters,
  type ProposalSort,
  type StatusFilter,
} from '~/utils/proposal-listing'

export function ListingControls({
  slug,
  sort,
  status,
}: {
  slug: string
  sort: ProposalSort
  status: StatusFilter
}) {
  return (
    <>
      <nav aria-label="Sort proposals" className="mt-4 flex flex-wrap gap-2">
        {Object.entries(proposalSorts).map(([key, { label }]) => (
          <Link
            key={key}
            to={groupListingHref(slug, { sort: key, status })}
            aria-current={key === sort ? 'true' : undefined}
            preventScrollReset
            className={`rounded-full border px-3 py-1 text-sm font-semibold ${
              key === sort
                ? 'border-brand-700 bg-brand-700 text-white'
                : 'border-stone-400 bg-white text-stone-900 hover:bg-stone-100'
            }`}
          >
            {label}
          </Link>
        ))}
      </nav>
      <Form method="get" className="mt-3 flex flex-wrap items-end gap-2" preventScrollReset>
        <input type="hidden" name="sort" value={sort} />
        <label className="text-sm font-semibold">
          Status
          <select
            name="status"
            defaultValue={status}
            className="ml-2 rounded-md border border-stone-500 bg-white px-2 py-1"
          >
            {Object.entries(statusFilters).map(([key, { label }]) => (
              <option key={key} value={key}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <button
          type="submit"
          className="rounded-md border border-stone-400 bg-white px-3 py-1 text-sm font-semibold hover:bg-stone-100"
        >
          Show
        </button>
      </Form>
    </>
  )
}

export function ListingPager({
  slug,
  sort,
  status,
  page,
  pages,
}: {
  slug: string
  sort: ProposalSort
  status: StatusFilter
  page: number
  pages: number
}) {
  if (pages <= 1) return null
  return (
    <nav aria-label="Pages" className="mt-6 flex flex-wrap items-center gap-3">
      {page > 1 ? (
        <Link
          to={groupListingHref(slug, { sort, status, page: page - 1 })}
          className="font-semibold text-brand-700 underline"
        >
          Previous page
        </Link>
      ) : null}
      <span className="text-stone-700">
        Page {page} of {pages}
      </span>
      {page < pages ? (
        <Link
          to={groupListingHref(slug, { sort, status, page: page + 1 })}
          className="font-semibold text-brand-700 underline"
        >
          Next page
        </Link>
      ) : null}
    </nav>
  )
}
