// The console's table of proposals: its status filters, page size, and the state in the
// address (sort, status, title search, page) that every form carries so that an act returns
// the facilitator to the same place in the list. The rankings are the group page's own.
import { proposalSorts, statusFilters, type ProposalSort } from './proposal-listing'
import { liveStatuses } from './proposal-statuses'

export const consoleStatusFilters = {
  live: {
    label: 'All live',
    statuses: liveStatuses,
  },
  open: { label: 'Open', statuses: statusFilters.open.statuses },
  shortlisted: { label: 'Shortlisted', statuses: statusFilters.shortlisted.statuses },
  forwarded: { label: 'With the candidate', statuses: statusFilters.forwarded.statuses },
  answered: { label: 'Answered', statuses: statusFilters.answered.statuses },
} as const
export type ConsoleStatusFilter = keyof typeof consoleStatusFilters

export const consoleRowsPerPage = 25
export const consoleSearchMax = 100

export type ConsoleListing = {
  sort: ProposalSort
  status: ConsoleStatusFilter
  q: string
  page: number
}

const defaults: ConsoleListing = { sort: 'top', status: 'live', q: '', page: 1 }

/** The listing from an address (or a form's `back` field); anything unknown falls back. */
export function parseConsoleListing(params: URLSearchParams): ConsoleListing {
  const sort = params.get('sort') ?? ''
  const status = params.get('status') ?? ''
  const page = Number(params.get('page') ?? 1)
  return {
    sort: (Object.hasOwn(proposalSorts, sort) ? sort : defaults.sort) as ProposalSort,
    status: (Object.hasOwn(consoleStatusFilters, status)
      ? status
      : defaults.status) as ConsoleStatusFilter,
    q: (params.get('q') ?? '').trim().slice(0, consoleSearchMax),
    page: Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1,
  }
}

/** The query string of a listing ('' for the default one, else with its '?'), leaving out
 * what is at its default so that addresses stay short. */
export function consoleQuery(listing: ConsoleListing, change: Partial<ConsoleListing> = {}) {
  const next = { ...listing, ...change }
  const search = new URLSearchParams()
  if (next.sort !== defaults.sort) search.set('sort', next.sort)
  if (next.status !== defaults.status) search.set('status', next.status)
  if (next.q) search.set('q', next.q)
  if (next.page > 1) search.set('page', String(next.page))
  const text = search.toString()
  return text ? `?${text}` : ''
}

/** Where an act on the console returns to: the same listing, at the row it was about. */
export function consoleReturn(slug: string, back: string, anchor?: string) {
  const listing = parseConsoleListing(new URLSearchParams(back))
  return `/groups/${slug}/console${consoleQuery(listing)}${anchor ? `#${anchor}` : ''}`
}

export function proposalAnchor(id: string) {
  return `proposal-${id}`
}
