// The discussion under a proposal: nested replies, stance badges, edit and delete for authors,
// and a reply box under the comment being answered (?replyTo=…), all without JavaScript.
import { Form, Link } from '@remix-run/react'
import type { ThreadNode } from '~/utils/comment-tree'
import { timeAgo } from '~/utils/dates'
import { CommentBody } from './comment-body'
import { CommentForm, type CommentFormResult } from './comment-form'
import { ReportForm } from './report-form'
import type { RoleBadgeValue } from '~/utils/role-badge'
import { RoleBadge } from './role-badge'

export type ThreadItem = {
  id: string
  parentId: string | null
  authorId: string
  authorName: string
  authorBadge?: RoleBadgeValue | null
  body: string
  stance: 'for' | 'against' | 'neutral' | null
  createdAt: string
  editedAt: string | null
  deleted: boolean
  hiddenReason: string | null
}

const stanceStyles = {
  for: ['For', 'bg-green-100 text-green-900'],
  against: ['Against', 'bg-rose-100 text-rose-900'],
  neutral: ['Neutral', 'bg-stone-200 text-stone-900'],
} as const

export type ThreadContext = {
  action: string
  pagePath: string
  viewerId: string | null
  canComment: boolean
  replyTo: string | null
  editing: string | null
  reporting: string | null
  reportingWeight: string
  now: number
  serverResult: CommentFormResult | null
  /** Set when a page brought fewer replies than there are: a link to a whole thread. */
  allReplies?: (commentId: string) => string
}

function CommentItem({
  node,
  context,
  level,
}: {
  node: ThreadNode<ThreadItem>
  context: ThreadContext
  level: number
}) {
  const { comment } = node
  const mine = context.viewerId === comment.authorId && !comment.deleted
  const here = (param: string) => `${context.pagePath}?${param}=${comment.id}#comment-${comment.id}`
  return (
    <li
      id={`comment-${comment.id}`}
      className={level > 1 ? 'border-l-2 border-stone-200 pl-4' : ''}
    >
      <article
        aria-label={comment.deleted ? 'Deleted comment' : `Comment by ${comment.authorName}`}
        className="py-3"
      >
        {comment.deleted ? (
          <p className="italic text-stone-600">This comment was deleted by its author.</p>
        ) : comment.hiddenReason ? (
          <p className="italic text-stone-700">{comment.hiddenReason}</p>
        ) : (
          <>
            <header className="flex flex-wrap items-center gap-2 text-sm">
              <Link
                to={`/members/${comment.authorId}`}
                className="font-semibold text-stone-900 underline"
              >
                {comment.authorName}
              </Link>
              <RoleBadge badge={comment.authorBadge ?? null} />
              {comment.stance ? (
                <span
                  className={`rounded-full px-2 py-0.5 text-xs font-semibold ${stanceStyles[comment.stance][1]}`}
                >
                  {stanceStyles[comment.stance][0]}
                </span>
              ) : null}
              <time dateTime={comment.createdAt} className="text-stone-700">
                {timeAgo(comment.createdAt, context.now)}
              </time>
              {comment.editedAt ? <span className="text-stone-700">(edited)</span> : null}
              {node.inReplyTo ? (
                <span className="text-stone-700">in reply to {node.inReplyTo}</span>
              ) : null}
            </header>
            {context.editing === comment.id && mine ? (
              <div className="mt-2">
                <CommentForm
                  id={`edit-${comment.id}`}
                  action={context.action}
                  intent="edit-comment"
                  commentId={comment.id}
                  label="Edit your comment"
                  submitLabel="Save comment"
                  defaultBody={comment.body}
                  defaultStance={comment.stance ?? ''}
                  serverResult={context.serverResult}
                  cancelTo={`${context.pagePath}?comment=${comment.id}#comment-${comment.id}`}
                />
              </div>
            ) : (
              <div className="mt-1 text-stone-900">
                <CommentBody text={comment.body} />
              </div>
            )}
            <div className="mt-1 flex flex-wrap items-center gap-4 text-sm">
              {context.canComment ? (
                <Link
                  to={here('replyTo')}
                  preventScrollReset
                  className="font-semibold text-brand-700 underline"
                >
                  Reply<span className="sr-only"> to {comment.authorName}</span>
                </Link>
              ) : null}
              {mine && context.canComment ? (
                <Link to={here('edit')} preventScrollReset className="text-brand-700 underline">
                  Edit<span className="sr-only"> your comment</span>
                </Link>
              ) : null}
              {context.viewerId && !mine ? (
                <Link to={here('report')} preventScrollReset className="text-stone-700 underline">
                  Report<span className="sr-only"> this comment by {comment.authorName}</span>
                </Link>
              ) : null}
              {mine ? (
                <Form method="post" action={context.action} preventScrollReset>
                  <input type="hidden" name="intent" value="delete-comment" />
                  <input type="hidden" name="commentId" value={comment.id} />
                  <button type="submit" className="text-red-700 underline">
                    Delete<span className="sr-only"> your comment</span>
                  </button>
                </Form>
              ) : null}
            </div>
          </>
        )}
        {context.reporting === comment.id && context.viewerId ? (
          <ReportForm
            action={context.action}
            commentId={comment.id}
            label={`Why are you reporting this comment by ${comment.authorName}?`}
            cancelTo={`${context.pagePath}?comment=${comment.id}#comment-${comment.id}`}
            weight={context.reportingWeight}
          />
        ) : null}
        {context.replyTo === comment.id && context.canComment ? (
          <div className="mt-3 rounded-lg border border-stone-300 bg-stone-50 p-4">
            <CommentForm
              id={`reply-${comment.id}`}
              action={context.action}
              intent="comment"
              parentId={comment.id}
              label={`Reply to ${comment.authorName}`}
              submitLabel="Post reply"
              serverResult={context.serverResult}
              cancelTo={`${context.pagePath}?comment=${comment.id}#comment-${comment.id}`}
            />
          </div>
        ) : null}
      </article>
      {node.replies.length ? (
        <ol className="ml-2 sm:ml-4">
          {node.replies.map((reply) => (
            <CommentItem key={reply.comment.id} node={reply} context={context} level={level + 1} />
          ))}
        </ol>
      ) : null}
      {level === 1 && context.allReplies ? (
        <p className="pb-3 text-sm">
          <Link to={context.allReplies(comment.id)} className="text-brand-700 underline">
            Show all replies<span className="sr-only"> to {comment.authorName}</span>
          </Link>
        </p>
      ) : null}
    </li>
  )
}

export function CommentThread({
  nodes,
  context,
}: {
  nodes: Array<ThreadNode<ThreadItem>>
  context: ThreadContext
}) {
  if (nodes.length === 0) return <p className="text-stone-700">No comments yet.</p>
  return (
    <ol className="divide-y divide-stone-200">
      {nodes.map((node) => (
        <CommentItem key={node.comment.id} node={node} context={context} level={1} />
      ))}
    </ol>
  )
}
