// The proposal page's data: the proposal with its context, a page of its discussion, the
// borough table, the viewer's vote, the candidate's answer, suggested changes, and what the
// viewer may do. Two rounds of calls: the page frame (with the group, and the viewer's state
// on the proposal: standing and the borough table), the proposal and the thread's first page
// together; then the thread's replies and, where the proposal has them, its merge target,
// answer and suggested changes.
import { z } from 'zod'
import { renderProposalHtml } from '~/editor/render.server'
import { isAnswered, isLive } from '~/utils/proposal-statuses'
import type { RequestContext } from '~/utils/request-context.server'
import { uuidPattern } from '~/utils/uuid'
import { loadAmendmentSection } from './amendment-section.server'
import { getCandidateAnswer } from './candidate-answer.server'
import { decodeThreadCursor, listThreadPage, regionSupport } from './discussion.server'
import { reportWeight } from './moderation.server'
import { loadProposalContext } from './proposal-context.server'
import { getMergeTarget } from './proposal.server'
import { shortlistProgress } from './shortlist.server'

const stanceFilter = z.enum(['for', 'against', 'neutral'])

export async function loadProposalPage(
  client: RequestContext,
  slug: string | undefined,
  id: string | undefined,
) {
  const { supabase, headers } = client
  const url = new URL(client.request.url)
  const stance = stanceFilter.safeParse(url.searchParams.get('stance')).data ?? null
  const order =
    url.searchParams.get('sort') === 'newest' ? ('newest' as const) : ('oldest' as const)
  const after = decodeThreadCursor(url.searchParams.get('after'))
  // A link to one comment (a notification, or Reply/Edit/Report on a later page) starts the
  // page with the thread that holds it.
  const anchor = after
    ? null
    : (['comment', 'replyTo', 'edit', 'report']
        .map((name) => url.searchParams.get(name))
        .find((value) => value) ?? null)
  // The discussion is asked beside the group and the proposal, not after them: RLS shows no
  // comments of a proposal the viewer cannot read, and a draft has none. Its answer is
  // awaited only once the proposal is known (a failure before then is not left unhandled).
  const threadRead =
    id && uuidPattern.test(id)
      ? listThreadPage(supabase, id, {
          stance,
          order,
          after,
          anchor,
          thread: after ? null : url.searchParams.get('thread'),
        })
      : null
  threadRead?.catch(() => {})
  const context = await loadProposalContext(supabase, slug, id, headers)
  const { proposal } = context
  const published = proposal.status !== 'draft'
  const [thread, regions, mergedInto, answer, amendments] = await Promise.all([
    published && threadRead
      ? threadRead
      : ({
          comments: [],
          next: null,
          top: [],
          anchored: false,
          repliesCut: false,
        } as Awaited<ReturnType<typeof listThreadPage>>),
    published
      ? regionSupport(supabase, context.regionTallies)
      : ([] as Awaited<ReturnType<typeof regionSupport>>),
    getMergeTarget(supabase, proposal.merged_into),
    isAnswered(proposal.status) ? getCandidateAnswer(supabase, proposal.id) : null,
    loadAmendmentSection(supabase, context),
  ])
  const myVote = published ? context.myVote : 0
  const following = published && context.following
  const reporting = context.viewerId ? url.searchParams.get('report') : null
  const reportingWeight = reporting ? await reportWeight(supabase, context.group.id) : ''
  const live = isLive(proposal.status) && !context.group.archived_at
  const participation = !context.user
    ? 'Sign in and join the group to vote and comment.'
    : !context.isActiveMember
      ? 'Join the group to vote and comment.'
      : !live
        ? 'Voting and discussion are closed on this proposal.'
        : null
  return {
    group: { slug: context.group.slug, name: context.group.name },
    proposal: {
      id: proposal.id,
      title: proposal.title,
      summary: proposal.summary,
      status: proposal.status,
      statusReason: proposal.status_reason,
      version: proposal.version,
      authors: proposal.authors,
      publishedAt: proposal.published_at,
      updatedAt: proposal.updated_at,
      createdAt: proposal.created_at,
      hiddenReason: proposal.hidden_reason,
      mergedInto,
    },
    bodyHtml: renderProposalHtml(proposal.body),
    canEdit: context.canEdit,
    canPublish: context.canPublish,
    canDelete: context.isMainAuthor && proposal.status === 'draft',
    published,
    participation,
    canTakePart: participation === null,
    viewerId: context.viewerId,
    votes: { support: proposal.support_count, oppose: proposal.oppose_count, mine: myVote },
    regions,
    answer,
    amendments,
    shortlist: shortlistProgress(context.group, proposal, regions),
    following,
    thread: {
      comments: thread.comments,
      next: thread.next,
      repliesCut: thread.repliesCut,
      /** The cursor this page starts after (null on the first page). */
      after: after ? url.searchParams.get('after') : null,
      fromStart: !after && !thread.anchored,
    },
    commentCount: proposal.comment_count,
    stance,
    order,
    replyTo: url.searchParams.get('replyTo'),
    editing: url.searchParams.get('edit'),
    reporting,
    reportingWeight,
    shareUrl: new URL(`/groups/${context.group.slug}/proposals/${proposal.id}`, url.origin).href,
    isAuthor: context.isAuthor,
    isInvited: context.isInvited,
    now: Date.now(),
    /** The address these data were read for: a live refetch started before the member moved
     * to another view of the page (a reply box, another thread page) must not replace it. */
    shownFor: `${url.pathname}${url.search}`,
  }
}
