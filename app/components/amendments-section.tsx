// The proposal page's suggested changes: counts, the open suggestions and the latest
// decided ones, each linking to its own page, and the way to suggest one (or why not yet).
import { Link } from '@remix-run/react'
import { RoleBadge } from '~/components/role-badge'
import { buttonClass } from '~/components/ui/button'
import type { AmendmentListItem } from '~/models/amendment.server'
import type { AmendmentSection } from '~/models/amendment-section.server'
import { longDate } from '~/utils/dates'

function plural(count: number, one: string, many: string) {
  return `${count} ${count === 1 ? one : many}`
}

export function AmendmentStatusLabel({
  status,
  outdated,
}: {
  status: AmendmentListItem['status']
  outdated: boolean
}) {
  const [label, tone] =
    status === 'accepted'
      ? ['Accepted', 'bg-green-100 text-green-900']
      : status === 'declined'
        ? ['Declined', 'bg-rose-100 text-rose-900']
        : outdated
          ? ['Open · outdated', 'bg-amber-100 text-amber-900']
          : ['Open', 'bg-brand-100 text-brand-900']
  return (
    <span className={`inline-block rounded-full px-2.5 py-0.5 text-xs font-semibold ${tone}`}>
      {label}
    </span>
  )
}

function AmendmentItem({
  item,
  href,
  version,
}: {
  item: AmendmentListItem
  href: string
  version: number
}) {
  const outdated = item.status === 'open' && item.baseVersion < version
  return (
    <li className="p-4">
      <div className="flex flex-wrap items-center gap-2">
        <AmendmentStatusLabel status={item.status} outdated={outdated} />
        <Link to={href} className="font-semibold text-brand-700 underline">
          Change suggested by {item.suggester}
        </Link>
        <RoleBadge badge={item.badge} />
      </div>
      <p className="mt-1 line-clamp-2 text-stone-800">{item.reason}</p>
      <p className="mt-1 text-sm text-stone-700">
        <time dateTime={item.createdAt}>{longDate(item.createdAt)}</time> · based on version{' '}
        {item.baseVersion} · {plural(item.supporters, 'supporter', 'supporters')}
      </p>
    </li>
  )
}

export function AmendmentsSection({
  section,
  basePath,
}: {
  section: AmendmentSection
  basePath: string
}) {
  const { counts, open, decided, version, suggestBlocker } = section
  return (
    <section aria-labelledby="amendments-heading" className="mt-10">
      <h3 id="amendments-heading" className="text-2xl font-bold">
        {`Suggested changes (${counts.open} open)`}
      </h3>
      <p className="mt-1 text-stone-700">
        {plural(counts.open, 'open suggestion', 'open suggestions')} · {counts.accepted} accepted ·{' '}
        {counts.declined} declined
      </p>
      {suggestBlocker ? (
        <p className="mt-3 text-stone-700">{suggestBlocker}</p>
      ) : (
        <p className="mt-3">
          <Link to={`${basePath}/amendments/new`} className={buttonClass('secondary')}>
            Suggest a change
          </Link>
        </p>
      )}
      {open.length ? (
        <ul
          aria-label="Open suggestions"
          className="mt-4 divide-y divide-stone-200 rounded-xl border border-stone-300 bg-white"
        >
          {open.map((item) => (
            <AmendmentItem
              key={item.id}
              item={item}
              href={`${basePath}/amendments/${item.id}`}
              version={version}
            />
          ))}
        </ul>
      ) : null}
      {counts.open > open.length ? (
        <p className="mt-2 text-sm text-stone-700">
          Showing the {open.length} newest open suggestions.
        </p>
      ) : null}
      {decided.length ? (
        <>
          <h4 className="mt-6 text-lg font-bold">Recently decided</h4>
          <ul className="mt-2 divide-y divide-stone-200 rounded-xl border border-stone-300 bg-white">
            {decided.map((item) => (
              <AmendmentItem
                key={item.id}
                item={item}
                href={`${basePath}/amendments/${item.id}`}
                version={version}
              />
            ))}
          </ul>
        </>
      ) : null}
    </section>
  )
}
