// What the proposal page shows of its suggested changes: the stored counts, the open
// suggestions (newest first) and the latest decided ones, and whether the viewer may suggest.
import type { loadProposalContext } from './proposal-context.server'
import { listAmendments, type AmendmentListItem } from './amendment.server'
import type { Supabase } from '~/utils/supabase.server'

type ProposalContext = Awaited<ReturnType<typeof loadProposalContext>>

const decidedShown = 5
const none: AmendmentListItem[] = []

/** Why the viewer cannot suggest a change now, or null when they can. */
function suggestBlocker(context: ProposalContext) {
  const { proposal, standing } = context
  if (!['open', 'shortlisted'].includes(proposal.status) || context.group.archived_at)
    return 'Changes can be suggested only while a proposal is open or shortlisted.'
  if (proposal.hidden_at) return 'Changes cannot be suggested while the proposal is hidden.'
  if (!context.user) return 'Sign in and join the group to suggest changes.'
  if (context.isAuthor) return 'You are an author of this proposal: edit it instead.'
  if (!context.isActiveMember) return 'Join the group to suggest changes.'
  if (standing?.has_standing) return null
  const days = standing?.standing_days ?? 7
  return standing?.has_participated
    ? `You can suggest changes once you have been a member of this group for ${days} days.`
    : `You can suggest changes once you have been a member of this group for ${days} days and have voted or commented on someone else’s proposal.`
}

export async function loadAmendmentSection(supabase: Supabase, context: ProposalContext) {
  const { proposal } = context
  if (proposal.status === 'draft') return null
  // The viewer's standing came with the proposal's read (context.standing).
  const [open, accepted, declined] = await Promise.all([
    proposal.amendments_open ? listAmendments(supabase, proposal.id, 'open') : none,
    proposal.amendments_accepted
      ? listAmendments(supabase, proposal.id, 'accepted', decidedShown)
      : none,
    proposal.amendments_declined
      ? listAmendments(supabase, proposal.id, 'declined', decidedShown)
      : none,
  ])
  const decided = [...accepted, ...declined]
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
    .slice(0, decidedShown)
  return {
    counts: {
      open: proposal.amendments_open,
      accepted: proposal.amendments_accepted,
      declined: proposal.amendments_declined,
    },
    version: proposal.version,
    open,
    decided,
    suggestBlocker: suggestBlocker(context),
  }
}

export type AmendmentSection = NonNullable<Awaited<ReturnType<typeof loadAmendmentSection>>>
