// Who is signed in (read once per request client) and where to send a visitor to sign in.
// The checks built on these live in app/models/permissions.server.ts.
import type { User } from '@supabase/supabase-js'
import { isAuthOutage, serviceUnavailable } from './outage.server'
import { memoFor } from './request-memo.server'
import type { Supabase } from './supabase.server'

export function getSessionUser(supabase: Supabase): Promise<User | null> {
  return memoFor(supabase, 'session-user', async () => {
    const { data, error } = await supabase.auth.getUser()
    // Auth being down is not the same as being signed out: no redirect to the sign-in page.
    if (error && isAuthOutage(error)) throw serviceUnavailable()
    if (error) return null
    return data.user
  })
}

export function signInPath(request: Request) {
  const url = new URL(request.url)
  const redirectTo = `${url.pathname}${url.search}`
  return redirectTo === '/' ? '/signin' : `/signin?${new URLSearchParams({ redirectTo })}`
}
