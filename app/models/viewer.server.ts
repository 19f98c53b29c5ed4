// The signed-in member as the layout shows them: name and site roles.
import { getSessionUser } from '~/utils/auth.server'
import { countUnread } from './notifications.server'
import { getSiteRoles } from '~/utils/roles.server'
import type { Supabase } from '~/utils/supabase.server'

export async function getViewer(supabase: Supabase) {
  const user = await getSessionUser(supabase)
  if (!user) return null
  const [{ data }, roles, unread] = await Promise.all([
    supabase.from('profiles').select('display_name').eq('id', user.id).maybeSingle(),
    getSiteRoles(supabase, user.id),
    countUnread(supabase, user.id),
  ])
  return { id: user.id, displayName: data?.display_name ?? 'Member', unread, ...roles }
}
