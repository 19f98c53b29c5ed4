// Renders the HTML with the request's CSP nonce on every script tag.
import type { AppLoadContext, EntryContext } from '@remix-run/node'
import { RemixServer } from '@remix-run/react'
import { renderToString } from 'react-dom/server'
import { applyCachePolicy } from './utils/cache-policy.server'
import { NonceProvider } from './utils/nonce'
import { retryAfterSeconds } from './utils/outage.server'

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  markUnavailable(responseStatusCode, responseHeaders)
  applyCachePolicy(request, responseStatusCode, responseHeaders)
  const nonce = typeof loadContext.cspNonce === 'string' ? loadContext.cspNonce : ''
  // One string, not a stream: no page defers data (no Suspense on the server), so a stream
  // would only carry the same HTML through two stream conversions (Node to web and back),
  // which cost more CPU than rendering it (issue 12, the app's own cost).
  const html = renderToString(
    <NonceProvider value={nonce}>
      <RemixServer context={remixContext} url={request.url} nonce={nonce} />
    </NonceProvider>,
  )
  responseHeaders.set('Content-Type', 'text/html; charset=utf-8')
  return new Response(`<!DOCTYPE html>${html}`, {
    headers: responseHeaders,
    status: responseStatusCode,
  })
}

/** Client-side navigations' data requests: an outage's 503 carries Retry-After too. */
export function handleDataRequest(response: Response, { request }: { request: Request }) {
  markUnavailable(response.status, response.headers)
  // A redirect's headers are Remix's own; everything else follows the page's policy.
  if (response.status < 300 || response.status >= 400)
    applyCachePolicy(request, response.status, response.headers)
  return response
}

function markUnavailable(status: number, headers: Headers) {
  if (status !== 503) return
  headers.set('Retry-After', String(retryAfterSeconds))
  headers.set('Cache-Control', 'no-store')
}

export function handleError(error: unknown, { request }: { request: Request }) {
  if (request.signal.aborted) return
  console.error(error)
}
