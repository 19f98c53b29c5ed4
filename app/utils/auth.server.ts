// Who is signed in (read once per request client) and where to send a visitor to sign in.
// The checks built on these live in app/models/permissions.server.ts.
//
// The member's access token is checked here, not by Auth: getClaims verifies its signature
// with the project's published public key (ES256; fetched once and cached by supabase-js)
// and its expiry. What a signature cannot tell, that the session has not ended since (signed
// out, account deleted), Postgres answers in the same read that gives the member's standing
// (public.page_frame, which asks private.caller_is_live as the write trigger does): one
// PostgREST call where there was a call to Auth's /user and four reads after it. A project
// still signing with a shared secret (HS256) gets the old behaviour: getClaims asks /user.
import { isAuthOutage, serviceUnavailable } from './outage.server'
import { getPageFrame, type Standing } from './page-frame.server'
import { memoFor } from './request-memo.server'
import type { Supabase } from './supabase.server'

export type SessionUser = { id: string; email: string | null }

/** The signed-in member's standing, or null when signed out or the session has ended. */
export async function getStanding(supabase: Supabase): Promise<Standing | null> {
  return (await getPageFrame(supabase)).viewer
}

export function getSessionUser(supabase: Supabase): Promise<SessionUser | null> {
  return memoFor(supabase, 'session-user', async () => {
    const { data, error } = await supabase.auth.getClaims()
    // Auth being down is not the same as being signed out: no redirect to the sign-in page.
    if (error && isAuthOutage(error)) throw serviceUnavailable()
    if (error || !data) return null
    const standing = await getStanding(supabase)
    if (!standing) {
      // A valid token of an ended session: forget it, so the browser is signed out.
      await supabase.auth.signOut({ scope: 'local' })
      return null
    }
    return {
      id: standing.id,
      email: typeof data.claims.email === 'string' ? data.claims.email : null,
    }
  })
}

export function signInPath(request: Request) {
  const url = new URL(request.url)
  const redirectTo = `${url.pathname}${url.search}`
  return redirectTo === '/' ? '/signin' : `/signin?${new URLSearchParams({ redirectTo })}`
}
