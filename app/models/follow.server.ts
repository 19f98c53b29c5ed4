// What a member follows: proposals (supporting one follows it) and groups. Postgres keeps
// each member's follows their own (RLS) and sends the notifications (triggers).
import { getStanding } from '~/utils/auth.server'
import { refusedByDb } from '~/utils/db-errors.server'
import type { Supabase } from '~/utils/supabase.server'
import type { Outcome } from '~/utils/outcome'

export type FollowTarget = { proposalId: string } | { groupId: string }

function column(target: FollowTarget) {
  return 'proposalId' in target
    ? (['proposal_id', target.proposalId] as const)
    : (['group_id', target.groupId] as const)
}

/** Whether the signed-in member follows the group: from their standing (read once a page).
 * Whether they follow a proposal comes with my_proposal_state (loadProposalContext). */
export async function isFollowingGroup(supabase: Supabase, groupId: string) {
  return (await getStanding(supabase))?.followed_groups.includes(groupId) ?? false
}

export async function setFollowing(
  supabase: Supabase,
  userId: string,
  target: FollowTarget,
  follow: boolean,
): Promise<Outcome> {
  const [name, value] = column(target)
  const what = 'proposalId' in target ? 'proposal' : 'group'
  if (follow) {
    const { error } = await supabase.from('follows').insert({ [name]: value })
    if (error && error.code !== '23505') return refusedByDb(error)
    return {
      ok: true,
      message:
        what === 'proposal'
          ? 'You follow this proposal: you will hear of its new comments.'
          : 'You follow this group: you will hear of its new proposals.',
    }
  }
  const { error } = await supabase.from('follows').delete().eq('user_id', userId).eq(name, value)
  if (error) return refusedByDb(error)
  return { ok: true, message: `You no longer follow this ${what}.` }
}
