// The signed-in member as the layout shows them: name and site roles.
import { getSessionUser } from '~/utils/auth.server'
import { getSiteRoles } from '~/utils/roles.server'
import type { Supabase } from '~/utils/supabase.server'
import { unreadShownUpTo } from '~/utils/unread'

export async function getViewer(supabase: Supabase) {
  const user = await getSessionUser(supabase)
  if (!user) return null
  // The name and the unread notifications in one call; the roles are shared with the other
  // loaders of the page (getSiteRoles is memoised per request).
  const [{ data, error }, roles] = await Promise.all([
    supabase
      .from('profiles')
      .select('display_name, unread:notifications!notifications_user_id_fkey(id)')
      .eq('id', user.id)
      .is('unread.read_at', null)
      .limit(unreadShownUpTo + 1, { referencedTable: 'unread' })
      .maybeSingle(),
    getSiteRoles(supabase, user.id),
  ])
  if (error) throw error
  return {
    id: user.id,
    displayName: data?.display_name ?? 'Member',
    unread: data?.unread.length ?? 0,
    ...roles,
  }
}
