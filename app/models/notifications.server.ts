// A member's notifications: written by Postgres triggers, read and cleared by their owner.
import type { Supabase } from '~/utils/supabase.server'

export async function listNotifications(supabase: Supabase, userId: string, limit = 100) {
  const { data, error } = await supabase
    .from('notifications')
    .select(
      'id, kind, body, created_at, read_at, proposal_id, comment_id, amendment_id, group:groups(slug), proposal:proposals(title)',
    )
    .eq('user_id', userId)
    .order('created_at', { ascending: false })
    .limit(limit)
  if (error) throw error
  return data.map((n) => ({
    ...n,
    href:
      n.amendment_id && n.group && n.proposal_id
        ? `/groups/${n.group.slug}/proposals/${n.proposal_id}/amendments/${n.amendment_id}`
        : notificationHref(n.kind, n.group?.slug ?? null, n.proposal_id, n.comment_id),
  }))
}

function notificationHref(
  kind: string,
  slug: string | null,
  proposalId: string | null,
  commentId: string | null,
) {
  if (!slug) return '/notifications'
  if (kind === 'join_request') return `/groups/${slug}/members`
  // A ballot's result: the group's ballots, where the counted one shows its rounds.
  if (kind === 'ballot_result') return `/groups/${slug}/ballots`
  if (!proposalId) return `/groups/${slug}`
  if (kind === 'proposal_edited') return `/groups/${slug}/proposals/${proposalId}/history`
  return `/groups/${slug}/proposals/${proposalId}${commentId ? `?comment=${commentId}#comment-${commentId}` : ''}`
}

export async function markRead(supabase: Supabase, userId: string, id: string) {
  return supabase
    .from('notifications')
    .update({ read_at: new Date().toISOString() })
    .eq('id', id)
    .eq('user_id', userId)
    .select('id, group:groups(slug), kind, proposal_id, comment_id')
}

export async function markAllRead(supabase: Supabase) {
  return supabase.rpc('mark_all_notifications_read')
}
