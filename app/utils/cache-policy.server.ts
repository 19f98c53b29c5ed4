// Who may keep a copy of a page. What a visitor sees without signing in is the same for every
// visitor, so a shared cache (a CDN, a reverse proxy) may keep it for 5 seconds and serve it
// for 30 more while it fetches a fresh one, as Discourse does for anonymous visitors: a
// campaign's busiest minutes (a link shared after a hustings) are then served from the cache.
// A signed-in member's page is theirs alone: never stored, never shared. So is anything that
// sets a cookie, answers a form or is not a plain 200.
const sessionCookie = /(?:^|;\s*)sb-[^=;]+-auth-token(?:\.\d+)?=/

export const sharedCacheControl = 'public, max-age=5, stale-while-revalidate=30'
export const privateCacheControl = 'private, no-store'

export function applyCachePolicy(request: Request, status: number, headers: Headers) {
  headers.append('Vary', 'Cookie')
  if (headers.has('Cache-Control')) return // the page said so itself (a 503, an export)
  const shareable =
    (request.method === 'GET' || request.method === 'HEAD') &&
    status === 200 &&
    !sessionCookie.test(request.headers.get('Cookie') ?? '') &&
    !headers.has('Set-Cookie')
  headers.set('Cache-Control', shareable ? sharedCacheControl : privateCacheControl)
}
