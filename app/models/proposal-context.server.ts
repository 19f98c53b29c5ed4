// A proposal with its group and what the viewer may do with it.
import { loadGroupContext } from './group-context.server'
import { getMyProposalState, getProposal } from './proposal.server'
import type { Supabase } from '~/utils/supabase.server'
import { uuidPattern } from '~/utils/uuid'
import { invariantResponse } from '~/utils/http.server'

export async function loadProposalContext(
  supabase: Supabase,
  slug: string | undefined,
  id: string | undefined,
  headers?: HeadersInit,
) {
  const context = await loadGroupContext(supabase, slug, headers)
  const known = id && uuidPattern.test(id) ? id : null
  const [proposal, mine] = await Promise.all([
    known ? getProposal(supabase, known) : null,
    // Asked beside the read, not after it: the page waits for one round trip, not two.
    known && context.user
      ? getMyProposalState(supabase, known)
      : { canEdit: false, vote: 0, following: false },
  ])
  const { canEdit } = mine
  invariantResponse(
    proposal && proposal.group_id === context.group.id,
    'There is no proposal at this address, or it is a draft you cannot see.',
    { status: 404, headers },
  )
  const viewerId = context.user?.id ?? null
  // An invitation gives no rights until it is accepted (Postgres agrees: RLS and triggers).
  const isAuthor = proposal.authors.some((a) => a.id === viewerId && !a.pending)
  const isInvited = proposal.authors.some((a) => a.id === viewerId && a.pending)
  const isMainAuthor = proposal.author_id === viewerId
  // canEdit is what the update policy allows, asked of Postgres: authors edit drafts, authors
  // and curators open proposals, curators shortlisted ones; nobody edits in an archived group.
  return {
    ...context,
    proposal,
    viewerId,
    isAuthor,
    isInvited,
    isMainAuthor,
    canEdit,
    canPublish: canEdit && proposal.status === 'draft',
    /** The member's vote on it (1, -1 or 0) and whether they follow it. */
    myVote: mine.vote,
    following: mine.following,
  }
}
