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
  const known = id && uuidPattern.test(id) ? id : null
  // The proposal and what the viewer may do with it are read beside the group, not after it:
  // the page waits for one round trip, not two.
  const [context, proposal, mine] = await Promise.all([
    loadGroupContext(supabase, slug, headers),
    known ? getProposal(supabase, known) : null,
    known ? getMyProposalState(supabase, known) : null,
  ])
  invariantResponse(
    proposal && proposal.group_id === context.group.id,
    'There is no proposal at this address, or it is a draft you cannot see.',
    { status: 404, headers },
  )
  const viewerId = context.user?.id ?? null
  // A token whose session has ended reads as a visitor (the group context found no one).
  const viewer =
    viewerId && mine ? mine : { canEdit: false, vote: 0, following: false, standing: null }
  // An invitation gives no rights until it is accepted (Postgres agrees: RLS and triggers).
  const isAuthor = proposal.authors.some((a) => a.id === viewerId && !a.pending)
  const isInvited = proposal.authors.some((a) => a.id === viewerId && a.pending)
  const isMainAuthor = proposal.author_id === viewerId
  // canEdit is what the update policy allows, asked of Postgres: authors edit drafts, authors
  // and curators open proposals, curators shortlisted ones; nobody edits in an archived group.
  const { canEdit } = viewer
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
    myVote: viewer.vote,
    following: viewer.following,
    /** Their standing in the group (whether they may suggest changes); null for a visitor. */
    standing: viewer.standing,
    /** Its support in each region (small boroughs withheld). */
    regionTallies: mine?.regionTallies ?? null,
  }
}
