// The regions members choose from (the campaign's boroughs and a catch-all).
import type { Supabase } from '~/utils/supabase.server'

export async function listRegions(supabase: Supabase) {
  const { data, error } = await supabase
    .from('regions')
    .select('slug, name, is_borough')
    .order('position')
  if (error) throw error
  return data
}
