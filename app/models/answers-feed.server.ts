// The candidate's public answers, newest first: the front page shows the latest few and
// /answers pages through them all. Read through candidate_responses_feed_idx; each answer is
// as public as its proposal (RLS), so a hidden proposal's answer is not listed.
import type { Enums } from '~/types/database'
import type { Supabase } from '~/utils/supabase.server'
import { uuidPattern } from '~/utils/uuid'

export type FeedAnswer = {
  proposalId: string
  decision: Enums<'candidate_decision'>
  explanation: string
  respondedAt: string
  corrected: boolean
  proposalTitle: string
  groupSlug: string
  groupName: string
}

export const ANSWERS_PAGE_SIZE = 20

/** Where a page of the feed starts: after the answer at this time with this proposal id. */
export type FeedCursor = { at: string; proposalId: string }

/** Reads `?after=<time>_<proposal id>`; anything else starts at the newest answer. */
export function parseFeedCursor(value: string | null): FeedCursor | null {
  const [at, proposalId] = (value ?? '').split('_')
  if (!at || !proposalId || !uuidPattern.test(proposalId) || Number.isNaN(Date.parse(at)))
    return null
  return { at: new Date(at).toISOString(), proposalId }
}

export function feedCursorParam(answer: FeedAnswer) {
  return `${answer.respondedAt}_${answer.proposalId}`
}

/** One page of answers after `after` (newest first), and whether there are more. */
export async function listLatestAnswers(
  supabase: Supabase,
  { limit, after }: { limit: number; after?: FeedCursor | null },
): Promise<{ answers: FeedAnswer[]; more: boolean }> {
  let query = supabase
    .from('candidate_responses')
    .select(
      'proposal_id, decision, explanation, responded_at, updated_at, proposal:proposals!inner(title, group:groups!inner(slug, name))',
    )
    .order('responded_at', { ascending: false })
    .order('proposal_id', { ascending: false })
    .limit(limit + 1)
  if (after)
    query = query.or(
      `responded_at.lt.${after.at},and(responded_at.eq.${after.at},proposal_id.lt.${after.proposalId})`,
    )
  const { data, error } = await query
  if (error) throw error
  return {
    more: data.length > limit,
    answers: data.slice(0, limit).map((row) => ({
      proposalId: row.proposal_id,
      decision: row.decision,
      explanation: row.explanation,
      respondedAt: row.responded_at,
      corrected: new Date(row.updated_at).getTime() - new Date(row.responded_at).getTime() > 60_000,
      proposalTitle: row.proposal.title,
      groupSlug: row.proposal.group.slug,
      groupName: row.proposal.group.name,
    })),
  }
}
