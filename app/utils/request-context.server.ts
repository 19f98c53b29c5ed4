// One way for loaders and actions to reach Supabase: `getRequestContext(request, loadContext)`
// gives the request's client (acting with the member's JWT from their cookies) and the headers
// every response must carry (a refreshed session's cookies). Nothing else makes a server client.
//
// Memoised per Request: the root, layout and page loaders of one page share one client, so
// they also share what it has read (request-memo) and refresh the session at most once. An
// action has a Request of its own (Remix gives the loaders that run after it a new one), so
// what it changes is never served from a read made before. A session the action refreshed is
// handed to those loaders through the load context, so they do not refresh it a second time
// with a refresh token already spent.
import { createSupabaseServerClient, type CookieJar, type Supabase } from './supabase.server'

export type RequestContext = {
  request: Request
  supabase: Supabase
  /** Set-Cookie for a refreshed or ended session: pass them on every response. */
  headers: Headers
}

const contexts = new WeakMap<Request, RequestContext>()
const jars = new WeakMap<object, CookieJar>()

export function getRequestContext(request: Request, loadContext: unknown): RequestContext {
  let context = contexts.get(request)
  if (!context) {
    // Remix gives every loader and action of one HTTP request the same load context.
    const owner = typeof loadContext === 'object' && loadContext !== null ? loadContext : request
    let jar = jars.get(owner)
    if (!jar) {
      jar = new Map()
      jars.set(owner, jar)
    }
    context = { request, ...createSupabaseServerClient(request, jar) }
    contexts.set(request, context)
  }
  return context
}
