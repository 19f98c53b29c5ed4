// Facilitators' curation: moving proposals through the lifecycle, pinning, forwarding the
// shortlist, the group note. Postgres (transition_proposal and friends) decides who may.
import { listRegions } from './region.server'
import { refusedByDb } from '~/utils/db-errors.server'
import type { Enums } from '~/types/database'
import type { Supabase } from '~/utils/supabase.server'
import type { Outcome } from '~/utils/outcome'
import {
  consoleRowsPerPage,
  consoleStatusFilters,
  type ConsoleListing,
  type ConsoleStatusFilter,
} from '~/utils/console-listing'
import { proposalSorts } from '~/utils/proposal-listing'
import { listAuthors } from './proposal.server'

export type CurationAction = 'shortlist' | 'reopen' | 'forward' | 'archive' | 'merge'

const done: Record<CurationAction, string> = {
  shortlist: 'Shortlisted.',
  reopen: 'Returned to open discussion.',
  forward: 'Forwarded to the candidate.',
  archive: 'Archived. The reason is shown on the proposal.',
  merge: 'Merged. Its supporters have been invited to support the other proposal.',
}

export async function transitionProposal(
  supabase: Supabase,
  proposalId: string,
  action: CurationAction,
  { reason, mergeInto }: { reason?: string; mergeInto?: string } = {},
): Promise<Outcome> {
  const { error } = await supabase.rpc('transition_proposal', {
    proposal_id: proposalId,
    action,
    reason: reason ?? undefined,
    merge_target: mergeInto ?? undefined,
  })
  return error ? refusedByDb(error) : { ok: true, message: done[action] }
}

export async function forwardShortlist(
  supabase: Supabase,
  groupId: string,
  coverNote = '',
): Promise<Outcome> {
  const { data, error } = await supabase.rpc('forward_shortlist', {
    group_id: groupId,
    cover_note: coverNote,
  })
  if (error) return refusedByDb(error)
  return data
    ? {
        ok: true,
        message: `${data === 1 ? '1 proposal' : `${data} proposals`} forwarded to the candidate.`,
      }
    : { ok: false, message: 'The shortlist is empty.' }
}

export async function setPinned(
  supabase: Supabase,
  proposalId: string,
  pinned: boolean,
): Promise<Outcome> {
  const { error } = await supabase.rpc('set_proposal_pinned', { proposal_id: proposalId, pinned })
  return error
    ? refusedByDb(error)
    : { ok: true, message: pinned ? 'Pinned to the top of the group.' : 'Unpinned.' }
}

export async function updateGroupNote(
  supabase: Supabase,
  groupId: string,
  note: string,
): Promise<Outcome> {
  const { error } = await supabase.rpc('update_group_note', { group_id: groupId, note })
  return error ? refusedByDb(error) : { ok: true, message: 'The group summary is updated.' }
}

const consoleColumns =
  'id, title, status, pinned, hidden_at, published_at, support_count, oppose_count, comment_count, top_score, region_score'

/** Words of a title search, as ILIKE patterns: the wildcards a member could type (% _ and
 * PostgREST's *) are taken out, so each word matches as typed, anywhere in the title. */
function titlePatterns(q: string) {
  return q
    .replace(/[%_*\\]/g, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 8)
    .map((word) => `%${word}%`)
}

/** One page of the group's live proposals for the console's table: pinned first, then the
 * group page's ranking (the same listing indexes, so Postgres walks one and stops after the
 * page), filtered by status and by words in the title (decision 018: a search reads the group's
 * rows, as RLS keeps ilike from using an index, and sorts only its matches). The total comes
 * from the stored counters, or for a search from counting its matches. */
export async function listConsoleProposals(
  supabase: Supabase,
  groupId: string,
  { sort, status, q, page }: ConsoleListing,
) {
  const from = (page - 1) * consoleRowsPerPage
  const statuses = [...consoleStatusFilters[status].statuses]
  const patterns = titlePatterns(q)
  let query = supabase
    .from('proposals')
    .select(consoleColumns, { count: patterns.length ? 'exact' : undefined })
    .eq('group_id', groupId)
    .in('status', statuses)
  for (const pattern of patterns) query = query.ilike('title', pattern)
  const rows = query
    .order('pinned', { ascending: false })
    .order(proposalSorts[sort].column, { ascending: false, nullsFirst: false })
    .order('published_at', { ascending: false })
    .range(from, from + consoleRowsPerPage - 1)
  const counts = supabase
    .from('proposal_counts')
    .select('status, proposals')
    .eq('group_id', groupId)
  const [listed, counted] = await Promise.all([rows, counts])
  if (listed.error) throw listed.error
  if (counted.error) throw counted.error
  const byFilter = Object.fromEntries(
    Object.entries(consoleStatusFilters).map(([name, filter]) => [
      name,
      counted.data
        .filter((row) => (filter.statuses as readonly string[]).includes(row.status))
        .reduce((sum, row) => sum + row.proposals, 0),
    ]),
  ) as Record<ConsoleStatusFilter, number>
  const total = patterns.length ? (listed.count ?? 0) : byFilter[status]
  return {
    rows: listed.data,
    total,
    pages: Math.max(1, Math.ceil(total / consoleRowsPerPage)),
    byFilter,
  }
}

