// Policy groups as the pages list them.
import type { Supabase } from '~/utils/supabase.server'


export async function listActiveGroups(supabase: Supabase) {
  const { data, error } = await supabase
    .from('groups')
    .select('id, slug, name, summary, horizon, join_policy')
    .is('archived_at', null)
    .order('position')
    .order('name')
  if (error) throw error
  return data
}
