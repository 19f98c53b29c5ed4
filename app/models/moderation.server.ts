// Flags and hidden content. Members flag; the group's curators hide or dismiss; Postgres
// hides content automatically after three flags and keeps hidden words out of the API.
import { longDate } from '~/utils/dates'
import { refusedByDb } from '~/utils/db-errors.server'
import type { Enums } from '~/types/database'
import type { Supabase } from '~/utils/supabase.server'
import type { Outcome } from '~/utils/outcome'

/** What the member's report will do, from their standing in the group (decision 008). */
export async function reportWeight(supabase: Supabase, groupId: string) {
  const { data, error } = await supabase.rpc('my_standing', { group_id: groupId })
  if (error) throw error
  const standing = data[0]
  const rule = `Content reported by three members of standing in the group is hidden until they do.`
  if (!standing) return rule
  if (standing.has_standing)
    return `${rule} You are a member of standing here, so your report counts toward that.`
  const days = `${standing.standing_days} day${standing.standing_days === 1 ? '' : 's'}`
  if (!standing.is_active_member)
    return `${rule} Your report reaches them, but only members of standing (in the group for ${days} and taking part in its discussions) count toward hiding.`
  const waiting = new Date(standing.standing_from).getTime() > Date.now()
  const needs = [
    waiting ? `from ${longDate(standing.standing_from)}` : null,
    standing.has_participated
      ? null
      : 'once you have voted or commented on another member’s proposal',
  ].filter(Boolean)
  return `${rule} Your report reaches them now; it will count toward hiding ${needs.join(', and ')}.`
}

export async function flagContent(
  supabase: Supabase,
  target: { proposalId?: string; commentId?: string },
  reason: string,
  category: Enums<'flag_category'> = 'other',
): Promise<Outcome> {
  const { error } = await supabase.rpc('flag_content', {
    reason,
    proposal_id: target.proposalId,
    comment_id: target.commentId,
    category,
  })
  return error
    ? refusedByDb(error)
    : { ok: true, message: 'Thank you. The group’s facilitators will look at it.' }
}

export async function resolveFlag(
  supabase: Supabase,
  flagId: string,
  decision: 'hide' | 'dismiss',
  publicReason?: string,
): Promise<Outcome> {
  const { error } = await supabase.rpc('resolve_flag', {
    flag_id: flagId,
    decision,
    public_reason: publicReason,
  })
  if (error) return refusedByDb(error)
  return {
    ok: true,
    message:
      decision === 'hide' ? 'Hidden, with your reason shown in its place.' : 'Flag dismissed.',
  }
}

export async function unhideContent(
  supabase: Supabase,
  target: { proposalId?: string; commentId?: string },
): Promise<Outcome> {
  const { error } = await supabase.rpc('unhide_content', {
    proposal_id: target.proposalId,
    comment_id: target.commentId,
  })
  return error ? refusedByDb(error) : { ok: true, message: 'Shown again.' }
}

/** Open flags of the group, grouped by what they flag, with what the curator needs to judge:
 * each reporter's standing when they flagged, and whether the content is the viewer's own
 * (`ownProposals` from listOwnProposalIds), which another facilitator decides on. */
export async function listOpenFlags(
  supabase: Supabase,
  groupId: string,
  viewer: { id: string; ownProposals: Set<string> },
) {
  const { data, error } = await supabase
    .from('flags')
    .select(
      'id, reason, category, created_at, proposal_id, comment_id, reporter_has_standing, reporter:profiles!flags_reporter_id_fkey(display_name), proposal:proposals(id, title, hidden_at, hidden_reason, hidden_automatically), comment:comments(id, proposal_id, author_id, body, hidden_at, hidden_reason, hidden_automatically, author:profiles!comments_author_id_fkey(display_name))',
    )
    .eq('group_id', groupId)
    .eq('status', 'open')
    .order('created_at')
    .limit(200)
  if (error) throw error
  const hiddenComments = data.filter((f) => f.comment?.hidden_at).map((f) => f.comment!.id)
  const hiddenText = new Map<string, string>()
  await Promise.all(
    [...new Set(hiddenComments)].map(async (id) => {
      const { data: text } = await supabase.rpc('read_hidden_comment', { comment_id: id })
      hiddenText.set(id, text ?? '')
    }),
  )
  const targets = new Map<
    string,
    {
      key: string
      kind: 'proposal' | 'comment'
      flags: typeof data
      title: string
      text: string
      author: string
      hidden: string | null
      automatic: boolean
      proposalId: string
      commentId: string | null
      own: boolean
    }
  >()
  for (const flag of data) {
    const key = flag.comment_id ?? flag.proposal_id ?? flag.id
    const target =
      targets.get(key) ??
      (flag.comment
        ? {
            key,
            kind: 'comment' as const,
            flags: [],
            title: 'A comment',
            text: flag.comment.hidden_at
              ? (hiddenText.get(flag.comment.id) ?? '')
              : flag.comment.body,
            author: flag.comment.author?.display_name ?? 'Member',
            hidden: flag.comment.hidden_reason,
            automatic: flag.comment.hidden_automatically,
            proposalId: flag.comment.proposal_id,
            commentId: flag.comment.id,
            own: flag.comment.author_id === viewer.id,
          }
        : {
            key,
            kind: 'proposal' as const,
            flags: [],
            title: flag.proposal?.title ?? 'A proposal',
            text: '',
            author: '',
            hidden: flag.proposal?.hidden_reason ?? null,
            automatic: flag.proposal?.hidden_automatically ?? false,
            proposalId: flag.proposal_id ?? '',
            commentId: null,
            own: viewer.ownProposals.has(flag.proposal_id ?? ''),
          })
    target.flags.push(flag)
    targets.set(key, target)
  }
  return [...targets.values()]
}
