// Who is signing in, and the guard that sends visitors to sign in first. These give clear
// redirects; Postgres RLS is what actually protects the data.
import { redirect } from '@remix-run/node'
import type { User } from '@supabase/supabase-js'
import { isAuthOutage, serviceUnavailable } from './outage.server'
import { memoFor } from './request-memo.server'
import type { createSupabaseServerClient, Supabase } from './supabase.server'

export type RequestSupabase = ReturnType<typeof createSupabaseServerClient>

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

export async function requireUser(
  request: Request,
  { supabase, headers }: RequestSupabase,
): Promise<User> {
  const user = await getSessionUser(supabase)
  if (!user) throw redirect(signInPath(request), { headers })
  return user
}

export async function requireAnonymous({ supabase, headers }: RequestSupabase) {
  const user = await getSessionUser(supabase)
  if (user) throw redirect('/', { headers })
}
