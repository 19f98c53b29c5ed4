// One way for loaders and actions to reach Supabase: `getRequestContext(request, loadContext)`
// gives the request's client (acting with the member's JWT from their cookies) and the headers
// every response must carry (a refreshed session's cookies). Nothing else makes a server client.
//
// Memoised per HTTP request and phase. Remix gives every loader and action of one HTTP request
// the same load context, but each its own Request object (it strips `_data` into a new one), so
// the load context is the key. The root, layout and page loaders of one page (GET) share one
// client, so they also share what it has read (request-memo) and ask Auth who the member is
// once. An action (POST and the like) has a client of its own, so what it changes is never
// served to the loaders after it from a read made before. A session the action refreshed is
// handed to those loaders through a cookie jar on the same load context, so they do not
// refresh it a second time with a refresh token already spent.
import { frameWhatTheAddressNames } from './page-frame.server'
import { createSupabaseServerClient, type CookieJar, type Supabase } from './supabase.server'

export type RequestContext = {
  request: Request
  supabase: Supabase
  /** Set-Cookie for a refreshed or ended session: pass them on every response. */
  headers: Headers
}

type Shared = { jar: CookieJar; byPhase: Map<string, RequestContext> }
const requests = new WeakMap<object, Shared>()

export function getRequestContext(request: Request, loadContext: unknown): RequestContext {
  // Without a load context (never in this app), each Request stands alone.
  const owner = typeof loadContext === 'object' && loadContext !== null ? loadContext : request
  let shared = requests.get(owner)
  if (!shared) {
    shared = { jar: new Map(), byPhase: new Map() }
    requests.set(owner, shared)
  }
  const phase = request.method === 'GET' || request.method === 'HEAD' ? 'read' : 'write'
  let context = shared.byPhase.get(phase)
  if (!context) {
    context = { request, ...createSupabaseServerClient(request, shared.jar) }
    // On a page of a group, the page frame brings the group along (one call fewer), and on
    // a proposal's pages the viewer's state on it.
    frameWhatTheAddressNames(context.supabase, request.url)
    shared.byPhase.set(phase, context)
  }
  // The Request is each caller's own (its URL is what that loader or action was asked).
  return context.request === request ? context : { ...context, request }
}
