// Suggested changes (amendments) to a proposal: reading them, suggesting, supporting,
// accepting and declining. Postgres decides who may do each (RLS and triggers on
// public.amendments and public.amendment_supports); these are the typed queries.
import type { ProposalDocument } from '~/editor/document'
import type { Json } from '~/types/database'
import { describeDbError } from '~/utils/db-errors.server'
import { refused, succeededWith, type Outcome } from '~/utils/outcome'
import { roleBadge } from '~/utils/role-badge'
import type { Supabase } from '~/utils/supabase.server'

const suggesterEmbed =
  'suggester:profiles!amendments_suggester_id_fkey(display_name, role_badge), decider:profiles!amendments_decided_by_fkey(display_name)'

export const amendmentsPerList = 20

export type AmendmentStatus = 'open' | 'accepted' | 'declined'

function toListItem(row: {
  id: string
  status: AmendmentStatus
  base_version: number
  reason: string
  supporters_count: number
  created_at: string
  suggester: { display_name: string; role_badge?: string | null } | null
}) {
  return {
    id: row.id,
    status: row.status,
    baseVersion: row.base_version,
    reason: row.reason,
    supporters: row.supporters_count,
    createdAt: row.created_at,
    suggester: row.suggester?.display_name ?? 'A former member',
    badge: roleBadge(row.suggester?.role_badge),
  }
}

export type AmendmentListItem = ReturnType<typeof toListItem>

/** The newest suggestions on a proposal with the given status, a page at most (an index scan
 * on (proposal_id, status, created_at desc)). */
export async function listAmendments(
  supabase: Supabase,
  proposalId: string,
  status: AmendmentStatus,
  limit = amendmentsPerList,
) {
  const { data, error } = await supabase
    .from('amendments')
    .select(
      `id, status, base_version, reason, supporters_count, created_at, suggester:profiles!amendments_suggester_id_fkey(display_name, role_badge)`,
    )
    .eq('proposal_id', proposalId)
    .eq('status', status)
    .order('created_at', { ascending: false })
    .limit(limit)
  if (error) throw error
  return data.map(toListItem)
}

export async function getAmendment(supabase: Supabase, proposalId: string, id: string) {
  const { data, error } = await supabase
    .from('amendments')
    .select(
      `id, proposal_id, suggester_id, status, base_version, base_body, body, reason, supporters_count, created_at, decided_at, decision_reason, accepted_version, ${suggesterEmbed}`,
    )
    .eq('id', id)
    .eq('proposal_id', proposalId)
    .maybeSingle()
  if (error) throw error
  return data
}

export async function hasSupported(supabase: Supabase, amendmentId: string, userId: string | null) {
  if (!userId) return false
  const { data, error } = await supabase
    .from('amendment_supports')
    .select('amendment_id')
    .eq('amendment_id', amendmentId)
    .eq('user_id', userId)
    .maybeSingle()
  if (error) throw error
  return Boolean(data)
}

/** The signed-in member's standing in the group (decision 008), with what is missing. */
export async function getOwnStanding(supabase: Supabase, groupId: string) {
  const { data, error } = await supabase.rpc('my_standing', { group_id: groupId })
  if (error) throw error
  return data[0] ?? null
}

/** Suggests a change; Postgres decides who may (standing, consent, rate limits). */
export async function suggestAmendment(
  supabase: Supabase,
  values: { proposalId: string; body: ProposalDocument; reason: string },
): Promise<Outcome<{ id: string }>> {
  const { data, error } = await supabase
    .from('amendments')
    .insert({
      proposal_id: values.proposalId,
      body: values.body as unknown as Json,
      reason: values.reason,
    })
    .select('id')
    .single()
  if (error) return refused(describeDbError(error), { status: error.code === '42501' ? 403 : 400 })
  return succeededWith('Your suggestion is sent. The authors have been told.', { id: data.id })
}

export function supportAmendment(supabase: Supabase, amendmentId: string) {
  return supabase
    .from('amendment_supports')
    .insert({ amendment_id: amendmentId })
    .select('amendment_id')
}

export function withdrawSupport(supabase: Supabase, amendmentId: string, userId: string) {
  return supabase
    .from('amendment_supports')
    .delete()
    .eq('amendment_id', amendmentId)
    .eq('user_id', userId)
    .select('amendment_id')
}

export function decideAmendment(
  supabase: Supabase,
  amendmentId: string,
  status: 'accepted' | 'declined',
  reason: string,
) {
  return supabase
    .from('amendments')
    .update({ status, decision_reason: reason || null })
    .eq('id', amendmentId)
    .select('id, accepted_version')
}

/** The group's open and shortlisted proposals with suggestions waiting, most waiting first
 * (for the facilitators' console; served by proposals_open_amendments_idx). */
export async function listProposalsAwaitingDecisions(supabase: Supabase, groupId: string) {
  const { data, error } = await supabase
    .from('proposals')
    .select('id, title, amendments_open')
    .eq('group_id', groupId)
    .in('status', ['open', 'shortlisted'])
    .gt('amendments_open', 0)
    .order('amendments_open', { ascending: false })
    .order('id')
    .limit(20)
  if (error) throw error
  return data
}
