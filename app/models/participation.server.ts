// Participation by borough in a group (facilitators and the candidate only; Postgres checks
// and groups small boroughs).
import type { Supabase } from '~/utils/supabase.server'

export async function listParticipation(supabase: Supabase, groupId: string) {
  const { data, error } = await supabase.rpc('group_participation', { group_id: groupId })
  if (error) throw error
  return data.map((r) => ({
    region: r.region as string | null,
    members: r.members as number | null,
    activeThisMonth: r.active_this_month as number | null,
    proposals: r.proposals as number | null,
    votes: r.votes as number | null,
    ballotEligible: r.ballot_eligible as number | null,
    ballotVoted: r.ballot_voted as number | null,
    fewerThan5: r.fewer_than_5,
  }))
}
