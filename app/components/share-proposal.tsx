// Sharing a published proposal: plain links to the usual places and the address to copy, which
// work without JavaScript; with it, one button that opens the device's own share sheet (the
// Web Share API) or, where there is none, copies the address.
import { useState, useSyncExternalStore } from 'react'

const noSubscription = () => () => {}

export function ShareProposal({ url, title }: { url: string; title: string }) {
  // null while the server renders and the page hydrates: the button needs JavaScript.
  const canShare = useSyncExternalStore<boolean | null>(
    noSubscription,
    () => typeof navigator.share === 'function',
    () => null,
  )
  const [status, setStatus] = useState('')

  const text = `${title} — a proposal on the Policy Forum`
  const links = [
    ['X (Twitter)', `https://x.com/intent/post?${new URLSearchParams({ text, url })}`],
    ['Facebook', `https://www.facebook.com/sharer/sharer.php?${new URLSearchParams({ u: url })}`],
    ['WhatsApp', `https://wa.me/?${new URLSearchParams({ text: `${text} ${url}` })}`],
    // mailto: reads %20 as a space but not "+", so no URLSearchParams here.
    [
      'E-mail',
      `mailto:?subject=${encodeURIComponent(title)}&body=${encodeURIComponent(`${text}\n\n${url}`)}`,
    ],
  ]

  async function share() {
    try {
      if (canShare) {
        await navigator.share({ title, text, url })
        return
      }
      await navigator.clipboard.writeText(url)
      setStatus('Link copied.')
    } catch (error) {
      // Closing the share sheet is not a failure; anything else is said plainly.
      if (error instanceof DOMException && error.name === 'AbortError') return
      setStatus('Could not copy the link: select it in the box below and copy it yourself.')
    }
  }

  return (
    <section aria-labelledby="share-heading" className="mt-8">
      <h2 id="share-heading" className="text-lg font-bold">
        Share this proposal
      </h2>
      {canShare !== null ? (
        <div className="mt-2 flex flex-wrap items-center gap-3">
          <button
            type="button"
            onClick={share}
            className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-700 focus-visible:ring-offset-2"
          >
            {canShare ? 'Share…' : 'Copy link'}
          </button>
          <p role="status" className="text-stone-700">
            {status}
          </p>
        </div>
      ) : null}
      <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1">
        {links.map(([name, href]) => (
          <li key={name}>
            <a
              href={href}
              target="_blank"
              rel="noopener noreferrer"
              className="text-brand-700 underline"
            >
              {name}
              <span className="sr-only"> (opens in a new tab)</span>
            </a>
          </li>
        ))}
      </ul>
      <label htmlFor="share-link" className="mt-3 block text-sm font-medium text-stone-700">
        Link to this proposal
      </label>
      <input
        id="share-link"
        readOnly
        value={url}
        onFocus={(event) => event.currentTarget.select()}
        className="mt-1 w-full max-w-xl rounded-md border border-stone-400 bg-white px-3 py-2 text-sm"
      />
    </section>
  )
}
