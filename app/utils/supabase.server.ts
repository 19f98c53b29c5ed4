// One Supabase client per request, acting with the member's own JWT from their cookies.
// Refreshed tokens land in `headers`, which every response must carry.
import { createServerClient, parseCookieHeader, serializeCookieHeader } from '@supabase/ssr'
import type { Database } from '~/types/database'
import { isProduction, serverEnv } from './env.server'
import { nodeRealtime } from './node-realtime.server'

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
  })
  return { supabase, headers }
}

export type Supabase = ReturnType<typeof createSupabaseServerClient>['supabase']
