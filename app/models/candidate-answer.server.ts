// The candidate's public answers to forwarded proposals. Only answer_proposal writes them:
// Postgres checks that the caller is the candidate and the proposal is with them.
import type { Enums } from '~/types/database'
import type { Supabase } from '~/utils/supabase.server'

// The earlier wordings of a corrected answer come with it: a page holds few answers.
const answerColumns =
  'proposal_id, decision, explanation, responded_at, updated_at, responder:profiles!candidate_responses_responded_by_fkey(display_name), versions:candidate_response_versions(decision, explanation, published_at, corrected_at)'

export type CorrectedWording = {
  decision: Enums<'candidate_decision'>
  explanation: string
  publishedAt: string
  correctedAt: string
}

export type CandidateAnswer = {
  decision: Enums<'candidate_decision'>
  explanation: string
  respondedAt: string
  updatedAt: string
  responderName: string | null
  /** Earlier wordings, the latest correction first. */
  corrections: CorrectedWording[]
}

function toAnswer(row: {
  decision: Enums<'candidate_decision'>
  explanation: string
  responded_at: string
  updated_at: string
  responder: { display_name: string } | null
  versions: Array<{
    decision: Enums<'candidate_decision'>
    explanation: string
    published_at: string
    corrected_at: string
  }>
}): CandidateAnswer {
  return {
    decision: row.decision,
    explanation: row.explanation,
    respondedAt: row.responded_at,
    updatedAt: row.updated_at,
    responderName: row.responder?.display_name ?? null,
    corrections: row.versions
      .map((v) => ({
        decision: v.decision,
        explanation: v.explanation,
        publishedAt: v.published_at,
        correctedAt: v.corrected_at,
      }))
      .sort((a, b) => b.correctedAt.localeCompare(a.correctedAt)),
  }
}

/** The answer to one proposal, or null; as public as the proposal (RLS). */
export async function getCandidateAnswer(supabase: Supabase, proposalId: string) {
  const { data, error } = await supabase
    .from('candidate_responses')
    .select(answerColumns)
    .eq('proposal_id', proposalId)
    .maybeSingle()
  if (error) throw error
  return data ? toAnswer(data) : null
}

/** The answers to many proposals in one query, by proposal id. Keep the list to a page. */
export async function listCandidateAnswers(supabase: Supabase, proposalIds: string[]) {
  const byProposal = new Map<string, CandidateAnswer>()
  if (proposalIds.length === 0) return byProposal
  const { data, error } = await supabase
    .from('candidate_responses')
    .select(answerColumns)
    .in('proposal_id', proposalIds)
  if (error) throw error
  for (const row of data) byProposal.set(row.proposal_id, toAnswer(row))
  return byProposal
}

/** Answers a forwarded proposal, or revises the answer. Errors speak plainly (P0001/42501). */
export async function answerProposal(
  supabase: Supabase,
  answer: { proposalId: string; decision: Enums<'candidate_decision'>; explanation: string },
) {
  return supabase.rpc('answer_proposal', {
    proposal_id: answer.proposalId,
    decision: answer.decision,
    explanation: answer.explanation,
  })
}
