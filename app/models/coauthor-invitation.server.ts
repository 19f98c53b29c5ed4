// Co-author invitations: the invitee accepts (Postgres stamps the time and checks it is
// theirs and still open) or declines (their row goes). Pending ones are listed for the
// notifications page, which offers the same two choices.
import { describeDbError, refusedByDb } from '~/utils/db-errors.server'
import type { Supabase } from '~/utils/supabase.server'
import type { Outcome } from '~/utils/outcome'
import { addCoauthor } from './proposal.server'

/** Invites the members chosen while the proposal was first written, one by one so that one
 * Postgres refuses (someone who left the group since) does not stop the others. Says who was
 * not invited and why. */
export async function inviteCoauthors(
  supabase: Supabase,
  proposalId: string,
  members: Array<{ id: string; displayName: string }>,
) {
  let sent = 0
  const refused: string[] = []
  for (const member of members) {
    const { data, error } = await addCoauthor(supabase, proposalId, member.id)
    if (!error && data.length) sent += 1
    else
      refused.push(
        `${member.displayName} was not invited: ${error ? describeDbError(error) : 'nothing changed.'}`,
      )
  }
  return { sent, refused: refused.length ? refused.join(' ') : null }
}

export async function acceptInvitation(
  supabase: Supabase,
  proposalId: string,
  userId: string,
): Promise<Outcome> {
  const { data, error } = await supabase
    .from('proposal_authors')
    .update({ accepted_at: new Date().toISOString() })
    .eq('proposal_id', proposalId)
    .eq('user_id', userId)
    .is('accepted_at', null)
    .select('user_id')
  if (error) return refusedByDb(error)
  return data.length
    ? { ok: true, message: 'You are now a co-author: you can edit this proposal.' }
    : { ok: false, message: 'There is no open invitation to accept.' }
}

export async function declineInvitation(
  supabase: Supabase,
  proposalId: string,
  userId: string,
): Promise<Outcome> {
  const { data, error } = await supabase
    .from('proposal_authors')
    .delete()
    .eq('proposal_id', proposalId)
    .eq('user_id', userId)
    .is('accepted_at', null)
    .select('user_id')
  if (error) return refusedByDb(error)
  return data.length
    ? { ok: true, message: 'Invitation declined.' }
    : { ok: false, message: 'There is no open invitation to decline.' }
}

/** The proposals the member is invited to co-author and has not answered yet. */
export async function listPendingInvitations(supabase: Supabase, userId: string) {
  const { data, error } = await supabase
    .from('proposal_authors')
    .select('proposal_id')
    .eq('user_id', userId)
    .is('accepted_at', null)
  if (error) throw error
  return new Set(data.map((row) => row.proposal_id))
}
