// The audit log: every facilitator, candidate and admin action, as Postgres recorded it.
import type { Supabase } from '~/utils/supabase.server'

export async function listAudit(
  supabase: Supabase,
  { groupId, limit = 50, before }: { groupId?: string; limit?: number; before?: number } = {},
) {
  let query = supabase
    .from('audit_log')
    .select(
      'id, actor_name, action, group_id, proposal_id, target_user_id, from_status, to_status, reason, created_at',
    )
    .order('id', { ascending: false })
    .limit(limit)
  if (groupId) query = query.eq('group_id', groupId)
  if (before) query = query.lt('id', before)
  const { data, error } = await query
  if (error) throw error
  return data
}

const verbs: Record<string, string> = {
  'proposal.shortlist': 'shortlisted a proposal',
  'proposal.reopen': 'returned a proposal to open',
  'proposal.forward': 'forwarded a proposal to the candidate',
  'proposal.archive': 'archived a proposal',
  'proposal.merge': 'merged a proposal into another',
  'proposal.answer': 'answered a proposal',
  'proposal.pin': 'pinned a proposal',
  'proposal.unpin': 'unpinned a proposal',
  'proposal.edit': 'edited a member’s proposal',
  'proposal.revise_answer': 'revised the answer to a proposal',
  'proposal.hide': 'hid a proposal',
  'proposal.unhide': 'showed a hidden proposal again',
  'comment.hide': 'hid a comment',
  'comment.unhide': 'showed a hidden comment again',
  'flag.dismiss': 'dismissed a flag',
  'group.create': 'created the group',
  'group.edit': 'edited the group',
  'group.archive': 'archived the group',
  'group.restore': 'restored the group',
  'group.delete': 'deleted a group',
  'group.update_note': 'updated the group summary',
  'membership.add': 'added a member',
  'membership.approve': 'approved a join request',
  'membership.decline': 'declined a join request',
  'membership.remove': 'removed a member',
  'membership.change_status': 'changed a membership',
  'membership.appoint_facilitator': 'appointed a facilitator',
  'membership.remove_facilitator': 'removed a facilitator',
  'site_role.grant': 'granted a site role',
  'site_role.revoke': 'revoked a site role',
}

/** A readable sentence for an action code such as "membership.approve". */
export function describeAction(action: string) {
  return verbs[action] ?? action.replace('.', ': ').replaceAll('_', ' ')
}
