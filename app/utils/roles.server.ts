// Site roles of the signed-in member, from their standing (read once per request). The checks
// built on them live in app/models/permissions.server.ts; RLS is the guarantee.
import { getStanding } from './auth.server'
import type { Supabase } from './supabase.server'

export async function getSiteRoles(supabase: Supabase) {
  const roles = new Set((await getStanding(supabase))?.site_roles ?? [])
  return { isAdmin: roles.has('admin'), isCandidate: roles.has('candidate') }
}
