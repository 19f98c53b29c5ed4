// The Supabase client of a request, acting with the member's own JWT from their cookies.
// Refreshed tokens land in `headers`, which every response must carry. Only
// request-context.server.ts calls this (getRequestContext): loaders and actions get their
// client there.
import { createServerClient, parseCookieHeader, serializeCookieHeader } from '@supabase/ssr'
import type { Database } from '~/types/database'
import { isProduction, serverEnv } from './env.server'
import { nodeRealtime } from './node-realtime.server'
import { outageAwareFetch } from './outage.server'

/** Cookies set while answering one HTTP request ('' once removed): a client made later in
 * the same request (the loaders after an action) reads the session as the browser will. */
export type CookieJar = Map<string, string>

export function createSupabaseServerClient(request: Request, jar: CookieJar = new Map()) {
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
        const sent = parseCookieHeader(request.headers.get('Cookie') ?? '').map(
          ({ name, value }) => [name, value ?? ''] as const,
        )
        const current = new Map([...sent, ...jar])
        return [...current]
          .filter(([, value]) => value !== '')
          .map(([name, value]) => ({ name, value }))
      },
      setAll(cookies: Array<{ name: string; value: string; options: object }>) {
        for (const { name, value, options } of cookies) {
          jar.set(name, value)
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
