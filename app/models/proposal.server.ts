// Proposals: reading them with their authors, drafting, saving with a version check,
// publishing. Postgres decides who may do each (RLS, triggers, publish_proposal).
import type { ProposalDocument } from '~/editor/document'
import type { Database, Json } from '~/types/database'
import {
  proposalSorts,
  proposalsPerPage,
  statusFilters,
  type ProposalSort,
  type StatusFilter,
} from '~/utils/proposal-listing'
import { roleBadge, type RoleBadgeValue } from '~/utils/role-badge'
import { frameBringsProposalState, getPageFrame } from '~/utils/page-frame.server'
import type { Supabase } from '~/utils/supabase.server'
import { outcomeOfWrite, refusedByDb } from '~/utils/db-errors.server'
import { succeededWith, type Outcome } from '~/utils/outcome'

const authorsEmbed =
  'authors:proposal_authors(role, user_id, accepted_at, profile:profiles!proposal_authors_user_id_fkey(display_name, role_badge))'

/** An author or co-author; `pending` is an invitation not yet accepted, which RLS shows only
 * to the inviter and the invitee. */
export type ProposalAuthor = {
  id: string
  displayName: string
  role: 'author' | 'coauthor'
  pending: boolean
  /** Set by Postgres from the member's roles (public.role_badge), never by the member. */
  badge: RoleBadgeValue | null
}

function toAuthors(
  rows: Array<{
    role: 'author' | 'coauthor'
    user_id: string
    accepted_at: string | null
    profile: { display_name: string; role_badge?: string | null } | null
  }>,
): ProposalAuthor[] {
  return rows
    .map((row) => ({
      id: row.user_id,
      role: row.role,
      displayName: row.profile?.display_name ?? 'Member',
      pending: row.accepted_at === null,
      badge: roleBadge(row.profile?.role_badge),
    }))
    .sort((a, b) =>
      a.role === b.role ? a.displayName.localeCompare(b.displayName) : a.role === 'author' ? -1 : 1,
    )
}

/** Support and opposition in one region, as borough_support gives it (withheld: null). */
export type RegionTallyRow = {
  region: string
  support: number | null
  oppose: number | null
  fewer_than_5: boolean
}

/** The viewer's standing in a group, as my_standing gives it. */
export type ViewerStanding = Database['public']['Functions']['my_standing']['Returns'][number]

export async function getProposal(supabase: Supabase, id: string) {
  const { data, error } = await supabase
    .from('proposals')
    .select(
      `id, group_id, author_id, title, summary, body, status, version, pinned, status_reason, merged_into, published_at, created_at, updated_at, support_count, oppose_count, comment_count, hidden_at, hidden_reason, amendments_open, amendments_accepted, amendments_declined, ready_at, ${authorsEmbed}`,
    )
    .eq('id', id)
    .maybeSingle()
  if (error) throw error
  if (!data) return null
  const { authors, ...proposal } = data
  return { ...proposal, authors: toAuthors(authors) }
}

/** The viewer and one proposal, in one read asked beside the proposal's: whether they may
 * edit it (the update policy's own test, asked of Postgres), their vote, whether they follow
 * it and their standing in its group (a visitor may do none of it, and has none), and its
 * support borough by borough. */
export async function getMyProposalState(supabase: Supabase, id: string) {
  // On the proposal's own pages the page frame has asked it already.
  const state = (
    frameBringsProposalState(supabase, id)
      ? (await getPageFrame(supabase)).proposalState
      : await readMyProposalState(supabase, id)
  ) as {
    can_edit: boolean
    vote: number
    following: boolean
    standing: ViewerStanding | null
    regions: RegionTallyRow[]
  }
  return {
    canEdit: state.can_edit === true,
    vote: state.vote,
    following: state.following === true,
    standing: state.standing,
    regionTallies: state.regions,
  }
}

async function readMyProposalState(supabase: Supabase, id: string) {
  const { data, error } = await supabase.rpc(
    'my_proposal_state',
    { target: id, with_regions: true },
    { get: true },
  )
  if (error) throw error
  return data
}

