// The proposal page, live: votes, the borough table and the thread are fetched again through
// the page's loader when the proposal's channel says something changed, and new comments by
// others are announced politely. The comment boxes are uncontrolled and keep their keys, so
// fresh data never touches what a member is typing.
import { useFetchers, useNavigation } from '@remix-run/react'
import { useEffect, useRef, useState } from 'react'
import { useLiveTopic, useOnceSoon } from './live-updates'

export function useLiveProposal(proposalId: string, viewerId: string | null, refetch: () => void) {
  const waiting = useRef(false)
  const busyNow = useRef(false)
  // The member may have started something in the moment before the refetch goes: wait for it.
  const refetchSoon = useOnceSoon(() => {
    if (busyNow.current) waiting.current = true
    else refetch()
  })
  const [newComments, setNewComments] = useState(0)
  // While the member's own vote or comment is on its way, wait: its answer refreshes the page,
  // and a refetch that overtook it would show the vote from before for a moment.
  const navigation = useNavigation()
  const fetchers = useFetchers()
  const busy =
    navigation.state !== 'idle' ||
    fetchers.some((f) => f.state !== 'idle' && !f.key.startsWith('live:'))
  useEffect(() => {
    busyNow.current = busy
    if (!busy && waiting.current) {
      waiting.current = false
      refetchSoon()
    }
  }, [busy, refetchSoon])
  const joined = useLiveTopic(viewerId ? `proposal:${proposalId}` : null, ({ event, payload }) => {
    if (event === 'comment_added') {
      // The member's own comment: their post refreshes the page (and clears its box) itself.
      if (payload.author_id === viewerId) return
      setNewComments((n) => n + 1)
    }
    if (busyNow.current) waiting.current = true
    else refetchSoon()
  })
  return { newComments, joined }
}

/** What the page shows: the live refetch's data if it is newer than the loader's and was read
 * for the same address (a refetch started just before the member opened a reply box or moved
 * to another page of the thread would otherwise close the box or move them back). */
export function shownData<T extends { now: number; shownFor: string }>(
  fromLoader: T,
  fromLive: T | undefined,
): T {
  return fromLive && fromLive.now > fromLoader.now && fromLive.shownFor === fromLoader.shownFor
    ? fromLive
    : fromLoader
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
