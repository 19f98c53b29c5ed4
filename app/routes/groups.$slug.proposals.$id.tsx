// The proposal page: read-only, rendered on the server. It ships no editor JavaScript.
import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import {
  Form,
  Link,
  useActionData,
  useFetcher,
  useLoaderData,
  useLocation,
  useNavigation,
  useRouteLoaderData,
} from '@remix-run/react'
import { z } from 'zod'
import { AmendmentsSection } from '~/components/amendments-section'
import { BoroughSupport } from '~/components/borough-support'
import { FollowButton } from '~/components/follow-button'
import { CandidateAnswer } from '~/components/candidate-answer'
import { CommentForm } from '~/components/comment-form'
import { useState } from 'react'
import { CommentThread, type ThreadContext, type ThreadItem } from '~/components/comment-thread'
import { InvitationAnswer } from '~/components/invitation-answer'
import { NewCommentsStatus, shownData, useLiveProposal } from '~/components/live-proposal'
import { ReportForm } from '~/components/report-form'
import { ShareProposal } from '~/components/share-proposal'
import { ShortlistProgress } from '~/components/shortlist-progress'
import { VotePanel } from '~/components/vote-panel'
import {
  getOwnVote,
  decodeThreadCursor,
  listThreadPage,
  listRegionSupport,
} from '~/models/discussion.server'
import { loadAmendmentSection } from '~/models/amendment-section.server'
import { isFollowing } from '~/models/follow.server'
import { reportWeight } from '~/models/moderation.server'
import type { loader as rootLoader } from '~/root'
import { buildThread, type ThreadNode } from '~/utils/comment-tree'
import { AuthorNames } from '~/components/proposal-card'
import { StatusBadge } from '~/components/status-badge'
import { Button, buttonClass } from '~/components/ui/button'
import { ConfirmStep } from '~/components/ui/confirm-step'
import { renderProposalHtml } from '~/editor/render.server'
import { getCandidateAnswer } from '~/models/candidate-answer.server'
import { loadProposalContext } from '~/models/proposal-context.server'
import { getMergeTarget } from '~/models/proposal.server'
import { proposalPageAction } from '~/models/proposal-page-actions.server'
import { shortlistProgress } from '~/models/shortlist.server'
import { longDate } from '~/utils/dates'
import { cardSize } from '~/utils/card-size'
import { isAnswered, isLive } from '~/utils/proposal-statuses'
import { getRequestContext } from '~/utils/request-context.server'

// What a link to the proposal unfurls as (Open Graph, X cards). Drafts and hidden proposals
// are seen only by their authors and facilitators, and give nothing of their content away.
export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  if (!data) return [{ title: 'Policy Forum' }]
  const { proposal, group } = data
  if (!data.published || proposal.hiddenReason)
    return [
      { title: `${data.published ? 'Hidden proposal' : 'Draft'} · ${group.name} · Policy Forum` },
      { name: 'robots', content: 'noindex' },
    ]
  const root = matches.find((match) => match.id === 'root')?.data as
    { campaign?: { name?: string } } | undefined
  const title = `${proposal.title} · ${group.name}`
  const votes = `${data.votes.support} support, ${data.votes.oppose} oppose so far.`
  const description = `${proposal.summary} ${group.name} · ${votes}`
  return [
    { title: `${title} · Policy Forum` },
    { name: 'description', content: description },
    { tagName: 'link', rel: 'canonical', href: data.shareUrl },
    { property: 'og:type', content: 'article' },
    { property: 'og:site_name', content: root?.campaign?.name ?? 'Policy Forum' },
    { property: 'og:title', content: proposal.title },
    { property: 'og:description', content: description },
    { property: 'og:url', content: data.shareUrl },
    { property: 'og:image', content: `${data.shareUrl}/card.png` },
    { property: 'og:image:type', content: 'image/png' },
    { property: 'og:image:width', content: String(cardSize.width) },
    { property: 'og:image:height', content: String(cardSize.height) },
    { property: 'og:image:alt', content: `${proposal.title}: ${votes}` },
    { name: 'twitter:card', content: 'summary_large_image' },
    { name: 'twitter:title', content: proposal.title },
    { name: 'twitter:description', content: description },
    { name: 'twitter:image', content: `${data.shareUrl}/card.png` },
  ]
}

