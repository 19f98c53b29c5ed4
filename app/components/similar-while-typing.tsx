// Beside the title while a member types: the group's proposals most like it, so they can
// support or improve one of those instead of starting a duplicate. Links open in a new tab,
// so nothing typed here is left behind. Without JavaScript, "Publish" makes the same check.
import { useCallback, useEffect, useRef } from 'react'
import type { SimilarWhileTyping } from '~/routes/groups.$slug.similar'
import { StatusBadge } from '~/components/status-badge'
import { useBackgroundJson } from '~/utils/use-background-json'
import type { Enums } from '~/types/database'

const number = new Intl.NumberFormat('en-GB')

/** Returns the handler for the title's input events and the list to render under it. */
export function useSimilarWhileTyping(groupSlug: string, exclude?: string) {
  const fetcher = useBackgroundJson<SimilarWhileTyping>()
  const timer = useRef<ReturnType<typeof setTimeout>>()
  const asked = useRef('')
  useEffect(() => () => clearTimeout(timer.current), [])
  const { load } = fetcher
  const onTitleInput = useCallback(
    (event: React.FormEvent<HTMLInputElement>) => {
      const title = event.currentTarget.value.trim()
      clearTimeout(timer.current)
      timer.current = setTimeout(() => {
        if (title === asked.current || (title.length < 5 && asked.current.length < 5)) return
        asked.current = title
        const query = new URLSearchParams({ title })
        if (exclude) query.set('exclude', exclude)
        load(`/groups/${encodeURIComponent(groupSlug)}/similar?${query}`)
      }, 500)
    },
    [groupSlug, exclude, load],
  )
  const similar = fetcher.data?.similar ?? []
  const list = (
    <div aria-live="polite" className="empty:hidden">
      {similar.length ? (
        <section
          aria-labelledby="similar-heading"
          className="mt-3 rounded-lg border border-amber-300 bg-amber-50 p-3"
        >
          <h3 id="similar-heading" className="font-semibold text-stone-900">
            {similar.length === 1
              ? 'A proposal in this group looks like yours'
              : `${similar.length} proposals in this group look like yours`}
          </h3>
          <p className="text-sm text-stone-700">
            Supporting one, or suggesting a change to it, often gets further than a second proposal.
            Links open in a new tab; what you typed stays here.
          </p>
          <ul className="mt-2 space-y-2">
            {similar.map((proposal) => {
              const href = `/groups/${encodeURIComponent(groupSlug)}/proposals/${proposal.id}`
              return (
                <li key={proposal.id} className="text-sm">
                  <a
                    href={href}
                    target="_blank"
                    rel="noopener noreferrer"
                    className="font-semibold text-brand-700 underline"
                  >
                    {proposal.title}
                    <span className="sr-only"> (opens in a new tab)</span>
                  </a>{' '}
                  <span className="inline-flex flex-wrap items-center gap-x-2 text-stone-700">
                    <StatusBadge status={proposal.status as Enums<'proposal_status'>} />
                    {number.format(proposal.supporters)}{' '}
                    {proposal.supporters === 1 ? 'supporter' : 'supporters'} ·{' '}
                    <a
                      href={`${href}/amendments/new`}
                      target="_blank"
                      rel="noopener noreferrer"
                      className="text-brand-700 underline"
                    >
                      Suggest a change to it
                      <span className="sr-only"> (opens in a new tab)</span>
                    </a>
                  </span>
                </li>
              )
            })}
          </ul>
        </section>
      ) : null}
    </div>
  )
  return { onTitleInput, list }
}
