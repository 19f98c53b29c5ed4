// How proposals reached the candidate: each forwarding of a group's shortlist, who sent it,
// when, and the facilitators' cover note. Readable by the candidate and the group's curators
// only (RLS); forward_shortlist writes them.
import type { Supabase } from '~/utils/supabase.server'
import { summariseBallots, type BallotSummary } from './ballot.server'

export type Forwarding = {
  coverNote: string
  forwardedAt: string
  forwardedBy: string | null
  proposalCount: number
  /** When the forwarding carried a priority ballot's winner: how it won. */
  ballot: BallotSummary | null
}

/** The forwarding that carried each of a page of proposals, by proposal id. */
export async function listForwardings(supabase: Supabase, proposalIds: string[]) {
  const byProposal = new Map<string, Forwarding>()
  if (proposalIds.length === 0) return byProposal
  const { data, error } = await supabase
    .from('forwarded_proposals')
    .select(
      'proposal_id, forwarding:shortlist_forwardings!inner(cover_note, forwarded_at, proposal_count, ballot_id, sender:profiles!shortlist_forwardings_forwarded_by_fkey(display_name))',
    )
    .in('proposal_id', proposalIds)
  if (error) throw error
  const ballots = await summariseBallots(
    supabase,
    data.flatMap((row) => (row.forwarding.ballot_id ? [row.forwarding.ballot_id] : [])),
  )
  for (const row of data)
    byProposal.set(row.proposal_id, {
      coverNote: row.forwarding.cover_note,
      forwardedAt: row.forwarding.forwarded_at,
      forwardedBy: row.forwarding.sender?.display_name ?? null,
      proposalCount: row.forwarding.proposal_count,
      ballot: row.forwarding.ballot_id ? (ballots.get(row.forwarding.ballot_id) ?? null) : null,
    })
  return byProposal
}
