// Priority ballots: opening, ranking, closing, the stored count and its rounds, turnout by
// borough, and forwarding the winner. Postgres checks every rule (standing, the close, the
// secrecy of each ballot); these are typed reads and calls over supabase-js.
import type { Outcome } from '~/utils/outcome'
import { refusedByDb } from '~/utils/db-errors.server'
import type { Supabase } from '~/utils/supabase.server'

export type BallotPhase = 'upcoming' | 'open' | 'closed'

export type BallotOption = { proposalId: string; title: string; position: number }

export type BallotRound = {
  round: number
  live: number
  exhausted: number
  eliminatedId: string | null
  tieBreak: 'earlier_round' | 'lot' | null
  electedId: string | null
  votes: Record<string, number>
  transfers: { toProposalId: string | null; ballots: number }[]
}

export type TurnoutRow = {
  region: string | null
  eligible: number | null
  voted: number | null
  fewerThan5: boolean
}

export function ballotPhase(ballot: { opens_at: string; closes_at: string }, now = Date.now()) {
  if (now < Date.parse(ballot.opens_at)) return 'upcoming' as const
  if (now < Date.parse(ballot.closes_at)) return 'open' as const
  return 'closed' as const
}

const ballotColumns =
  'id, group_id, question, opens_at, closes_at, ballot_count, eligible_count, counted_at, winner_id, tie_seed, forwarded_at'

export async function listGroupBallots(supabase: Supabase, groupId: string) {
  const { data, error } = await supabase
    .from('ballots')
    .select(ballotColumns)
    .eq('group_id', groupId)
    .order('closes_at', { ascending: false })
    .limit(50)
  if (error) throw error
  return data
}

export async function getBallot(supabase: Supabase, groupId: string, ballotId: string) {
  if (!/^[0-9a-f-]{36}$/i.test(ballotId)) return null
  const { data, error } = await supabase
    .from('ballots')
    .select(`${ballotColumns}, ballot_options(proposal_id, position, proposal:proposals(title))`)
    .eq('id', ballotId)
    .eq('group_id', groupId)
    .maybeSingle()
  if (error) throw error
  if (!data) return null
  const { ballot_options: options, ...ballot } = data
  return {
    ballot,
    options: options
      .map((o) => ({
        proposalId: o.proposal_id,
        position: o.position,
        title: o.proposal?.title ?? 'A proposal no longer shown',
      }))
      .sort((a, b) => a.position - b.position) satisfies BallotOption[],
  }
}

/** The signed-in member's own ranking (RLS returns no one else's). */
export async function getMyBallotPaper(supabase: Supabase, ballotId: string, userId: string) {
  const { data, error } = await supabase
    .from('ballot_papers')
    .select('ranking, cast_at, updated_at')
    .eq('ballot_id', ballotId)
    .eq('voter_id', userId)
    .maybeSingle()
  if (error) throw error
  return data
}

/** Counts a ballot that has closed and is not counted yet (idempotent; the worker does the
 * same every minute), so a reader after the close never waits. */
export async function countBallotIfDue(supabase: Supabase, ballotId: string) {
  const { data, error } = await supabase.rpc('count_ballot', { ballot_id: ballotId })
  // A refusal here (an ended session, say) leaves the count to the worker, within the minute:
  // the page then says the count is being made.
  return error ? false : data
}

export async function listRounds(supabase: Supabase, ballotId: string): Promise<BallotRound[]> {
  const [rounds, votes, transfers] = await Promise.all([
    supabase
      .from('ballot_rounds')
      .select('round, live, exhausted, eliminated_id, tie_break, elected_id')
      .eq('ballot_id', ballotId)
      .order('round'),
    supabase
      .from('ballot_round_votes')
      .select('round, proposal_id, votes')
      .eq('ballot_id', ballotId)
      .limit(200),
    supabase
      .from('ballot_transfers')
      .select('round, to_proposal_id, ballots')
      .eq('ballot_id', ballotId)
      .limit(200),
  ])
  if (rounds.error) throw rounds.error
  if (votes.error) throw votes.error
  if (transfers.error) throw transfers.error
  return rounds.data.map((r) => ({
    round: r.round,
    live: r.live,
    exhausted: r.exhausted,
    eliminatedId: r.eliminated_id,
    tieBreak: r.tie_break as BallotRound['tieBreak'],
    electedId: r.elected_id,
    votes: Object.fromEntries(
      votes.data.filter((v) => v.round === r.round).map((v) => [v.proposal_id, v.votes]),
    ),
    transfers: transfers.data
      .filter((t) => t.round === r.round)
      .map((t) => ({ toProposalId: t.to_proposal_id, ballots: t.ballots }))
      .sort((a, b) => b.ballots - a.ballots),
  }))
}

