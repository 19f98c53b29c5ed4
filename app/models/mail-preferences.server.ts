// Mail preferences: one row per member (made with the profile), and per group a follow or a
// mute. RLS lets each member read and change only their own. An unsubscribe link's signed
// token is the permission for its one change, checked in Postgres.
import { refusedByDb } from '~/utils/db-errors.server'
import type { MailCadence, MailPreferences, MailTopic } from '~/utils/mail-preferences'
import { refused, succeededWith, type Outcome } from '~/utils/outcome'
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

/** What an unsubscribe link is for: a kind of mail ("replies to me") or a digest. */
export type UnsubscribeKind = MailTopic | 'daily' | 'weekly'

/** Reads an unsubscribe link's signed token (Postgres checks its signature and age). */
export async function readUnsubscribeLink(
  supabase: Supabase,
  token: string,
): Promise<Outcome<{ kind: UnsubscribeKind; cadence: MailCadence }>> {
  const { data, error } = await supabase.rpc('unsubscribe_link', { token }).maybeSingle()
  if (error) return refusedByDb(error)
  if (!data) return refused('This link is not valid.')
  return succeededWith('', { kind: data.topic as UnsubscribeKind, cadence: data.cadence })
}

/** Changes how the mail of an unsubscribe link comes (off, for one click). */
export async function unsubscribe(
  supabase: Supabase,
  token: string,
  choice: MailCadence,
): Promise<Outcome<{ kind: UnsubscribeKind }>> {
  const { data, error } = await supabase.rpc('unsubscribe', { token, choice })
  if (error) return refusedByDb(error)
  return succeededWith('Unsubscribed.', { kind: data as UnsubscribeKind })
}
