// Profiles: each member's public name, borough and bio, and the groups they are seen in.
import type { Supabase } from '~/utils/supabase.server'

export async function getProfile(supabase: Supabase, id: string) {
  const { data, error } = await supabase
    .from('profiles')
    .select('id, display_name, region, bio, created_at, home:regions(name)')
    .eq('id', id)
    .maybeSingle()
  if (error) throw error
  return data
}

/** The member's groups that the viewer is allowed to see (RLS decides). */
export async function listProfileGroups(supabase: Supabase, id: string) {
  const { data, error } = await supabase
    .from('group_members')
    .select('role, group:groups(slug, name)')
    .eq('user_id', id)
    .eq('status', 'active')
  if (error) throw error
  return data.flatMap((row) => (row.group ? [{ ...row.group, role: row.role }] : []))
}

export async function updateProfile(
  supabase: Supabase,
  id: string,
  changes: { display_name: string; region: string; bio: string },
) {
  return supabase.from('profiles').update(changes).eq('id', id).select('id')
}
