// Before a draft is published: the group's proposals whose titles are most like it
// (public.similar_proposals, a trigram index in Postgres). Every "Publish" goes through
// publishOrCompare, so a member sees them first whichever page they publish from.
import type { Supabase } from '~/utils/supabase.server'
import { publishProposal } from './proposal.server'

export async function findSimilarProposals(
  supabase: Supabase,
  groupId: string,
  title: string,
  exclude: string | null,
) {
  const { data, error } = await supabase.rpc('similar_proposals', {
    target_group: groupId,
    title,
    exclude: exclude ?? undefined,
  })
  if (error) throw error
  return data
}

export type PublishOutcome =
  | { kind: 'published'; message: string }
  | { kind: 'compare'; message: string; to: string }
  | { kind: 'error'; message: string }

export { publishedMessage } from './proposal.server'

/** Publishes the draft, unless the group has proposals like it: then the member is sent to
 * compare them first (their draft is saved and stays a draft). */
export async function publishOrCompare(
  supabase: Supabase,
  draft: { id: string; title: string; groupId: string; groupSlug: string },
): Promise<PublishOutcome> {
  const similar = await findSimilarProposals(supabase, draft.groupId, draft.title, draft.id)
  if (similar.length)
    return {
      kind: 'compare',
      message: 'Your draft is saved. Before you publish it, look at these similar proposals.',
      to: `/groups/${draft.groupSlug}/proposals/${draft.id}/publish`,
    }
  const outcome = await publishProposal(supabase, draft.id)
  return { kind: outcome.ok ? 'published' : 'error', message: outcome.message }
}
