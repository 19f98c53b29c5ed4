// Finding a member for a picker: name, the borough others see, when they joined (the group,
// or the forum), and for admins only the account's e-mail — what tells apart members who
// share a display name. Postgres decides what the caller may learn (find_members).
import { memberQueryMinimum, type FoundMember } from '~/utils/member-finder'
import type { Supabase } from '~/utils/supabase.server'

export async function findMembers(
  supabase: Supabase,
  { query, groupId }: { query: string; groupId?: string },
): Promise<FoundMember[]> {
  if (query.trim().length < memberQueryMinimum) return []
  const { data, error } = await supabase.rpc('find_members', {
    query: query.trim(),
    in_group: groupId,
    result_limit: 20,
  })
  if (error) throw error
  return data.map((row) => ({
    id: row.id,
    displayName: row.display_name,
    borough: row.borough,
    joinedAt: row.joined_at,
    email: row.email,
  }))
}
