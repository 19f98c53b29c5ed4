// How far a proposal is from its group's support threshold for the shortlist.
import type { ShortlistProgress as Progress } from '~/models/shortlist.server'
import { longDate } from '~/utils/dates'

function Bar({ label, value, max }: { label: string; value: number; max: number }) {
  return (
    <div>
      <p className="text-sm">{label}</p>
      <progress
        className="mt-1 h-2 w-full accent-brand-700"
        value={Math.min(value, max)}
        max={max}
        aria-label={label}
      />
    </div>
  )
}

export function ShortlistProgress({ progress }: { progress: Progress }) {
  const { supporters, supportersNeeded, boroughs, boroughsNeeded, readyAt } = progress
  return (
    <section
      aria-labelledby="threshold-heading"
      className="rounded-xl border border-stone-300 bg-white p-5"
    >
      <h3 id="threshold-heading" className="text-lg font-bold">
        Toward the shortlist
      </h3>
      {readyAt ? (
        <p className="mt-2">
          Ready for the shortlist since {longDate(readyAt)}: the facilitators have it in their
          queue.
        </p>
      ) : (
        <div className="mt-2 space-y-3">
          <p className="text-sm text-stone-700">
            At {supportersNeeded} supporters
            {boroughsNeeded ? `, with at least 5 in each of ${boroughsNeeded} boroughs,` : ''} a
            proposal goes to the facilitators’ queue for the shortlist.
          </p>
          <Bar
            label={`${supporters} of ${supportersNeeded} supporters`}
            value={supporters}
            max={supportersNeeded}
          />
          {boroughsNeeded ? (
            <Bar
              label={`${boroughs} of ${boroughsNeeded} boroughs with 5 or more supporters shown`}
              value={boroughs}
              max={boroughsNeeded}
            />
          ) : null}
        </div>
      )}
    </section>
  )
}
