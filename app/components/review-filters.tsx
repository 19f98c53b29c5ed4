// The review page's controls: its two lists, the ranking, the filters (a plain GET form) and
// the exports of the list. Every control is a link or a form, so all work without JavaScript.
import { Form, Link } from '@remix-run/react'
import {
  exportHref,
  horizonLabels,
  reviewHref,
  reviewSorts,
  reviewTabs,
  type ReviewParams,
} from '~/utils/review-listing'

type Choice = { slug: string; name: string }

const pill = (active: boolean) =>
  `rounded-full border px-3 py-1 text-sm font-semibold ${
    active
      ? 'border-brand-700 bg-brand-700 text-white'
      : 'border-stone-400 bg-white text-stone-900 hover:bg-stone-100'
  }`
const select =
  'mt-1 block w-full rounded-md border border-stone-500 bg-white px-2 py-1.5 font-normal'

export function ReviewTabs({ filters }: { filters: ReviewParams }) {
  return (
    <nav aria-label="Review lists" className="mt-6 flex gap-1 border-b border-stone-300">
      {Object.entries(reviewTabs).map(([key, { label }]) => (
        <Link
          key={key}
          to={reviewHref(filters, { tab: key as ReviewParams['tab'] })}
          aria-current={key === filters.tab ? 'page' : undefined}
          className={`-mb-px border-b-4 px-3 py-2 font-semibold ${
            key === filters.tab
              ? 'border-brand-700 text-brand-800'
              : 'border-transparent text-stone-700 hover:text-brand-800'
          }`}
        >
          {label}
        </Link>
      ))}
    </nav>
  )
}

export function ReviewControls({
  filters,
  groups,
  boroughs,
}: {
  filters: ReviewParams
  groups: Choice[]
  boroughs: Choice[]
}) {
  return (
    <div className="mt-4 space-y-4">
      <nav aria-label="Rank by" className="flex flex-wrap items-center gap-2">
        <span className="text-sm font-semibold text-stone-700" aria-hidden="true">
          Rank by
        </span>
        {Object.entries(reviewSorts).map(([key, { label }]) => (
          <Link
            key={key}
            to={reviewHref(filters, { sort: key as ReviewParams['sort'] })}
            aria-current={key === filters.sort ? 'true' : undefined}
            preventScrollReset
            className={pill(key === filters.sort)}
          >
            {label}
          </Link>
        ))}
      </nav>
      <Form
        method="get"
        action="/review"
        aria-label="Filter proposals"
        className="grid items-end gap-3 sm:grid-cols-4"
      >
        {filters.tab !== 'forwarded' ? (
          <input type="hidden" name="tab" value={filters.tab} />
        ) : null}
        {filters.sort !== 'top' ? <input type="hidden" name="sort" value={filters.sort} /> : null}
        <label className="text-sm font-semibold">
          Group
          <select name="group" defaultValue={filters.group ?? ''} className={select}>
            <option value="">All groups</option>
            {groups.map((g) => (
              <option key={g.slug} value={g.slug}>
                {g.name}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm font-semibold">
          Horizon
          <select name="horizon" defaultValue={filters.horizon ?? ''} className={select}>
            <option value="">Any horizon</option>
            {Object.entries(horizonLabels).map(([key, label]) => (
              <option key={key} value={key}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm font-semibold">
          Supported in
          <select name="borough" defaultValue={filters.borough ?? ''} className={select}>
            <option value="">Any borough</option>
            {boroughs.map((b) => (
              <option key={b.slug} value={b.slug}>
                {b.name}
              </option>
            ))}
          </select>
        </label>
        <button
          type="submit"
          className="rounded-md border border-stone-400 bg-white px-3 py-1.5 font-semibold hover:bg-stone-100"
        >
          Show
        </button>
      </Form>
    </div>
  )
}

export function ReviewExports({ filters }: { filters: ReviewParams }) {
  const exportFilters = { status: filters.tab, group: filters.group }
  const link = 'font-semibold text-brand-700 underline'
  return (
    <section
      aria-labelledby="exports-heading"
      className="rounded-xl border border-stone-300 bg-white p-4 text-sm"
    >
      <h2 id="exports-heading" className="font-bold">
        Take this list away
      </h2>
      <p className="mt-1 text-stone-700">
        Every proposal {filters.tab === 'forwarded' ? 'waiting for an answer' : 'already answered'}
        {filters.group ? ' in this group' : ' in every group'}, with its full text (horizon and
        borough filters do not apply).
      </p>
      <ul className="mt-2 flex flex-wrap gap-x-5 gap-y-1">
        <li>
          <a href={exportHref('export.csv', exportFilters)} className={link} download>
            Spreadsheet (CSV)
          </a>
        </li>
        <li>
          <a href={exportHref('export.md', exportFilters)} className={link} download>
            Document (Markdown)
          </a>
        </li>
        <li>
          <Link to={exportHref('print', exportFilters)} className={link}>
            Print view
          </Link>
        </li>
      </ul>
    </section>
  )
}
