// The group page, live: proposals published while a member reads the list are counted, not
// slipped in under their eyes; "show" refetches the list through the page's loader.
import { useRevalidator } from '@remix-run/react'
import { useState } from 'react'
import { useLiveTopic } from './live-updates'

export function NewProposalsNotice({
  groupId,
  shownTotal,
}: {
  groupId: string
  shownTotal: number
}) {
  const [count, setCount] = useState(0)
  // A list fetched again for any reason already holds them (adjusting state while
  // rendering, as the thread's pages do, not in an effect).
  const [seenTotal, setSeenTotal] = useState(shownTotal)
  if (seenTotal !== shownTotal) {
    setSeenTotal(shownTotal)
    setCount(0)
  }
  const revalidator = useRevalidator()
  const joined = useLiveTopic(`group:${groupId}`, ({ event }) => {
    if (event === 'proposal_published') setCount((n) => n + 1)
  })
  return (
    <div
      role="status"
      aria-live="polite"
      data-live={joined ? 'joined' : undefined}
      className="mt-3 empty:mt-0"
    >
      {count > 0 ? (
        <button
          type="button"
          onClick={() => {
            setCount(0)
            revalidator.revalidate()
          }}
          className="rounded-md border-2 border-brand-700 bg-white px-3 py-1 text-sm font-semibold text-brand-800 hover:bg-brand-50"
        >
          {count === 1 ? '1 new proposal' : `${count} new proposals`} — show
        </button>
      ) : null}
    </div>
  )
}
