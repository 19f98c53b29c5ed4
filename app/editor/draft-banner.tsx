// Offers back text a member typed here earlier and never sent (a closed tab, a crash).
import { buttonClass } from '~/components/ui/button'
import type { LocalDraft } from './local-draft'

const timeOfDay = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' })
const day = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric' })

function describeTime(savedAt: number, now = new Date()): string {
  const saved = new Date(savedAt)
  const today = saved.toDateString() === now.toDateString()
  return today
    ? `today at ${timeOfDay.format(saved)}`
    : `${day.format(saved)} at ${timeOfDay.format(saved)}`
}

/** Always rendered, so the status region exists before the offer appears in it. */
export function DraftBanner({
  draft,
  onRestore,
  onDiscard,
}: {
  draft: LocalDraft | null
  onRestore: () => void
  onDiscard: () => void
}) {
  return (
    <div role="status">
      {draft === null ? null : (
        <div className="mb-3 flex flex-wrap items-center gap-3 rounded-md border border-amber-600 bg-amber-50 p-3 text-stone-900">
          <p className="flex-1 basis-64">
            You have unsaved text from{' '}
            <time dateTime={new Date(draft.savedAt).toISOString()}>
              {describeTime(draft.savedAt)}
            </time>{' '}
            on this device.
          </p>
          <div className="flex gap-2">
            <button type="button" onClick={onRestore} className={buttonClass('primary')}>
              Restore it
            </button>
            <button type="button" onClick={onDiscard} className={buttonClass('secondary')}>
              Discard
            </button>
          </div>
        </div>
      )}
    </div>
  )
}
