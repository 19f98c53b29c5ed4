// The campaign and its commitments (one row, seeded per campaign).
import type { Supabase } from '~/utils/supabase.server'

export async function getCampaign(supabase: Supabase) {
  const { data, error } = await supabase
    .from('campaign')
    .select('name, slogan, intro, region_name')
    .maybeSingle()
  if (error) throw error
  return data ?? { name: 'Policy Forum', slogan: '', intro: '', region_name: '' }
}

export async function listCommitments(supabase: Supabase) {
  const { data, error } = await supabase
    .from('commitments')
    .select('id, title, body, group:groups(slug, name)')
    .order('position')
  if (error) throw error
  return data
}
