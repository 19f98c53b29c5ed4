// The candidate's review list: proposals with the candidate across every group, one page at a
// time, ranked and filtered. A page costs one query for the proposals and one for the total
// (from the stored counts; by borough, counted with the page), then
// one for their support by borough and one for their answers, each `in` the page's ids —
// never data embedded per row, which PostgREST would compute for every row before the limit.
import type { Enums } from '~/types/database'
import type { BoroughTally } from '~/utils/borough-tally'
import { reviewPageSize, reviewSorts, type ReviewSort } from '~/utils/review-listing'
import type { Supabase } from '~/utils/supabase.server'

const proposalColumns =
  'id, group_id, title, summary, status, support_count, oppose_count, comment_count, amendments_accepted, published_at'

type ProposalRow = {
  id: string
  group_id: string
  title: string
  summary: string
  status: Enums<'proposal_status'>
  support_count: number
  oppose_count: number
  comment_count: number
  amendments_accepted: number
  published_at: string | null
}

export type ReviewQuery = {
  statuses: Array<Enums<'proposal_status'>>
  sort: ReviewSort
  /** null: every group. An empty list matches nothing. */
  groupIds: string[] | null
  borough: string | null
  page: number
}

/** Every group, archived ones too: their forwarded proposals still await an answer. */
export async function listReviewGroups(supabase: Supabase) {
  const { data, error } = await supabase
    .from('groups')
    .select('id, slug, name, horizon, archived_at')
    .order('position')
    .order('name')
  if (error) throw error
  return data
}

export async function listReviewPage(supabase: Supabase, query: ReviewQuery) {
  if (query.groupIds?.length === 0) return { proposals: [] as ProposalRow[], total: 0 }
  return query.borough
    ? pageByBorough(supabase, query, query.borough)
    : pageByScore(supabase, query)
}

function pageRange(page: number): [number, number] {
  const from = (page - 1) * reviewPageSize
  return [from, from + reviewPageSize - 1]
}

async function pageByScore(supabase: Supabase, query: ReviewQuery) {
  let request = supabase.from('proposals').select(proposalColumns).in('status', query.statuses)
  if (query.groupIds) request = request.in('group_id', query.groupIds)
  const [{ data, error }, total] = await Promise.all([
    request
      .order(reviewSorts[query.sort].column, { ascending: false })
      .order('published_at', { ascending: false })
      .order('id')
      .range(...pageRange(query.page)),
    countReviewable(supabase, query),
  ])
  if (error) throw error
  return { proposals: data, total }
}

/** The total from the stored counts per group and status (kept by triggers), not by counting
 * the proposals; their RLS shows hidden ones' counts to those who may list hidden ones. */
async function countReviewable(supabase: Supabase, query: ReviewQuery) {
  let request = supabase.from('proposal_counts').select('proposals').in('status', query.statuses)
  if (query.groupIds) request = request.in('group_id', query.groupIds)
  const { data, error } = await request
  if (error) throw error
  return data.reduce((sum, row) => sum + row.proposals, 0)
}

/** Proposals with support in the borough, the most supported there first. The proposal is a
 * to-one join on its primary key, which the status filter needs anyway; PostgREST orders by
 * an embedded column only if it is selected, hence the scores. */
async function pageByBorough(supabase: Supabase, query: ReviewQuery, borough: string) {
  let request = supabase
    .from('proposal_region_tallies')
    .select(
      `proposal_id, support, proposal:proposals!inner(${proposalColumns}, top_score, region_score)`,
      {
        count: 'exact',
      },
    )
    .eq('region', borough)
    .gt('support', 0)
    .in('proposal.status', query.statuses)
  if (query.groupIds) request = request.in('proposal.group_id', query.groupIds)
  const { data, error, count } = await request
    .order('support', { ascending: false })
    .order(`proposal(${reviewSorts[query.sort].column})`, { ascending: false })
    .order('proposal_id')
    .range(...pageRange(query.page))
  if (error) throw error
  return { proposals: data.map((row) => row.proposal), total: count ?? data.length }
}

export type { BoroughTally as RegionTally } from '~/utils/borough-tally'

/** Support and opposition by region for the given proposals, as the API gives them (small
 * boroughs withheld): proposal id → region → tally. */
/** One region's row as borough_support (or the proposal's region_support) gives it. */
export function toBoroughTally(row: {
  support: number | null
  oppose: number | null
  fewer_than_5: boolean
}): BoroughTally {
  // The generated type cannot say so, but withheld counts are null.
  return { support: row.support, oppose: row.oppose, fewerThan5: row.fewer_than_5 }
}

export async function listRegionTallies(supabase: Supabase, proposalIds: string[]) {
  const byProposal = new Map<string, Map<string, BoroughTally>>()
  if (proposalIds.length === 0) return byProposal
  const { data, error } = await supabase.rpc(
    'borough_support',
    { proposal_ids: proposalIds },
    { get: true },
  )
  if (error) throw error
  for (const row of data) {
    const regions = byProposal.get(row.proposal_id) ?? new Map<string, BoroughTally>()
    regions.set(row.region, toBoroughTally(row))
    byProposal.set(row.proposal_id, regions)
  }
  return byProposal
}

/** One proposal as the candidate's answer pages need it, or null if it cannot be read. */
export async function getReviewProposal(supabase: Supabase, proposalId: string) {
  if (!/^[0-9a-f-]{36}$/i.test(proposalId)) return null
  const { data, error } = await supabase
    .from('proposals')
    .select('id, title, status, support_count, group:groups!inner(slug, name)')
    .eq('id', proposalId)
    .maybeSingle()
  if (error) throw error
  if (!data) return null
  return {
    id: data.id,
    title: data.title,
    status: data.status,
    support: data.support_count,
    groupSlug: data.group.slug,
    groupName: data.group.name,
  }
}
