// The candidate's review: its two lists, rankings, filters and page size, and the filters of
// the exports. Shared by the loaders (queries) and the pages (links and labels).
import type { Enums } from '~/types/database'
import { horizonLabels, type Horizon } from './horizons'
import { answeredStatuses } from './proposal-statuses'

type Status = Enums<'proposal_status'>
export { horizonLabels, type Horizon }

export const reviewTabs = {
  forwarded: { label: 'To answer', statuses: ['forwarded'] as Status[] },
  answered: { label: 'Answered', statuses: [...answeredStatuses] as Status[] },
} as const
export type ReviewTab = keyof typeof reviewTabs

export const reviewSorts = {
  top: { label: 'Top', column: 'top_score' },
  region: { label: 'Unites the region', column: 'region_score' },
} as const
export type ReviewSort = keyof typeof reviewSorts

export const reviewPageSize = 25

export type ReviewParams = {
  tab: ReviewTab
  sort: ReviewSort
  group: string | null
  horizon: Horizon | null
  borough: string | null
  page: number
}

const slugPattern = /^[a-z0-9]+(-[a-z0-9]+)*$/

function slugParam(value: string | null) {
  return value && value.length <= 60 && slugPattern.test(value) ? value : null
}

/** Everything from the address; anything unknown falls back to the default. */
export function parseReviewParams(params: URLSearchParams): ReviewParams {
  const tab = params.get('tab') ?? ''
  const sort = params.get('sort') ?? ''
  const horizon = params.get('horizon') ?? ''
  const page = Number(params.get('page') ?? 1)
  return {
    tab: (Object.hasOwn(reviewTabs, tab) ? tab : 'forwarded') as ReviewTab,
    sort: (Object.hasOwn(reviewSorts, sort) ? sort : 'top') as ReviewSort,
    group: slugParam(params.get('group')),
    horizon: Object.hasOwn(horizonLabels, horizon) ? (horizon as Horizon) : null,
    borough: slugParam(params.get('borough')),
    page: Number.isInteger(page) && page >= 1 && page <= 1000 ? page : 1,
  }
}

/** The address of the review list with some parameters changed; defaults are left out. */
export function reviewHref(params: ReviewParams, changes: Partial<ReviewParams> = {}) {
  const next = { ...params, page: 1, ...changes }
  const search = new URLSearchParams()
  if (next.tab !== 'forwarded') search.set('tab', next.tab)
  if (next.sort !== 'top') search.set('sort', next.sort)
  if (next.group) search.set('group', next.group)
  if (next.horizon) search.set('horizon', next.horizon)
  if (next.borough) search.set('borough', next.borough)
  if (next.page > 1) search.set('page', String(next.page))
  const query = search.toString()
  return query ? `/review?${query}` : '/review'
}

/** What the exports and the print page can hold. Their addresses are stable: the facilitator
 * console links to them too. */
export const exportStatuses = {
  forwarded: { label: 'With the candidate', statuses: ['forwarded'] as Status[] },
  shortlisted: { label: 'Shortlisted', statuses: ['shortlisted'] as Status[] },
  answered: {
    label: 'Answered by the candidate',
    statuses: [...answeredStatuses] as Status[],
  },
} as const
export type ExportStatus = keyof typeof exportStatuses

export function parseExportParams(params: URLSearchParams) {
  const status = params.get('status') ?? ''
  return {
    status: (Object.hasOwn(exportStatuses, status) ? status : 'forwarded') as ExportStatus,
    group: slugParam(params.get('group')),
  }
}

export function exportHref(
  kind: 'export.csv' | 'export.md' | 'print',
  filters: { status: ExportStatus; group: string | null },
) {
  const search = new URLSearchParams({ status: filters.status })
  if (filters.group) search.set('group', filters.group)
  return `/review/${kind}?${search}`
}
