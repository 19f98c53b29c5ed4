// Profiles: each member's public name, borough and bio.
import type { Supabase } from '~/utils/supabase.server'

export async function getProfile(supabase: Supabase, id: string) {
  const { data, error } = await supabase
    .from('profiles')
    .select('id, display_name, region, bio, created_at, regions(name)')
    .eq('id', id)
    .maybeSingle()
  if (error) throw error
  return data
}
