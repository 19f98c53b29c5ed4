// How a group's proposals can be listed: the rankings, the status filters, the page size.
// Shared by the loader (queries) and the page (links and labels).
import { answeredStatuses, closedStatuses, publishedStatuses } from './proposal-statuses'

export const proposalSorts = {
  top: { label: 'Top', column: 'top_score' },
  rising: { label: 'Rising', column: 'hot_score' },
  new: { label: 'New', column: 'published_at' },
  discussed: { label: 'Most discussed', column: 'comment_count' },
  region: { label: 'Unites the region', column: 'region_score' },
} as const
export type ProposalSort = keyof typeof proposalSorts

export const statusFilters = {
  all: {
    label: 'All',
    statuses: publishedStatuses,
  },
  open: { label: 'Open for discussion', statuses: ['open'] },
  shortlisted: { label: 'Shortlisted', statuses: ['shortlisted'] },
  forwarded: { label: 'With the candidate', statuses: ['forwarded'] },
  answered: {
    label: 'Answered by the candidate',
    statuses: answeredStatuses,
  },
  closed: { label: 'Archived or merged', statuses: closedStatuses },
} as const
export type StatusFilter = keyof typeof statusFilters

export const proposalsPerPage = 20

/** Sort, status and page from the address; anything unknown falls back to the default. */
export function parseListingParams(params: URLSearchParams) {
  const sort = params.get('sort') ?? ''
  const status = params.get('status') ?? ''
  const page = Number(params.get('page') ?? 1)
  return {
    sort: (Object.hasOwn(proposalSorts, sort) ? sort : 'top') as ProposalSort,
    status: (Object.hasOwn(statusFilters, status) ? status : 'all') as StatusFilter,
    page: Number.isInteger(page) && page >= 1 && page <= 1000 ? page : 1,
  }
}

/** The address of one view of a group's list; page 1 is left out, as the form sends it. */
export function groupListingHref(
  slug: string,
  params: { sort: string; status: string; page?: number },
) {
  const search = new URLSearchParams({ sort: params.sort, status: params.status })
  if (params.page && params.page > 1) search.set('page', String(params.page))
  return `/groups/${slug}?${search}`
}
