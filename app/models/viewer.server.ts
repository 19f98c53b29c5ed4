// The signed-in member as the layout shows them: name, unread count and site roles, all from
// their standing (one read per request, shared with the other loaders of the page).
import { getSessionUser, getStanding } from '~/utils/auth.server'
import { getSiteRoles } from '~/utils/roles.server'
import type { Supabase } from '~/utils/supabase.server'

export async function getViewer(supabase: Supabase) {
  const user = await getSessionUser(supabase)
  const standing = user && (await getStanding(supabase))
  if (!user || !standing) return null
  return {
    id: user.id,
    displayName: standing.display_name ?? 'Member',
    unread: standing.unread,
    ...(await getSiteRoles(supabase)),
  }
}
