// What a signed-in member's front page leads with: their groups and what is new in each since
// their last visit, their drafts, the co-author invitations waiting for them, and the
// proposals they support or follow whose status changed lately. Each read is
// bounded and goes through the member's own rows, so the page costs the same in a group of
// 10,000 proposals as in one of ten.
import type { Enums } from '~/types/database'
import type { Supabase } from '~/utils/supabase.server'

export const HOME_LIST_SIZE = 5

export type HomeGroup = {
  id: string
  slug: string
  name: string
  role: Enums<'group_role'>
  status: Enums<'membership_status'>
  since: string
  newProposals: number
}

export type HomeProposal = {
  id: string
  title: string
  groupSlug: string
  groupName: string
  at: string
}

export type HomeMove = HomeProposal & { status: Enums<'proposal_status'> }

export async function loadMemberHome(supabase: Supabase, userId: string) {
  const [groups, drafts, invitations, moves] = await Promise.all([
    supabase.rpc('my_groups_since_last_visit'),
    supabase
      .from('proposal_authors')
      .select(
        'proposal:proposals!inner(id, title, updated_at, status, group:groups!inner(slug, name))',
      )
      .eq('user_id', userId)
      .not('accepted_at', 'is', null)
      .eq('proposal.status', 'draft')
      .order('proposal(updated_at)', { ascending: false })
      .limit(HOME_LIST_SIZE),
    supabase
      .from('proposal_authors')
      .select('added_at, proposal:proposals!inner(id, title, group:groups!inner(slug, name))')
      .eq('user_id', userId)
      .is('accepted_at', null)
      .order('added_at', { ascending: false })
      .limit(HOME_LIST_SIZE),
    supabase.rpc('my_moved_proposals', { most: HOME_LIST_SIZE }),
  ])
  for (const result of [groups, drafts, invitations, moves]) if (result.error) throw result.error

  return {
    groups: (groups.data ?? []).map((g): HomeGroup => ({
      id: g.group_id,
      slug: g.slug,
      name: g.name,
      role: g.role,
      status: g.status,
      since: g.since,
      newProposals: g.new_proposals,
    })),
    drafts: (drafts.data ?? []).map(({ proposal: p }): HomeProposal => ({
      id: p.id,
      title: p.title,
      groupSlug: p.group.slug,
      groupName: p.group.name,
      at: p.updated_at,
    })),
    invitations: (invitations.data ?? []).map(({ proposal: p, added_at }): HomeProposal => ({
      id: p.id,
      title: p.title,
      groupSlug: p.group.slug,
      groupName: p.group.name,
      at: added_at,
    })),
    moved: (moves.data ?? []).map((p): HomeMove => ({
      id: p.proposal_id,
      title: p.title,
      status: p.status,
      groupSlug: p.group_slug,
      groupName: p.group_name,
      at: p.moved_at,
    })),
  }
}

export type MemberHome = Awaited<ReturnType<typeof loadMemberHome>>

/** Records the member's visit to the group's page, for "new since your last visit". Postgres
 * writes at most once in ten minutes; a failed stamp only leaves the older time in place, so
 * it never stops the page from being read. */
export async function markGroupSeen(supabase: Supabase, groupId: string) {
  await supabase.rpc('mark_group_seen', { p_group: groupId })
}

/** How many forwarded proposals wait for the candidate, from the stored per-status counts. */
export async function countAwaitingAnswer(supabase: Supabase) {
  const { data, error } = await supabase
    .from('proposal_counts')
    .select('proposals')
    .eq('status', 'forwarded')
    .eq('hidden', false)
  if (error) throw error
  return data.reduce((sum, row) => sum + row.proposals, 0)
}
