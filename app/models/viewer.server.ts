// The signed-in member as the layout shows them: id and display name.
import { getSessionUser } from '~/utils/auth.server'
import type { Supabase } from '~/utils/supabase.server'

export async function getViewer(supabase: Supabase) {
  const user = await getSessionUser(supabase)
  if (!user) return null
  const { data } = await supabase.from('profiles').select('display_name').eq('id', user.id).maybeSingle()
  return { id: user.id, displayName: data?.display_name ?? 'Member' }
}
