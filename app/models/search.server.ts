// Full-text search over published proposals (Postgres: websearch syntax, ranked).
import type { Supabase } from '~/utils/supabase.server'

export const searchPageSize = 20

export async function searchProposals(
  supabase: Supabase,
  query: string,
  { group, page }: { group?: string; page: number },
) {
  const { data, error } = await supabase.rpc('search_proposals', {
    query,
    group_slug: group || undefined,
    result_limit: searchPageSize + 1,
    result_offset: (page - 1) * searchPageSize,
  })
  if (error) throw error
  return { results: data.slice(0, searchPageSize), more: data.length > searchPageSize }
}