/** The group page's rows: one page of the group's published proposals, pinned first, then
 * by the chosen ranking, with the total and the group's facilitators — one PostgREST call,
 * embedded in the group found by its slug, so it need not wait for the group to be read.
 * An index per ranking has exactly this order, so Postgres reads about the page's rows; the
 * total comes from the stored counters (proposal_counts), whose RLS shows hidden ones to
 * those who may list them. The authors come in a second call for the page's ids: embedded,
 * Postgres would join the authors of every row an offset skips before cutting the page. The
 * viewer's drafts come embedded (they are not paged).
 * Null when there is no such group (the group context answers 404 for it). */
export async function listPublishedProposals(
  supabase: Supabase,
  groupSlug: string,
  {
    sort = 'top',
    status = 'all',
    page = 1,
  }: { sort?: ProposalSort; status?: StatusFilter; page?: number } = {},
) {
  const from = (page - 1) * proposalsPerPage
  const statuses = [...statusFilters[status].statuses]
  // The page of proposals, the total from the stored counts, the facilitators and the
  // viewer's drafts in the group (RLS shows no one else's, and visitors none: an index probe
  // that finds nothing) in one call; the page's authors in a second.
  const { data, error } = await supabase
    .from('groups')
    .select(
      `id, listed:proposals(id, title, summary, status, pinned, published_at, support_count, oppose_count, comment_count), proposal_counts(proposals), facilitators:group_members(user_id, profile:profiles!group_members_user_id_fkey(display_name)), drafts:proposals(id, title, updated_at)`,
    )
    .eq('slug', groupSlug)
    .in('listed.status', statuses)
    .order('pinned', { referencedTable: 'listed', ascending: false })
    .order(proposalSorts[sort].column, {
      referencedTable: 'listed',
      ascending: false,
      nullsFirst: false,
    })
    .order('published_at', { referencedTable: 'listed', ascending: false })
    .range(from, from + proposalsPerPage - 1, { referencedTable: 'listed' })
    .in('proposal_counts.status', statuses)
    .eq('facilitators.role', 'facilitator')
    .eq('facilitators.status', 'active')
    .order('joined_at', { referencedTable: 'facilitators' })
    // The drafts: not yet published (proposals_check), which an index answers under RLS,
    // where status = 'draft' could not be (migration 20261210100200).
    .is('drafts.published_at', null)
    .order('updated_at', { referencedTable: 'drafts', ascending: false })
    .maybeSingle()
  if (error) throw error
  if (!data) return null
  const row = data
  const authors = await listAuthors(
    supabase,
    row.listed.map((p) => p.id),
  )
  return {
    proposals: row.listed.map((proposal) => ({
      ...proposal,
      authors: authors.get(proposal.id) ?? [],
    })),
    total: row.proposal_counts.reduce((sum, count) => sum + count.proposals, 0),
    facilitators: row.facilitators.map((facilitator) => ({
      id: facilitator.user_id,
      displayName: facilitator.profile?.display_name ?? 'Member',
    })),
    drafts: row.drafts,
  }
}

/** The (accepted) authors of many proposals in one query, by proposal id. */
export async function listAuthors(supabase: Supabase, proposalIds: string[]) {
  const byProposal = new Map<string, ProposalAuthor[]>()
  if (proposalIds.length === 0) return byProposal
  const { data, error } = await supabase
    .from('proposal_authors')
    .select(
      'proposal_id, role, user_id, accepted_at, profile:profiles!proposal_authors_user_id_fkey(display_name)',
    )
    .in('proposal_id', proposalIds)
    .not('accepted_at', 'is', null)
  if (error) throw error
  const grouped = new Map<string, typeof data>()
  for (const row of data)
    grouped.set(row.proposal_id, [...(grouped.get(row.proposal_id) ?? []), row])
  for (const [id, rows] of grouped) byProposal.set(id, toAuthors(rows))
  return byProposal
}

export type ProposalListing = NonNullable<
  Awaited<ReturnType<typeof listPublishedProposals>>
>['proposals'][number]

export type ProposalContent = {
  title: string
  summary: string
  body: ProposalDocument
  /** For a published proposal: what changed and why, kept with the revision. */
  changeNote?: string
}