/** How many boroughs the region has: the "Unites the region" score averages over them. */
export async function countBoroughs(supabase: Supabase) {
  return (await listRegions(supabase)).filter((region) => region.is_borough).length
}

/** The same act on each of the selected proposals, one transition_proposal call each, so
 * Postgres applies the same rules as to a single act. What was done, and what was refused
 * and why, by title. */
/** The titles of the selected proposals that are in this group (others are ignored), in the
 * order they were selected. */
export async function listSelectedTitles(supabase: Supabase, groupId: string, ids: string[]) {
  if (ids.length === 0) return []
  const { data, error } = await supabase
    .from('proposals')
    .select('id, title')
    .eq('group_id', groupId)
    .in('id', ids)
  if (error) throw error
  const byId = new Map(data.map((row) => [row.id, row]))
  return ids.flatMap((id) => byId.get(id) ?? [])
}

export async function transitionMany(
  supabase: Supabase,
  groupId: string,
  ids: string[],
  action: 'shortlist' | 'archive',
  reason?: string,
) {
  const titles = new Map(
    (await listSelectedTitles(supabase, groupId, ids)).map((row) => [row.id, row.title]),
  )
  const done: string[] = []
  const refused: Array<{ id: string; title: string; message: string }> = []
  for (const id of ids) {
    const title = titles.get(id)
    if (!title) {
      refused.push({ id, title: 'A proposal', message: 'It is not in this group.' })
      continue
    }
    const outcome = await transitionProposal(supabase, id, action, { reason })
    if (outcome.ok) done.push(id)
    else refused.push({ id, title, message: outcome.message })
  }
  return { done, refused }
}

/** Proposals the viewer wrote, co-writes or is invited to co-write: they decide on none of
 * them (Postgres refuses; the console says who does). One query, whatever the listing. */
export async function listOwnProposalIds(supabase: Supabase, viewerId: string) {
  const { data, error } = await supabase
    .from('proposal_authors')
    .select('proposal_id')
    .eq('user_id', viewerId)
  if (error) throw error
  return new Set(data.map((row) => row.proposal_id))
}

/** What a proposal can be merged into: the group's open and shortlisted proposals other than
 * it and the curator's own (Postgres refuses those), with their authors — the 20 that best
 * match the words searched for, or without words the group's Top 20 (its listing index).
 * A picker that searches, not one list of every proposal in every row of the console. */
export async function listMergeTargets(
  supabase: Supabase,
  { groupId, groupSlug, proposalId, ownIds, query }: MergeTargetQuery,
) {
  const shown = 20
  const live = ['open', 'shortlisted'] as const
  let rows: Array<{
    id: string
    title: string
    status: Enums<'proposal_status'>
    support_count: number
    published_at: string | null
  }>
  if (query) {
    const { data, error } = await supabase.rpc('search_proposals', {
      query,
      group_slug: groupSlug,
      result_limit: 50,
    })
    if (error) throw error
    rows = data
  } else {
    const { data, error } = await supabase
      .from('proposals')
      .select('id, title, status, support_count, published_at')
      .eq('group_id', groupId)
      .in('status', [...live])
      .order('pinned', { ascending: false })
      .order('top_score', { ascending: false, nullsFirst: false })
      .order('published_at', { ascending: false })
      .limit(shown + 1 + ownIds.size)
    if (error) throw error
    rows = data
  }
  const targets = rows
    .filter(
      (row) =>
        (live as readonly string[]).includes(row.status) &&
        row.id !== proposalId &&
        !ownIds.has(row.id),
    )
    .slice(0, shown)
  const authors = await listAuthors(
    supabase,
    targets.map((t) => t.id),
  )
  return targets.map((t) => ({ ...t, authors: authors.get(t.id) ?? [] }))
}

type MergeTargetQuery = {
  groupId: string
  groupSlug: string
  proposalId: string
  ownIds: Set<string>
  query: string
}

/** The shortlist's ids (a few dozen at most): whether there is one to forward, and whether
 * the curator's own proposal is on it (then another facilitator forwards it). */
export async function listShortlistIds(supabase: Supabase, groupId: string) {
  const { data, error } = await supabase
    .from('proposals')
    .select('id')
    .eq('group_id', groupId)
    .eq('status', 'shortlisted')
    .limit(200)
  if (error) throw error
  return data.map((row) => row.id)
}
