// Support or oppose a proposal. A plain form without JavaScript; with it, the vote shows at
// once (optimistic) while the server counts it.
import { useFetcher } from '@remix-run/react'
import { useHydrated } from '~/utils/use-hydrated'

type Props = {
  action: string
  support: number
  oppose: number
  myVote: number
  canVote: boolean
  reason: string | null
}

export function VotePanel({ action, support, oppose, myVote, canVote, reason }: Props) {
  const fetcher = useFetcher<{ voteError?: string }>({ key: `vote:${action}` })
  const hydrated = useHydrated()
  const pending =
    fetcher.formData?.get('intent') === 'vote' ? Number(fetcher.formData.get('value')) : null
  const shown = pending ?? myVote
  const shownSupport = support - (myVote === 1 ? 1 : 0) + (shown === 1 ? 1 : 0)
  const shownOppose = oppose - (myVote === -1 ? 1 : 0) + (shown === -1 ? 1 : 0)
  const button = (value: 1 | -1, label: string, tone: string) => (
    <button
      type="submit"
      name="value"
      value={shown === value ? 0 : value}
      aria-pressed={shown === value}
      disabled={!canVote}
      className={`rounded-md border-2 px-4 py-2 font-semibold disabled:cursor-not-allowed disabled:opacity-60 ${
        shown === value ? tone : 'border-stone-400 bg-white text-stone-900 hover:bg-stone-100'
      }`}
    >
      {label}
      <span className="sr-only">
        {shown === value ? ' (your vote; press again to withdraw it)' : ''}
      </span>
    </button>
  )
  return (
    <section
      aria-labelledby="vote-heading"
      className="rounded-xl border border-stone-300 bg-white p-5"
    >
      <h3 id="vote-heading" className="text-lg font-bold">
        Where members stand
      </h3>
      <p className="mt-1 text-stone-800" aria-live="polite">
        <strong>{shownSupport}</strong> support · <strong>{shownOppose}</strong> oppose
        {shown !== 0 ? <span> · you {shown === 1 ? 'support' : 'oppose'} it</span> : null}
      </p>
      <fetcher.Form
        method="post"
        action={action}
        className="mt-3 flex flex-wrap gap-2"
        preventScrollReset
      >
        <input type="hidden" name="intent" value="vote" />
        {/* With JavaScript the vote is counted in place: no redirect to #vote-heading, which
            would scroll the page away from the button just pressed. */}
        {hydrated ? <input type="hidden" name="inPlace" value="yes" /> : null}
        {button(1, 'Support', 'border-green-700 bg-green-700 text-white')}
        {button(-1, 'Oppose', 'border-rose-700 bg-rose-700 text-white')}
      </fetcher.Form>
      {!canVote && reason ? <p className="mt-2 text-sm text-stone-700">{reason}</p> : null}
      {fetcher.state === 'idle' && fetcher.data?.voteError ? (
        <p role="alert" className="mt-2 font-medium text-red-700">
          {fetcher.data.voteError}
        </p>
      ) : null}
    </section>
  )
}
