// Joining, leaving and deciding memberships. Postgres decides who may do what (RLS and
// triggers); these return a sentence for the member either way.
import type { PostgrestError } from '@supabase/supabase-js'
import { refusedByDb } from '~/utils/db-errors.server'
import type { Outcome } from '~/utils/outcome'
import type { Supabase } from '~/utils/supabase.server'

function refused(error: PostgrestError | null, empty: string): Outcome | null {
  if (error) return refusedByDb(error)
  return empty ? { ok: false, message: empty } : null
}

export async function joinGroup(
  supabase: Supabase,
  groupId: string,
  userId: string,
): Promise<Outcome> {
  const { data, error } = await supabase
    .from('group_members')
    .insert({ group_id: groupId, user_id: userId })
    .select('status')
    .single()
  if (error?.code === '23505')
    return { ok: false, message: 'You are already in this group, or your request is waiting.' }
  if (error || !data) return refused(error, 'You could not join this group.')!
  return data.status === 'active'
    ? { ok: true, message: 'You have joined the group.' }
    : { ok: true, message: 'Your request to join has been sent to the group’s facilitators.' }
}

export async function leaveGroup(
  supabase: Supabase,
  groupId: string,
  userId: string,
): Promise<Outcome> {
  const { data, error } = await supabase
    .from('group_members')
    .delete()
    .eq('group_id', groupId)
    .eq('user_id', userId)
    .select('status')
  const problem = refused(error, data?.length ? '' : 'You are not in this group.')
  if (problem) return problem
  return {
    ok: true,
    message:
      data![0].status === 'pending'
        ? 'Your request has been withdrawn.'
        : 'You have left the group.',
  }
}

export async function approveRequest(
  supabase: Supabase,
  groupId: string,
  userId: string,
): Promise<Outcome> {
  const { data, error } = await supabase
    .from('group_members')
    .update({ status: 'active' })
    .eq('group_id', groupId)
    .eq('user_id', userId)
    .eq('status', 'pending')
    .select('user_id')
  return (
    refused(error, data?.length ? '' : 'That request is no longer waiting.') ?? {
      ok: true,
      message: 'Request approved.',
    }
  )
}

/** Removes a member, declines a request, or (for admins) removes a facilitator. */
export async function removeMembership(
  supabase: Supabase,
  groupId: string,
  userId: string,
  what: string,
): Promise<Outcome> {
  const { data, error } = await supabase
    .from('group_members')
    .delete()
    .eq('group_id', groupId)
    .eq('user_id', userId)
    .select('user_id')
  return (
    refused(error, data?.length ? '' : 'You cannot remove that person.') ?? {
      ok: true,
      message: what,
    }
  )
}

export async function appointFacilitator(
  supabase: Supabase,
  groupId: string,
  userId: string,
): Promise<Outcome> {
  const { data: existing } = await supabase
    .from('group_members')
    .select('role')
    .eq('group_id', groupId)
    .eq('user_id', userId)
    .maybeSingle()
  const { error } = existing
    ? await supabase
        .from('group_members')
        .update({ role: 'facilitator' })
        .eq('group_id', groupId)
        .eq('user_id', userId)
    : await supabase
        .from('group_members')
        .insert({ group_id: groupId, user_id: userId, role: 'facilitator' })
  return refused(error, '') ?? { ok: true, message: 'Facilitator appointed.' }
}

export async function demoteFacilitator(
  supabase: Supabase,
  groupId: string,
  userId: string,
): Promise<Outcome> {
  const { data, error } = await supabase
    .from('group_members')
    .update({ role: 'member' })
    .eq('group_id', groupId)
    .eq('user_id', userId)
    .select('user_id')
  return (
    refused(error, data?.length ? '' : 'That person is not a facilitator here.') ?? {
      ok: true,
      message: 'They are now an ordinary member.',
    }
  )
}
