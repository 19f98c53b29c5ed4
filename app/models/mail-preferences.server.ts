// Mail preferences: one row per member (made with the profile), and per group a follow or a
// mute. RLS lets each member read and change only their own.
import type { MailPreferences } from '~/utils/mail-preferences'
import type { Supabase } from '~/utils/supabase.server'

export async function getMailPreferences(supabase: Supabase, userId: string) {
  const { data, error } = await supabase
    .from('mail_preferences')
    .select(
      'replies, my_proposals, supported, group_activity, facilitation, digest_hour, digest_weekday, time_zone',
    )
    .eq('user_id', userId)
    .maybeSingle()
  if (error) throw error
  return data
}

export function updateMailPreferences(
  supabase: Supabase,
  userId: string,
  changes: MailPreferences,
) {
  return supabase.from('mail_preferences').update(changes).eq('user_id', userId).select('user_id')
}

export type GroupMailChoice = {
  id: string
  slug: string
  name: string
  member: boolean
  following: boolean
}

/** Every open group, with whether the member is in it and whether its news reaches them. */
export async function listGroupMailChoices(
  supabase: Supabase,
  userId: string,
): Promise<GroupMailChoice[]> {
  const [groups, memberships, choices] = await Promise.all([
    supabase.from('groups').select('id, slug, name').is('archived_at', null).order('name'),
    supabase.from('group_members').select('group_id').eq('user_id', userId).eq('status', 'active'),
    supabase.from('group_mail').select('group_id, following').eq('user_id', userId),
  ])
  for (const result of [groups, memberships, choices]) if (result.error) throw result.error
  const member = new Set((memberships.data ?? []).map((m) => m.group_id))
  const chosen = new Map((choices.data ?? []).map((c) => [c.group_id, c.following]))
  return (groups.data ?? []).map((g) => ({
    ...g,
    member: member.has(g.id),
    following: chosen.get(g.id) ?? member.has(g.id),
  }))
}

/** Follows or mutes a group for the signed-in member (RLS decides whose row it is). */
export async function chooseGroupMail(supabase: Supabase, groupId: string, following: boolean) {
  const updated = await supabase
    .from('group_mail')
    .update({ following })
    .eq('group_id', groupId)
    .select('group_id')
  if (updated.error || updated.data.length > 0) return updated
  return supabase.from('group_mail').insert({ group_id: groupId, following }).select('group_id')
}
