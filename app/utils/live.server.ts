// What the browser needs to join Realtime as the signed-in member: the project's URL and
// anon key (both public) and the member's current access token. The session cookies are
// httpOnly, so the token reaches the page through the root loader instead; it is the
// short-lived access token only (never the refresh token), and every revalidation of the
// root loader hands over the current one, refreshed by the server when it is near expiry.
import { serverEnv } from './env.server'
import type { Supabase } from './supabase.server'

export type LiveAccess = {
  url: string
  anonKey: string
  accessToken: string
  /** Seconds since the epoch. */
  expiresAt: number
}

/** Only after the member was verified (getSessionUser: signature, expiry and a live session). */
export async function getLiveAccess(supabase: Supabase): Promise<LiveAccess | null> {
  const { data } = await supabase.auth.getSession()
  const session = data.session
  if (!session?.access_token || !session.expires_at) return null
  const env = serverEnv()
  return {
    url: env.SUPABASE_URL,
    anonKey: env.SUPABASE_ANON_KEY,
    accessToken: session.access_token,
    expiresAt: session.expires_at,
  }
}
