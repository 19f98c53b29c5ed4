// The campaign and its commitments (one row, seeded per campaign).
import { getPageFrame } from '~/utils/page-frame.server'
import type { Supabase } from '~/utils/supabase.server'

/** The campaign's name and words, from the page's frame (one read per request). */
export async function getCampaign(supabase: Supabase) {
  return (await getPageFrame(supabase)).campaign
}

export async function listCommitments(supabase: Supabase) {
  const { data, error } = await supabase
    .from('commitments')
    .select('id, title, body, group:groups(slug, name)')
    .order('position')
  if (error) throw error
  return data
}