/** A new draft in the group (Postgres checks the member may write there). */
export async function createDraft(
  supabase: Supabase,
  groupId: string,
  content: ProposalContent,
): Promise<Outcome<{ id: string }>> {
  const { data, error } = await supabase
    .from('proposals')
    .insert({
      group_id: groupId,
      title: content.title,
      summary: content.summary,
      body: content.body as unknown as Json,
    })
    .select('id')
    .single()
  if (error) return refusedByDb(error, 'Your proposal could not be saved.')
  return succeededWith('Draft saved.', { id: data.id })
}

/** Saves only over the version the member started from; no row back means someone saved since
 * (or the member may no longer edit). */
export async function saveProposal(
  supabase: Supabase,
  id: string,
  version: number,
  content: ProposalContent,
) {
  return supabase
    .from('proposals')
    .update({
      title: content.title,
      summary: content.summary,
      body: content.body as unknown as Json,
      change_note: content.changeNote || null,
    })
    .eq('id', id)
    .eq('version', version)
    .select('id, version')
}

export const publishedMessage = 'Published. Members of the group can now discuss it and vote.'

/** Publishes a draft for discussion (Postgres checks it is the author's and complete). */
export async function publishProposal(supabase: Supabase, id: string): Promise<Outcome> {
  const { error } = await supabase.rpc('publish_proposal', { proposal_id: id })
  return outcomeOfWrite(error, publishedMessage)
}

export async function deleteDraft(supabase: Supabase, id: string) {
  return supabase.from('proposals').delete().eq('id', id).eq('status', 'draft').select('id')
}

/** Invites a member to co-author; they become one when they accept. */
export async function addCoauthor(supabase: Supabase, proposalId: string, userId: string) {
  return supabase
    .from('proposal_authors')
    .insert({ proposal_id: proposalId, user_id: userId })
    .select('user_id')
}

export async function removeCoauthor(supabase: Supabase, proposalId: string, userId: string) {
  return supabase
    .from('proposal_authors')
    .delete()
    .eq('proposal_id', proposalId)
    .eq('user_id', userId)
    .select('user_id')
}

const revisionListing =
  'version, created_at, updated_at, amendment_id, change_note, editor:profiles!proposal_revisions_editor_id_fkey(display_name, role_badge)'

/** One page of a proposal's versions, newest first, without their texts (keyset on version). */
export async function listRevisions(
  supabase: Supabase,
  proposalId: string,
  { before, limit = 20 }: { before?: number; limit?: number } = {},
) {
  let query = supabase
    .from('proposal_revisions')
    .select(revisionListing)
    .eq('proposal_id', proposalId)
    .order('version', { ascending: false })
    .limit(limit + 1)
  if (before !== undefined) query = query.lt('version', before)
  const { data, error } = await query
  if (error) throw error
  return { revisions: data.slice(0, limit), hasOlder: data.length > limit }
}

/** The texts of the given versions only, for the comparison on the history page. */
export async function getRevisionTexts(supabase: Supabase, proposalId: string, versions: number[]) {
  if (versions.length === 0) return []
  const { data, error } = await supabase
    .from('proposal_revisions')
    .select('version, title, summary, body')
    .eq('proposal_id', proposalId)
    .in('version', versions)
  if (error) throw error
  return data
}

/** The nearest saved version at or below the wanted one (versions skip numbers once saves fold). */
export async function findRevisionVersion(
  supabase: Supabase,
  proposalId: string,
  atMost: number | null,
  below = false,
) {
  let query = supabase
    .from('proposal_revisions')
    .select('version')
    .eq('proposal_id', proposalId)
    .order('version', { ascending: false })
    .limit(1)
  if (atMost !== null) query = below ? query.lt('version', atMost) : query.lte('version', atMost)
  const { data, error } = await query.maybeSingle()
  if (error) throw error
  return data?.version
}

/** Where a merged proposal went, for the link on its page. */
export async function getMergeTarget(supabase: Supabase, id: string | null) {
  if (!id) return null
  const { data, error } = await supabase
    .from('proposals')
    .select('id, title, group:groups(slug)')
    .eq('id', id)
    .maybeSingle()
  if (error) throw error
  return data ? { id: data.id, title: data.title, slug: data.group?.slug ?? '' } : null
}
