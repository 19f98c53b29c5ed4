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
import { AmendmentsSection } from '~/components/amendments-section'
import { BoroughSupport } from '~/components/borough-support'
import { FollowButton } from '~/components/follow-button'
import { CandidateAnswer } from '~/components/candidate-answer'
import { CommentForm } from '~/components/comment-form'
import { ThreadPages } from '~/components/thread-pages'
import { InvitationAnswer } from '~/components/invitation-answer'
import { NewCommentsStatus, shownData, useLiveProposal } from '~/components/live-proposal'
import { ReportForm } from '~/components/report-form'
import { ShareProposal } from '~/components/share-proposal'
import { ShortlistProgress } from '~/components/shortlist-progress'
import { VotePanel } from '~/components/vote-panel'
import type { loader as rootLoader } from '~/root'
import { AuthorNames } from '~/components/proposal-card'
import { StatusBadge } from '~/components/status-badge'
import { Button, buttonClass } from '~/components/ui/button'
import { ConfirmStep } from '~/components/ui/confirm-step'
import { loadProposalPage } from '~/models/proposal-page.server'
import { proposalPageAction } from '~/models/proposal-page-actions.server'
import { longDate } from '~/utils/dates'
import { getRequestContext } from '~/utils/request-context.server'
import { proposalShareMeta } from '~/utils/share-meta'

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const root = matches.find((match) => match.id === 'root')?.data as
    { campaign?: { name?: string } } | undefined
  return data ? proposalShareMeta(data, root?.campaign?.name) : [{ title: 'Policy Forum' }]
}

export async function loader({ request, params, context: loadContext }: LoaderFunctionArgs) {
  const client = getRequestContext(request, loadContext)
  const data = await loadProposalPage(client, params.slug, params.id)
  return json(data, { headers: client.headers })
}

export const action = proposalPageAction

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
