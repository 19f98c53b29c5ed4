// Site roles of the signed-in member, and the guard for admin pages. RLS is the guarantee;
// this gives a clear 403 instead of an empty page.
import { requireUser } from './auth.server'
import { memoFor } from './request-memo.server'
import { createSupabaseServerClient, type Supabase } from './supabase.server'

export function getSiteRoles(supabase: Supabase, userId: string) {
  return memoFor(supabase, `site-roles:${userId}`, async () => {
    const { data, error } = await supabase.from('site_roles').select('role').eq('user_id', userId)
    if (error) throw error
    const roles = new Set(data.map((row) => row.role))
    return { isAdmin: roles.has('admin'), isCandidate: roles.has('candidate') }
  })
}

export async function requireAdmin(supabase: Supabase, userId: string, headers?: HeadersInit) {
  const { isAdmin } = await getSiteRoles(supabase, userId)
  if (!isAdmin) throw new Response('Only admins can use this page.', { status: 403, headers })
}

/** For admin pages: the request's Supabase client and user, or a redirect to sign in / a 403. */
export async function requireAdminRequest(request: Request) {
  const client = createSupabaseServerClient(request)
  const user = await requireUser(request, client)
  await requireAdmin(client.supabase, user.id, client.headers)
  return { ...client, user }
}
