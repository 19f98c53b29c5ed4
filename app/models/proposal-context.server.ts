// A proposal with its group and what the viewer may do with it.
import { loadGroupContext } from './group-context.server'
import { getProposal } from './proposal.server'
import type { Supabase } from '~/utils/supabase.server'
import { uuidPattern } from '~/utils/uuid'

export async function loadProposalContext(
  supabase: Supabase,
  slug: string | undefined,
  id: string | undefined,
  headers?: HeadersInit,
) {
  const context = await loadGroupContext(supabase, slug, headers)
  const proposal = id && uuidPattern.test(id) ? await getProposal(supabase, id) : null
  if (!proposal || proposal.group_id !== context.group.id) {
    throw new Response('There is no proposal at this address, or it is a draft you cannot see.', {
      status: 404,
      headers,
    })
  }
  const viewerId = context.user?.id ?? null
  // An invitation gives no rights until it is accepted (Postgres agrees: RLS and triggers).
  const isAuthor = proposal.authors.some((a) => a.id === viewerId && !a.pending)
  const isInvited = proposal.authors.some((a) => a.id === viewerId && a.pending)
  const isMainAuthor = proposal.author_id === viewerId
  const archived = Boolean(context.group.archived_at)
  // Once shortlisted, only facilitators edit; authors suggest a change like anyone else.
  const canEdit =
    !archived &&
    ((proposal.status === 'draft' && isAuthor) ||
      (proposal.status === 'open' && (isAuthor || context.canCurate)) ||
      (proposal.status === 'shortlisted' && context.canCurate))
  return {
    ...context,
    proposal,
    viewerId,
    isAuthor,
    isInvited,
    isMainAuthor,
    canEdit,
    canPublish: isAuthor && proposal.status === 'draft' && !archived,
  }
}
