// The candidate's unpublished answers. Postgres shows and lets write them to the candidate
// only (RLS); publish_answer makes a saved draft public exactly as it was saved.
import type { Enums } from '~/types/database'
import { outcomeOfWrite } from '~/utils/db-errors.server'
import type { Outcome } from '~/utils/outcome'
import type { Supabase } from '~/utils/supabase.server'

export type AnswerDraft = {
  proposalId: string
  decision: Enums<'candidate_decision'>
  explanation: string
  updatedAt: string
}

const draftColumns = 'proposal_id, decision, explanation, updated_at'

function toDraft(row: {
  proposal_id: string
  decision: Enums<'candidate_decision'>
  explanation: string
  updated_at: string
}): AnswerDraft {
  return {
    proposalId: row.proposal_id,
    decision: row.decision,
    explanation: row.explanation,
    updatedAt: row.updated_at,
  }
}

/** The drafts for a page of proposals, by proposal id; empty for anyone but the candidate. */
export async function listAnswerDrafts(supabase: Supabase, proposalIds: string[]) {
  const byProposal = new Map<string, AnswerDraft>()
  if (proposalIds.length === 0) return byProposal
  const { data, error } = await supabase
    .from('candidate_answer_drafts')
    .select(draftColumns)
    .in('proposal_id', proposalIds)
  if (error) throw error
  for (const row of data) byProposal.set(row.proposal_id, toDraft(row))
  return byProposal
}

export async function getAnswerDraft(supabase: Supabase, proposalId: string) {
  const { data, error } = await supabase
    .from('candidate_answer_drafts')
    .select(draftColumns)
    .eq('proposal_id', proposalId)
    .maybeSingle()
  if (error) throw error
  return data ? toDraft(data) : null
}

/** Saves (or replaces) the draft: nothing is public yet. */
export async function saveAnswerDraft(
  supabase: Supabase,
  draft: { proposalId: string; decision: Enums<'candidate_decision'>; explanation: string },
): Promise<Outcome> {
  const { error } = await supabase.from('candidate_answer_drafts').upsert({
    proposal_id: draft.proposalId,
    decision: draft.decision,
    explanation: draft.explanation,
  })
  return outcomeOfWrite(error, 'Your draft is saved.', 'Your draft could not be saved.')
}

export async function discardAnswerDraft(supabase: Supabase, proposalId: string) {
  const { error } = await supabase
    .from('candidate_answer_drafts')
    .delete()
    .eq('proposal_id', proposalId)
  if (error) throw error
}

/** Publishes the saved draft: the answer goes public and its authors and supporters are told. */
export async function publishAnswer(supabase: Supabase, proposalId: string): Promise<Outcome> {
  const { error } = await supabase.rpc('publish_answer', { proposal_id: proposalId })
  return outcomeOfWrite(
    error,
    'Your answer is published.',
    'Your answer could not be published. Please try again.',
  )
}
