// Profiles: each member's public name, borough (when they show it) and bio, and the groups
// they are seen in; and the member's own borough, which only they read.
import type { Supabase } from '~/utils/supabase.server'

/** A member's profile as anyone sees it: the borough only if the member shows it. */
export async function getProfile(supabase: Supabase, id: string) {
  const { data, error } = await supabase
    .from('profiles')
    .select('id, display_name, region, bio, created_at, home:regions(name)')
    .eq('id', id)
    .maybeSingle()
  if (error) throw error
  return data
}

/** The signed-in member's own borough and whether they show it. */
export async function getOwnBorough(supabase: Supabase) {
  const { data, error } = await supabase.rpc('my_borough').maybeSingle()
  if (error) throw error
  return data ?? { region: null, borough_public: true }
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
  changes: { display_name: string; region: string; bio: string; borough_public: boolean },
) {
  return supabase.from('profiles').update(changes).eq('id', id).select('id')
}
