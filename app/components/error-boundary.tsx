// What a route shows, inside the site layout, when its loader or action throws: a plain
// explanation and a way on. Unexpected errors never show their internals.
import { isRouteErrorResponse, Link, useRouteError } from '@remix-run/react'

const titles: Record<number, string> = {
  400: 'That request was not quite right',
  401: 'Please sign in first',
  403: 'You do not have access to this',
  404: 'We could not find that page',
  409: 'Someone else changed this first',
  429: 'Slow down a little',
}

export function GeneralErrorBoundary() {
  const error = useRouteError()
  const status = isRouteErrorResponse(error) ? error.status : 500
  const title = titles[status] ?? 'Something went wrong'
  let detail = 'Sorry — this is our fault, not yours. Please try again in a moment.'
  if (isRouteErrorResponse(error)) {
    if (typeof error.data === 'string' && error.data && error.data.length < 400) detail = error.data
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
      <p className="mt-6">
        <Link to="/" className="font-semibold text-brand-700 underline">
          Go to the home page
        </Link>
      </p>
    </div>
  )
}
