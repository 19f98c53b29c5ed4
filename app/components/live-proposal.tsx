// The proposal page, live: votes, the borough table and the thread are fetched again through
// the page's loader when the proposal's channel says something changed, and new comments by
// others are announced politely. The comment boxes are uncontrolled and keep their keys, so
// fresh data never touches what a member is typing.
import { useState } from 'react'
import { useLiveTopic, useOnceSoon } from './live-updates'

export function useLiveProposal(proposalId: string, viewerId: string | null, refetch: () => void) {
  const refetchSoon = useOnceSoon(refetch)
  const [newComments, setNewComments] = useState(0)
  const joined = useLiveTopic(viewerId ? `proposal:${proposalId}` : null, ({ event, payload }) => {
    if (event === 'comment_added') {
      // The member's own comment: their post refreshes the page (and clears its box) itself.
      if (payload.author_id === viewerId) return
      setNewComments((n) => n + 1)
    }
    refetchSoon()
  })
  return { newComments, joined }
}

/** Always in the page, so that screen readers hear its text when it changes. */
export function NewCommentsStatus({ count, joined }: { count: number; joined: boolean }) {
  return (
    <p
      role="status"
      aria-live="polite"
      data-live={joined ? 'joined' : undefined}
      className="mt-1 min-h-5 text-sm text-stone-700"
    >
      {count === 0
        ? ''
        : count === 1
          ? 'A new comment was added while you were reading.'
          : `${count} new comments were added while you were reading.`}
    </p>
  )
}
