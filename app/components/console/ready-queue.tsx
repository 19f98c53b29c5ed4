// The facilitators' queue of open proposals that reached the group's support threshold.
import { Link } from '@remix-run/react'
import { ConsoleForm } from './console-form'
import { Button } from '~/components/ui/button'
import { longDate } from '~/utils/dates'

type Ready = {
  id: string
  title: string
  support_count: number
  ready_at: string | null
  own: boolean
}

export function ReadyQueue({ groupSlug, ready }: { groupSlug: string; ready: Ready[] }) {
  return (
    <section aria-labelledby="ready-heading">
      <h2 id="ready-heading" className="text-2xl font-bold">
        {`Ready for the shortlist (${ready.length})`}
      </h2>
      {ready.length === 0 ? (
        <p className="mt-2 text-stone-700">
          No open proposal has reached the group’s support threshold.
        </p>
      ) : (
        <ul className="mt-3 divide-y divide-stone-200 rounded-xl border border-stone-300 bg-white">
          {ready.map((p) => (
            <li key={p.id} className="flex flex-wrap items-center justify-between gap-3 p-4">
              <div>
                <Link
                  to={`/groups/${groupSlug}/proposals/${p.id}`}
                  className="font-semibold text-brand-700 underline"
                >
                  {p.title}
                </Link>
                <p className="text-sm text-stone-700">
                  {p.support_count} supporters · ready since{' '}
                  {p.ready_at ? longDate(p.ready_at) : ''}
                </p>
              </div>
              {p.own ? (
                <p className="text-sm text-stone-700">Your own: another facilitator decides.</p>
              ) : (
                <ConsoleForm>
                  <input type="hidden" name="intent" value="shortlist" />
                  <input type="hidden" name="proposalId" value={p.id} />
                  <Button type="submit" variant="secondary" aria-label={`Shortlist “${p.title}”`}>
                    Shortlist
                  </Button>
                </ConsoleForm>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