export async function loader({ request, params, context: loadContext }: LoaderFunctionArgs) {
  const { supabase, headers } = getRequestContext(request, loadContext)
  const context = await loadProposalContext(supabase, params.slug, params.id, headers)
  const { proposal } = context
  const url = new URL(request.url)
  const published = proposal.status !== 'draft'
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
  const [thread, regions, myVote, mergedInto, answer, amendments, following] = await Promise.all([
    published
      ? listThreadPage(supabase, proposal.id, {
          stance,
          order,
          after,
          anchor,
          thread: after ? null : url.searchParams.get('thread'),
        })
      : Promise.resolve({
          comments: [],
          next: null,
          top: [],
          anchored: false,
          repliesCut: false,
        } as Awaited<ReturnType<typeof listThreadPage>>),
    published
      ? listRegionSupport(supabase, proposal.id)
      : Promise.resolve([] as Awaited<ReturnType<typeof listRegionSupport>>),
    published ? getOwnVote(supabase, proposal.id, context.viewerId) : Promise.resolve(0),
    getMergeTarget(supabase, proposal.merged_into),
    isAnswered(proposal.status) ? getCandidateAnswer(supabase, proposal.id) : Promise.resolve(null),
    loadAmendmentSection(supabase, context),
    published ? isFollowing(supabase, context.viewerId, { proposalId: proposal.id }) : false,
  ])
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
  return json(
    {
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
    },
    { headers },
  )
}

const stanceFilter = z.enum(['for', 'against', 'neutral'])
export const action = proposalPageAction

