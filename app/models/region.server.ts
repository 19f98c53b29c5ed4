// The regions members choose from (the campaign's boroughs and a catch-all). They are the
// campaign's seed data: no API role may change them (RLS: read only), so the app keeps them
// for a few minutes instead of asking on every page that shows the borough table.
import type { Supabase } from '~/utils/supabase.server'

export type Region = { slug: string; name: string; is_borough: boolean }

const keptFor = 5 * 60_000
let kept: { regions: Promise<Region[]>; until: number } | null = null

export function listRegions(supabase: Supabase): Promise<Region[]> {
  if (kept && kept.until > Date.now()) return kept.regions
  const regions = (async () => {
    const { data, error } = await supabase
      .from('regions')
      .select('slug, name, is_borough')
      .order('position')
    if (error) throw error
    return data
  })()
  const entry = { regions, until: Date.now() + keptFor }
  kept = entry
  // A failed read is not kept: the next page asks again.
  regions.catch(() => {
    if (kept === entry) kept = null
  })
  return regions
}
