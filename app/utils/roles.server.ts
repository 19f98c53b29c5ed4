// Site roles of the signed-in member (read once per request client). The checks built on them
// live in app/models/permissions.server.ts; RLS is the guarantee.
import { memoFor } from './request-memo.server'
import type { Supabase } from './supabase.server'

export function getSiteRoles(supabase: Supabase, userId: string) {
  return memoFor(supabase, `site-roles:${userId}`, async () => {
    const { data, error } = await supabase.from('site_roles').select('role').eq('user_id', userId)
    if (error) throw error
    const roles = new Set(data.map((row) => row.role))
    return { isAdmin: roles.has('admin'), isCandidate: roles.has('candidate') }
  })
}