export async function getTurnout(supabase: Supabase, ballotId: string): Promise<TurnoutRow[]> {
  const { data, error } = await supabase.rpc('ballot_turnout', { ballot_id: ballotId })
  if (error) throw error
  return data.map((row) => ({
    region: row.region,
    eligible: row.eligible,
    voted: row.voted,
    fewerThan5: row.fewer_than_5,
  }))
}

/** Open and shortlisted proposals a facilitator may put on a ballot. */
export async function listBallotCandidates(supabase: Supabase, groupId: string) {
  const { data, error } = await supabase
    .from('proposals')
    .select('id, title, status')
    .eq('group_id', groupId)
    .in('status', ['open', 'shortlisted'])
    .is('hidden_at', null)
    .order('status', { ascending: false })
    .order('top_score', { ascending: false })
    .limit(60)
  if (error) throw error
  return data
}

export async function openBallot(
  supabase: Supabase,
  input: {
    groupId: string
    question: string
    proposalIds: string[]
    opensAt: string
    closesAt: string
  },
): Promise<{ ok: true; id: string } | { ok: false; message: string }> {
  const { data, error } = await supabase.rpc('open_ballot', {
    group_id: input.groupId,
    question: input.question,
    proposal_ids: input.proposalIds,
    opens_at: input.opensAt,
    closes_at: input.closesAt,
  })
  if (error) return refusedByDb(error)
  return { ok: true, id: data }
}

export async function castBallot(
  supabase: Supabase,
  ballotId: string,
  ranking: string[],
): Promise<Outcome> {
  const { error } = await supabase.rpc('cast_ballot', { ballot_id: ballotId, ranking })
  return error
    ? refusedByDb(error)
    : { ok: true, message: 'Your ranking is saved. You can change it until the ballot closes.' }
}

export async function closeBallot(supabase: Supabase, ballotId: string): Promise<Outcome> {
  const { error } = await supabase.rpc('close_ballot', { ballot_id: ballotId })
  if (error) return refusedByDb(error)
  await supabase.rpc('count_ballot', { ballot_id: ballotId })
  return { ok: true, message: 'The ballot is closed and counted.' }
}

export async function forwardBallotWinner(
  supabase: Supabase,
  ballotId: string,
  coverNote: string,
): Promise<Outcome> {
  const { error } = await supabase.rpc('forward_ballot_winner', {
    ballot_id: ballotId,
    cover_note: coverNote,
  })
  return error
    ? refusedByDb(error)
    : { ok: true, message: 'The winner went to the candidate with the ballot’s result.' }
}

export type BallotSummary = {
  ballotId: string
  groupSlug: string
  question: string
  ballots: number
  eligible: number
  rounds: number
  winnerVotes: number
  live: number
}

/** One line per counted ballot: how its winner won (for the candidate's review). */
export async function summariseBallots(supabase: Supabase, ballotIds: string[]) {
  const byBallot = new Map<string, BallotSummary>()
  if (ballotIds.length === 0) return byBallot
  const { data, error } = await supabase
    .from('ballots')
    .select(
      'id, question, ballot_count, eligible_count, winner_id, group:groups(slug), ballot_rounds(round, live, elected_id)',
    )
    .in('id', ballotIds)
  if (error) throw error
  const finals = data.flatMap((b) => {
    const final = b.ballot_rounds.find((r) => r.elected_id)
    return final ? [{ b, final }] : []
  })
  const { data: votes, error: votesError } = finals.length
    ? await supabase
        .from('ballot_round_votes')
        .select('ballot_id, round, proposal_id, votes')
        .in(
          'ballot_id',
          finals.map((f) => f.b.id),
        )
        .in(
          'proposal_id',
          finals.map((f) => f.final.elected_id!),
        )
    : { data: [], error: null }
  if (votesError) throw votesError
  for (const { b, final } of finals)
    byBallot.set(b.id, {
      ballotId: b.id,
      groupSlug: b.group?.slug ?? '',
      question: b.question,
      ballots: b.ballot_count,
      eligible: b.eligible_count ?? 0,
      rounds: b.ballot_rounds.length,
      live: final.live,
      winnerVotes:
        votes.find(
          (v) =>
            v.ballot_id === b.id && v.round === final.round && v.proposal_id === final.elected_id,
        )?.votes ?? 0,
    })
  return byBallot
}
