// Policy groups as the pages show them: the directory, one group, its people.
import type { Enums } from '~/types/database'
import { getStanding } from '~/utils/auth.server'
import { frameBringsGroup, getPageFrame } from '~/utils/page-frame.server'
import type { Supabase } from '~/utils/supabase.server'

export type Membership = {
  role: Enums<'group_role'>
  status: Enums<'membership_status'>
} | null

// The same columns as public.page_frame's group (tests/db/page-frame.test.ts compares them).
export const groupColumns =
  'id, slug, name, summary, description, horizon, join_policy, member_count, archived_at, facilitator_note, facilitator_note_updated_at, shortlist_supporters, shortlist_boroughs'

/** The live groups with their active facilitators, in one call: the facilitators come
 * embedded (a filter on the embedded rows), not as a second call naming every group's id,
 * whose address grew with the number of groups until it was too long to send. */
export async function listActiveGroupsWithFacilitators(supabase: Supabase) {
  const { data, error } = await supabase
    .from('groups')
    .select(
      'id, slug, name, summary, horizon, join_policy, member_count, facilitators:group_members(user_id, profile:profiles!group_members_user_id_fkey(display_name))',
    )
    .is('archived_at', null)
    .eq('facilitators.role', 'facilitator')
    .eq('facilitators.status', 'active')
    .order('position')
    .order('name')
    .order('joined_at', { referencedTable: 'facilitators' })
  if (error) throw error
  return data.map(({ facilitators, ...group }) => ({
    ...group,
    facilitators: facilitators.map((f) => ({
      id: f.user_id,
      displayName: f.profile?.display_name ?? 'Member',
    })),
  }))
}

export async function listActiveGroups(supabase: Supabase) {
  const { data, error } = await supabase
    .from('groups')
    .select('id, slug, name, summary, horizon, join_policy, member_count')
    .is('archived_at', null)
    .order('position')
    .order('name')
  if (error) throw error
  return data
}

/** A group by its slug. On a page of that group the page frame has brought it (same columns,
 * public.page_frame), so no call of its own is made. */
export async function getGroupBySlug(supabase: Supabase, slug: string) {
  if (frameBringsGroup(supabase, slug))
    return (await getPageFrame(supabase)).group as Awaited<ReturnType<typeof readGroupBySlug>>
  return readGroupBySlug(supabase, slug)
}

async function readGroupBySlug(supabase: Supabase, slug: string) {
  const { data, error } = await supabase
    .from('groups')
    .select(groupColumns)
    .eq('slug', slug)
    .maybeSingle()
  if (error) throw error
  return data
}

/** Facilitators of the given groups (public), by group id. One query for all groups. */
export async function listFacilitators(supabase: Supabase, groupIds: string[]) {
  const byGroup = new Map<string, Array<{ id: string; displayName: string }>>()
  if (groupIds.length === 0) return byGroup
  const { data, error } = await supabase
    .from('group_members')
    .select('group_id, user_id, profile:profiles!group_members_user_id_fkey(display_name)')
    .in('group_id', groupIds)
    .eq('role', 'facilitator')
    .eq('status', 'active')
    .order('joined_at')
  if (error) throw error
  for (const row of data) {
    const list = byGroup.get(row.group_id) ?? []
    list.push({ id: row.user_id, displayName: row.profile?.display_name ?? 'Member' })
    byGroup.set(row.group_id, list)
  }
  return byGroup
}

/** The viewer's own memberships, by group id. */
export async function listViewerMemberships(supabase: Supabase) {
  const byGroup = new Map<string, NonNullable<Membership>>()
  for (const row of (await getStanding(supabase))?.memberships ?? [])
    byGroup.set(row.group_id, { role: row.role, status: row.status })
  return byGroup
}

/** Everyone the viewer may see in the group: active members for members; requests too for
 * facilitators and admins (RLS decides). */
export async function listGroupPeople(supabase: Supabase, groupId: string) {
  const { data, error } = await supabase
    .from('group_members')
    .select(
      'user_id, role, status, requested_at, joined_at, profile:profiles!group_members_user_id_fkey(display_name, region)',
    )
    .eq('group_id', groupId)
    .order('role', { ascending: false })
    .order('joined_at', { ascending: true, nullsFirst: false })
    .order('requested_at')
  if (error) throw error
  return data.map((row) => ({
    id: row.user_id,
    role: row.role,
    status: row.status,
    requestedAt: row.requested_at,
    joinedAt: row.joined_at,
    displayName: row.profile?.display_name ?? 'Member',
    region: row.profile?.region ?? null,
  }))
}
