// Comments and votes on a proposal. Postgres decides who may (RLS) and how fast (rate limits);
// these return a sentence for the member when it says no.
import { withheldTally } from '~/utils/borough-tally'
import { describeDbError } from '~/utils/db-errors.server'
import { roleBadge } from '~/utils/role-badge'
import type { Supabase } from '~/utils/supabase.server'
import type { Enums } from '~/types/database'
import { listRegionTallies } from './review.server'

export type Stance = Enums<'comment_stance'>

export async function listComments(supabase: Supabase, proposalId: string) {
  const { data, error } = await supabase
    .from('comments')
    .select(
      'id, parent_id, author_id, body, stance, depth, created_at, edited_at, deleted_at, hidden_reason, author:profiles!comments_author_id_fkey(display_name, role_badge)',
    )
    .eq('proposal_id', proposalId)
    .order('created_at')
    .limit(2000)
  if (error) throw error
  return data.map((c) => ({
    id: c.id,
    parentId: c.parent_id,
    authorId: c.author_id,
    authorName: c.author?.display_name ?? 'Member',
    authorBadge: roleBadge(c.author?.role_badge),
    body: c.body,
    stance: c.stance,
    createdAt: c.created_at,
    editedAt: c.edited_at,
    deleted: c.deleted_at !== null,
    hiddenReason: c.hidden_reason,
  }))
}

export type CommentRow = Awaited<ReturnType<typeof listComments>>[number]

type Outcome = { ok: true } | { ok: false; message: string }

export async function createComment(
  supabase: Supabase,
  input: { proposalId: string; parentId: string | null; body: string; stance: Stance | null },
): Promise<Outcome> {
  const { error } = await supabase.from('comments').insert({
    proposal_id: input.proposalId,
    parent_id: input.parentId,
    body: input.body,
    stance: input.stance,
  })
  return error
    ? {
        ok: false,
        message: describeDbError(error, 'Your comment could not be posted. Please try again.'),
      }
    : { ok: true }
}

export async function editComment(
  supabase: Supabase,
  id: string,
  input: { body: string; stance: Stance | null },
): Promise<Outcome> {
  const { data, error } = await supabase
    .from('comments')
    .update({ body: input.body, stance: input.stance })
    .eq('id', id)
    .select('id')
  if (error) return { ok: false, message: describeDbError(error) }
  return data.length
    ? { ok: true }
    : {
        ok: false,
        message: 'You can only edit your own comments, on proposals still open for discussion.',
      }
}

export async function deleteComment(supabase: Supabase, id: string): Promise<Outcome> {
  const { error } = await supabase.rpc('delete_comment', { comment_id: id })
  return error ? { ok: false, message: describeDbError(error) } : { ok: true }
}

export async function getOwnVote(supabase: Supabase, proposalId: string, userId: string | null) {
  if (!userId) return 0
  const { data, error } = await supabase
    .from('votes')
    .select('value')
    .eq('proposal_id', proposalId)
    .eq('user_id', userId)
    .maybeSingle()
  if (error) throw error
  return data?.value ?? 0
}

/** value 1 supports, -1 opposes, 0 withdraws. */
export async function castVote(
  supabase: Supabase,
  proposalId: string,
  userId: string,
  value: -1 | 0 | 1,
): Promise<Outcome> {
  const current = await getOwnVote(supabase, proposalId, userId)
  if (current === value) return { ok: true }
  const votes = supabase.from('votes')
  const { data, error } =
    value === 0
      ? await votes.delete().eq('proposal_id', proposalId).eq('user_id', userId).select('value')
      : current === 0
        ? await votes.insert({ proposal_id: proposalId, value }).select('value')
        : await votes
            .update({ value })
            .eq('proposal_id', proposalId)
            .eq('user_id', userId)
            .select('value')
  if (error)
    return {
      ok: false,
      message: describeDbError(error, 'Your vote could not be counted. Please try again.'),
    }
  return data.length ? { ok: true } : { ok: false, message: 'Voting is closed on this proposal.' }
}

/** Support in every region for one proposal, as the API gives it: boroughs where fewer than
 * 5 people voted come back without numbers. */
export async function listRegionSupport(supabase: Supabase, proposalId: string) {
  const [tallies, { data: regions, error: regionsError }] = await Promise.all([
    listRegionTallies(supabase, [proposalId]),
    supabase.from('regions').select('slug, name, is_borough').order('position'),
  ])
  if (regionsError) throw regionsError
  const byRegion = tallies.get(proposalId)
  return regions.map((r) => ({
    slug: r.slug,
    name: r.name,
    isBorough: r.is_borough,
    ...(byRegion?.get(r.slug) ?? withheldTally),
  }))
}
