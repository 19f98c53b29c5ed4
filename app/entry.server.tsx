// Streams the HTML with the request's CSP nonce on every script tag.
import { PassThrough } from 'node:stream'
import {
  createReadableStreamFromReadable,
  type AppLoadContext,
  type EntryContext,
} from '@remix-run/node'
import { RemixServer } from '@remix-run/react'
import { isbot } from 'isbot'
import { renderToPipeableStream } from 'react-dom/server'
import { applyCachePolicy } from './utils/cache-policy.server'
import { NonceProvider } from './utils/nonce'
import { retryAfterSeconds } from './utils/outage.server'

const abortDelay = 5_000

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
  const waitForAll = isbot(request.headers.get('user-agent') ?? '') || remixContext.isSpaMode
  return new Promise((resolve, reject) => {
    let shellRendered = false
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <RemixServer
          context={remixContext}
          url={request.url}
          abortDelay={abortDelay}
          nonce={nonce}
        />
      </NonceProvider>,
      {
        nonce,
        [waitForAll ? 'onAllReady' : 'onShellReady']() {
          shellRendered = true
          const body = new PassThrough()
          responseHeaders.set('Content-Type', 'text/html; charset=utf-8')
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: responseStatusCode,
            }),
          )
          pipe(body)
        },
        onShellError(error: unknown) {
          reject(error)
        },
        onError(error: unknown) {
          responseStatusCode = 500
          if (shellRendered) console.error(error)
        },
      },
    )
    setTimeout(abort, abortDelay)
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
