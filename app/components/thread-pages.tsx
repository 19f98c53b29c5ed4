// The discussion, a page at a time. Without JavaScript "Show more comments" is a link to the
// next page (that page alone, with a link back to the first); with it, the same link loads the
// next page's comments and appends them, so nothing typed in a comment box is lost.
import { Link, useFetcher } from '@remix-run/react'
import { useState } from 'react'
import { buildThread, type ThreadNode } from '~/utils/comment-tree'
import { CommentThread, type ThreadContext, type ThreadItem } from './comment-thread'

type ThreadComment = ThreadItem & { parentAuthorName?: string | null }

/** What the proposal page's loader gives for its discussion (and what "more" fetches). */
export type ThreadData = {
  thread: {
    comments: ThreadComment[]
    next: string | null
    repliesCut: boolean
    /** The cursor this page starts after (null on the first page). */
    after: string | null
    fromStart: boolean
  }
  stance: ThreadItem['stance']
  order: 'oldest' | 'newest'
}

type ThreadPage = { comments: ThreadComment[]; next: string | null; repliesCut: boolean }

function threadFor(
  comments: ThreadComment[],
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

export function ThreadPages({ data, context }: { data: ThreadData; context: ThreadContext }) {
  const fetcher = useFetcher<ThreadData>()
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
