// One Supabase client per request, acting with the member's own JWT from their cookies.
// Refreshed tokens land in `headers`, which every response must carry.
import { createServerClient, parseCookieHeader, serializeCookieHeader } from '@supabase/ssr'
import type { Database } from '~/types/database'
import { isProduction, serverEnv } from './env.server'
import { nodeRealtime } from './node-realtime.server'
import { outageAwareFetch } from './outage.server'

export function createSupabaseServerClient(request: Request) {
  const headers = new Headers()
  const env = serverEnv()
  const cookieOptions = {
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: isProduction(),
    path: '/',
  }
  const supabase = createServerClient<Database>(env.SUPABASE_URL, env.SUPABASE_ANON_KEY, {
    cookieOptions,
    cookies: {
      getAll() {
        return parseCookieHeader(request.headers.get('Cookie') ?? '').map(({ name, value }) => ({
          name,
          value: value ?? '',
        }))
      },
      setAll(cookies: Array<{ name: string; value: string; options: object }>) {
        for (const { name, value, options } of cookies) {
          headers.append(
            'Set-Cookie',
            serializeCookieHeader(name, value, { ...options, ...cookieOptions }),
          )
        }
      },
    },
    realtime: nodeRealtime,
    global: { fetch: outageAwareFetch },
    // postgrest-js retries reads on a 503 for up to 7 s; a page should say at once that the
    // forum is briefly unavailable (with Retry-After) instead of hanging.
    db: { retry: false },
  })
  return { supabase, headers }
}

export type Supabase = ReturnType<typeof createSupabaseServerClient>['supabase']

const loaderClients = new WeakMap<object, ReturnType<typeof createSupabaseServerClient>>()

/** For loaders: one client for all the loaders of a page request (they share its load
 * context), so they also share what it has fetched and refresh the session at most once.
 * Actions use createSupabaseServerClient: what they change must not be served from before. */
export function loaderSupabase(request: Request, context: object) {
  let client = loaderClients.get(context)
  if (!client) {
    client = createSupabaseServerClient(request)
    loaderClients.set(context, client)
  }
  return client
}
