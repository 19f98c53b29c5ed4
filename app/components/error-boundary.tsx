// What a route shows, inside the site layout, when its loader or action throws: a plain
// explanation and a way on. Unexpected errors never show their internals.
import { isRouteErrorResponse, Link, useLocation, useRouteError } from '@remix-run/react'

const titles: Record<number, string> = {
  400: 'That request was not quite right',
  401: 'Please sign in first',
  403: 'You do not have access to this',
  404: 'We could not find that page',
  409: 'Someone else changed this first',
  429: 'Slow down a little',
  503: 'The forum is briefly unavailable',
}

export function GeneralErrorBoundary() {
  const error = useRouteError()
  const location = useLocation()
  const status = isRouteErrorResponse(error) ? error.status : 500
  const title = titles[status] ?? 'Something went wrong'
  const kept = status === 503 && isRouteErrorResponse(error) ? keptText(error.data) : []
  let detail = 'Sorry — this is our fault, not yours. Please try again in a moment.'
  if (isRouteErrorResponse(error)) {
    if (status === 503)
      detail = 'One of the services behind it is not answering. Please try again in a minute.'
    else if (typeof error.data === 'string' && error.data && error.data.length < 400)
      detail = error.data
    else if (status === 404) detail = 'The link may be out of date, or the page may have moved.'
    else detail = `The server answered ${status}.`
  } else {
    console.error(error)
  }
  return (
    <div className="py-4">
      <title>{`${title} · Policy Forum`}</title>
      <h1 className="text-3xl font-bold">{title}</h1>
      <p className="mt-4 text-lg text-stone-700">{detail}</p>
      {kept.length > 0 ? <KeptText kept={kept} /> : null}
      <p className="mt-6">
        {status === 503 ? (
          <Link
            to={`${location.pathname}${location.search}`}
            reloadDocument
            className="font-semibold text-brand-700 underline"
          >
            Try again
          </Link>
        ) : (
          <Link to="/" className="font-semibold text-brand-700 underline">
            Go to the home page
          </Link>
        )}
      </p>
    </div>
  )
}

type Kept = { label: string; text: string }

/** What a member had typed into a form that an outage kept from being saved (outage.server.ts). */
function keptText(data: unknown): Kept[] {
  const kept = (data as { kept?: unknown } | null)?.kept
  if (!Array.isArray(kept)) return []
  return kept.filter(
    (k): k is Kept =>
      !!k && typeof (k as Kept).label === 'string' && typeof (k as Kept).text === 'string',
  )
}

function KeptText({ kept }: { kept: Kept[] }) {
  return (
    <section aria-labelledby="kept-heading" className="mt-6 max-w-3xl">
      <h2 id="kept-heading" className="text-xl font-semibold">
        What you wrote was not saved
      </h2>
      <p className="mt-1 text-stone-700">
        Here it is, so you can copy it and send it again when the forum is back.
      </p>
      {kept.map((item, index) => (
        <div key={index} className="mt-4">
          <label htmlFor={`kept-${index}`} className="block font-medium">
            {item.label}
          </label>
          <textarea
            id={`kept-${index}`}
            readOnly
            rows={Math.min(12, Math.max(2, item.text.split('\n').length + 1))}
            className="mt-1 w-full rounded-md border border-stone-400 bg-white p-2 text-stone-900"
            value={item.text}
          />
        </div>
      ))}
    </section>
  )
}
