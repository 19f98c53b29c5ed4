// The console's list of proposals whose suggested changes wait for their authors.
import { Link } from '@remix-run/react'

type Waiting = { id: string; title: string; amendments_open: number }

export function SuggestedChanges({
  groupSlug,
  waiting,
}: {
  groupSlug: string
  waiting: Waiting[]
}) {
  return (
    <section aria-labelledby="suggested-heading">
      <h2 id="suggested-heading" className="text-2xl font-bold">
        Suggested changes waiting for authors
      </h2>
      {waiting.length === 0 ? (
        <p className="mt-2 text-stone-700">No open or shortlisted proposal has one waiting.</p>
      ) : (
        <ul className="mt-3 divide-y divide-stone-200 rounded-xl border border-stone-300 bg-white">
          {waiting.map((p) => (
            <li key={p.id} className="p-4">
              <Link
                to={`/groups/${groupSlug}/proposals/${p.id}#amendments-heading`}
                className="font-semibold text-brand-700 underline"
              >
                {p.title}
              </Link>
              <span className="text-sm text-stone-700">
                {' '}
                · {p.amendments_open} open {p.amendments_open === 1 ? 'suggestion' : 'suggestions'}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