function threadFor(
  comments: Array<ThreadItem & { parentAuthorName?: string | null }>,
  stance: ThreadItem['stance'],
  order: 'oldest' | 'newest',
): Array<ThreadNode<ThreadItem>> {
  if (!stance) return buildThread(comments, order)
  // Filtered: the page's comments of that stance, flat and already in order.
  return comments.map((comment) => ({
    comment,
    inReplyTo: comment.parentAuthorName ?? null,
    replies: [],
  }))
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>
type ThreadPage = {
  comments: LoaderData['thread']['comments']
  next: string | null
  repliesCut: boolean
}

/**
 * The discussion, a page at a time. Without JavaScript "Show more comments" is a link to the
 * next page (that page alone, with a link back to the first); with it, the same link loads the
 * next page's comments and appends them, so nothing typed in a comment box is lost.
 */
function ThreadPages({ data, context }: { data: LoaderData; context: ThreadContext }) {
  const fetcher = useFetcher<typeof loader>()
  const base = `${data.thread.after ?? ''}|${data.stance ?? ''}|${data.order}|${data.thread.comments[0]?.id ?? ''}`
  const [more, setMore] = useState<{ base: string; pages: Array<ThreadPage & { after: string }> }>({
    base,
    pages: [],
  })
  const pages = more.base === base ? more.pages : []
  // A page the fetcher brought: appended, or, loaded again after a comment was posted,
  // put in place of the same page (adjusting state while rendering, not in an effect).
  const [seen, setSeen] = useState(fetcher.data)
  const loaded = fetcher.data?.thread
  if (fetcher.data !== seen && fetcher.state === 'idle') {
    setSeen(fetcher.data)
    if (loaded?.after) {
      const page = {
        comments: loaded.comments,
        next: loaded.next,
        repliesCut: loaded.repliesCut,
        after: loaded.after,
      }
      const at = pages.findIndex((p) => p.after === page.after)
      setMore({
        base,
        pages: at >= 0 ? pages.map((p, i) => (i === at ? page : p)) : [...pages, page],
      })
    }
  }
  const next = pages.length ? pages[pages.length - 1]!.next : data.thread.next
  const link = (after: string | null) => {
    const params = new URLSearchParams()
    if (data.stance) params.set('stance', data.stance)
    if (data.order !== 'oldest') params.set('sort', data.order)
    if (after) params.set('after', after)
    const query = params.toString()
    return `${context.pagePath}${query ? `?${query}` : ''}`
  }
  const shown = [data.thread, ...pages]
  return (
    <>
      {!data.thread.fromStart ? (
        <p className="border-b border-stone-200 py-3 text-sm">
          <Link
            to={`${link(null)}#discussion-heading`}
            className="font-semibold text-brand-700 underline"
          >
            Show the discussion from the start
          </Link>
        </p>
      ) : null}
      {shown.map((page, index) =>
        index === 0 || page.comments.length ? (
          <CommentThread
            key={index}
            nodes={threadFor(page.comments, data.stance, data.order)}
            context={
              page.repliesCut
                ? {
                    ...context,
                    allReplies: (id) => `${context.pagePath}?thread=${id}#comment-${id}`,
                  }
                : context
            }
          />
        ) : null,
      )}
      {next ? (
        <p className="border-t border-stone-200 py-3">
          <Link
            to={`${link(next)}#discussion-heading`}
            preventScrollReset
            className="font-semibold text-brand-700 underline"
            aria-disabled={fetcher.state !== 'idle' || undefined}
            onClick={(event) => {
              event.preventDefault()
              if (fetcher.state === 'idle') fetcher.load(link(next))
            }}
          >
            {fetcher.state === 'idle' ? 'Show more comments' : 'Loading more comments…'}
          </Link>
        </p>
      ) : null}
    </>
  )
}

export default function ProposalPage() {
  const loaderData = useLoaderData<typeof loader>()
  // Live updates arrive through this fetcher; the newer of its data and the loader's is shown,
  // if it was read for the address the page is showing.
  const refresher = useFetcher<typeof loader>({ key: `live:${loaderData.proposal.id}` })
  const location = useLocation()
  const data = shownData(loaderData, refresher.data)
  const { group, proposal, bodyHtml, canEdit, canPublish, canDelete } = data
  const actionData = useActionData<typeof action>()
  const root = useRouteLoaderData<typeof rootLoader>('root')
  const navigation = useNavigation()
  const busy = navigation.state === 'submitting'
  const pagePath = `/groups/${group.slug}/proposals/${proposal.id}`
  const serverResult = actionData && 'commentError' in actionData ? actionData : null
  const live = useLiveProposal(proposal.id, data.viewerId, () =>
    refresher.load(`${location.pathname}${location.search}`),
  )
  if (actionData && 'step' in actionData)
    return <ConfirmStep step={actionData.step} cancelHref={pagePath} />
  return (
    <article className="max-w-3xl">
      <div className="flex flex-wrap items-center gap-3">
        <StatusBadge status={proposal.status} />
        {proposal.status === 'draft' ? (
          <span className="text-sm text-stone-700">Only its authors can see this draft.</span>
        ) : null}
      </div>
      <h2 className="mt-2 text-3xl font-bold">{proposal.title}</h2>
      <p className="mt-2 text-stone-700">
        By <AuthorNames authors={proposal.authors} />
        {proposal.publishedAt ? (
          <>
            {' '}
            · published{' '}
            <time dateTime={proposal.publishedAt}>{longDate(proposal.publishedAt)}</time>
          </>
        ) : null}
        {proposal.updatedAt !== proposal.createdAt ? (
          <>
            {' '}
            · last changed <time dateTime={proposal.updatedAt}>{longDate(proposal.updatedAt)}</time>
          </>
        ) : null}
      </p>
      {data.isInvited ? (
        <section
          aria-labelledby="invitation-heading"
          className="mt-4 rounded-xl border-2 border-brand-700 bg-white p-4"
        >
          <h3 id="invitation-heading" className="font-bold">
            You are invited to co-author this proposal
          </h3>
          <p className="mt-1 text-stone-700">
            If you accept, you can edit it and you are named as a co-author.
          </p>
          <div className="mt-3">
            <InvitationAnswer proposalId={proposal.id} proposalTitle={proposal.title} />
          </div>
        </section>
      ) : null}
      {proposal.hiddenReason ? (
        <p
          role="status"
          className="mt-3 rounded-md border-2 border-red-700 bg-red-50 p-3 text-red-900"
        >
          {proposal.hiddenReason} Only its authors and the group’s facilitators can see it.
        </p>
      ) : null}
      {proposal.mergedInto ? (
        <p className="mt-3 rounded-md border border-stone-300 bg-stone-100 p-3">
          Merged into{' '}
          <Link
            to={`/groups/${proposal.mergedInto.slug}/proposals/${proposal.mergedInto.id}`}
            className="font-semibold text-brand-700 underline"
          >
            {proposal.mergedInto.title}
          </Link>
          : discussion and votes continue there.
        </p>
      ) : null}
      {proposal.statusReason ? (
        <p className="mt-3 rounded-md border border-stone-300 bg-stone-100 p-3">
          <span className="font-semibold">
            {proposal.status === 'archived'
              ? 'Archived by the facilitators: '
              : 'Facilitators’ note: '}
          </span>
          {proposal.statusReason}
        </p>
      ) : null}
      {data.answer ? (
        <div className="mt-5">
          <CandidateAnswer answer={data.answer} />
        </div>
      ) : null}
      <div className="mt-4 flex flex-wrap gap-3">
        {canEdit ? (
          <Link
            to={`/groups/${group.slug}/proposals/${proposal.id}/edit`}
            className={buttonClass('secondary')}
          >
            Edit
          </Link>
        ) : null}
        {canPublish ? (
          <Form method="post">
            <input type="hidden" name="intent" value="publish" />
            <Button type="submit" disabled={busy} pending={busy}>
              Publish for discussion
            </Button>
          </Form>
        ) : null}
        {data.published && data.viewerId ? (
          <FollowButton
            following={data.following}
            target={{ proposalId: proposal.id }}
            redirectTo={pagePath}
            what="proposal"
          />
        ) : null}
        {proposal.status !== 'draft' ? (
          <Link
            to={`/groups/${group.slug}/proposals/${proposal.id}/history`}
            className={buttonClass('link', 'self-center')}
          >
            History of changes
          </Link>
        ) : null}
      </div>
      {proposal.summary ? (
        <p className="mt-6 text-lg font-medium text-stone-800">{proposal.summary}</p>
      ) : null}
      <div className="prose-forum mt-6" dangerouslySetInnerHTML={{ __html: bodyHtml }} />
      {data.published ? (
        <div className="mt-10 grid items-start gap-6 md:grid-cols-2">
          <VotePanel
            action={pagePath}
            support={data.votes.support}
            oppose={data.votes.oppose}
            myVote={data.votes.mine}
            canVote={data.canTakePart}
            reason={data.participation}
          />
          <BoroughSupport rows={data.regions} regionName={root?.campaign.region_name ?? ''} />
          {data.shortlist ? <ShortlistProgress progress={data.shortlist} /> : null}
        </div>
      ) : null}
      {data.amendments ? <AmendmentsSection section={data.amendments} basePath={pagePath} /> : null}
      {data.published ? (
        <section aria-labelledby="discussion-heading" className="mt-10">
          <h3 id="discussion-heading" className="text-2xl font-bold">
            {`Discussion (${data.commentCount})`}
          </h3>
          <NewCommentsStatus count={live.newComments} joined={live.joined} />
          <Form method="get" className="mt-3 flex flex-wrap items-end gap-3" preventScrollReset>
            <label className="text-sm font-semibold">
              Show
              <select
                name="stance"
                defaultValue={data.stance ?? ''}
                className="ml-2 rounded-md border border-stone-500 bg-white px-2 py-1"
              >
                <option value="">All comments</option>
                <option value="for">Comments for</option>
                <option value="against">Comments against</option>
                <option value="neutral">Neutral comments</option>
              </select>
            </label>
            <label className="text-sm font-semibold">
              Order
              <select
                name="sort"
                defaultValue={data.order}
                className="ml-2 rounded-md border border-stone-500 bg-white px-2 py-1"
              >
                <option value="oldest">Oldest first</option>
                <option value="newest">Newest first</option>
              </select>
            </label>
            <button
              type="submit"
              className="rounded-md border border-stone-400 bg-white px-3 py-1 text-sm font-semibold hover:bg-stone-100"
            >
              Apply
            </button>
          </Form>
          <div className="mt-4 rounded-xl border border-stone-300 bg-white px-5">
            <ThreadPages
              data={data}
              context={{
                action: pagePath,
                pagePath,
                viewerId: data.viewerId,
                canComment: data.canTakePart,
                replyTo: data.replyTo,
                editing: data.editing,
                reporting: data.reporting,
                reportingWeight: data.reportingWeight,
                now: data.now,
                serverResult,
              }}
            />
          </div>
          {data.canTakePart ? (
            <div className="mt-6 rounded-xl border border-stone-300 bg-white p-5">
              <CommentForm
                id="new-comment"
                action={pagePath}
                intent="comment"
                label="Add to the discussion"
                submitLabel="Post comment"
                serverResult={serverResult}
              />
            </div>
          ) : (
            <p className="mt-4 text-stone-700">{data.participation}</p>
          )}
        </section>
      ) : null}
      {data.published && !proposal.hiddenReason ? (
        <ShareProposal url={data.shareUrl} title={proposal.title} />
      ) : null}
      {data.published && data.viewerId && !data.isAuthor ? (
        <div className="mt-8 text-sm">
          {data.reporting === 'proposal' ? (
            <ReportForm
              action={pagePath}
              label="Why are you reporting this proposal?"
              cancelTo={pagePath}
              weight={data.reportingWeight}
            />
          ) : (
            <Link to={`${pagePath}?report=proposal`} className="text-stone-700 underline">
              Report this proposal to the facilitators
            </Link>
          )}
        </div>
      ) : null}
      {canDelete ? (
        <Form method="post" className="mt-10 border-t border-stone-300 pt-6">
          <input type="hidden" name="intent" value="delete" />
          <Button type="submit" variant="danger" disabled={busy}>
            Delete this draft…
          </Button>
        </Form>
      ) : null}
    </article>
  )
}
