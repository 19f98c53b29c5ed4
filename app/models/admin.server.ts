// Admin tasks: groups, facilitators and site roles. RLS lets only admins do them.
import type { Enums } from '~/types/database'
import { describeDbError, outcomeOfWrite, refusedByDb } from '~/utils/db-errors.server'
import { siteRoleLabels } from '~/utils/group-roles'
import type { GroupForm } from '~/utils/group-schema'
import { refused, succeeded, type Outcome } from '~/utils/outcome'
import type { Supabase } from '~/utils/supabase.server'

export async function listAllGroups(supabase: Supabase) {
  const { data, error } = await supabase
    .from('groups')
    .select('id, slug, name, horizon, join_policy, member_count, archived_at')
    .order('archived_at', { nullsFirst: true })
    .order('position')
    .order('name')
  if (error) throw error
  return data
}

function toRow(form: GroupForm) {
  return {
    name: form.name,
    slug: form.slug,
    summary: form.summary,
    description: form.description,
    horizon: form.horizon,
    join_policy: form.joinPolicy,
  }
}

export async function createGroup(supabase: Supabase, form: GroupForm) {
  return supabase.from('groups').insert(toRow(form)).select('slug').single()
}

export async function updateGroup(supabase: Supabase, id: string, form: GroupForm) {
  return supabase.from('groups').update(toRow(form)).eq('id', id).select('slug').single()
}

export async function setGroupArchived(
  supabase: Supabase,
  id: string,
  archived: boolean,
): Promise<Outcome> {
  const { error } = await supabase
    .from('groups')
    .update({ archived_at: archived ? new Date().toISOString() : null })
    .eq('id', id)
    .select('id')
    .single()
  return outcomeOfWrite(
    error,
    archived ? 'Group archived: it is now read-only.' : 'Group restored.',
  )
}

export async function listSiteRoleHolders(supabase: Supabase) {
  const { data, error } = await supabase
    .from('site_roles')
    .select('user_id, role, granted_at, profile:profiles!site_roles_user_id_fkey(display_name)')
    .order('role')
    .order('granted_at')
  if (error) throw error
  return data.map((row) => ({
    id: row.user_id,
    role: row.role,
    grantedAt: row.granted_at,
    displayName: row.profile?.display_name ?? 'Member',
  }))
}

export async function grantSiteRole(
  supabase: Supabase,
  userId: string,
  role: Enums<'site_role'>,
): Promise<Outcome> {
  const { error } = await supabase
    .from('site_roles')
    .insert({ user_id: userId, role })
    .select('user_id')
  if (error?.code === '23505') return refused(`They are already ${siteRoleLabels[role]}.`)
  return outcomeOfWrite(error, `They are now ${siteRoleLabels[role]}.`)
}

export async function revokeSiteRole(
  supabase: Supabase,
  userId: string,
  role: Enums<'site_role'>,
): Promise<Outcome> {
  const { data, error } = await supabase
    .from('site_roles')
    .delete()
    .eq('user_id', userId)
    .eq('role', role)
    .select('user_id')
  if (error) return refusedByDb(error)
  if (data.length) return succeeded(`They are no longer ${siteRoleLabels[role]}.`)
  // RLS keeps an admin from removing their own admin role.
  return refused(
    role === 'admin'
      ? 'You cannot remove your own admin role; ask another admin.'
      : 'Nothing changed.',
  )
}

/** The form's answer when Postgres refuses a group: a taken address is the member's to fix. */
export function groupErrorReply<R>(
  submission: {
    reply: (options: { fieldErrors?: Record<string, string[]>; formErrors?: string[] }) => R
  },
  error: { code: string; message: string; details: string; hint: string },
) {
  return error.code === '23505'
    ? submission.reply({ fieldErrors: { slug: ['Another group already uses this address.'] } })
    : submission.reply({
        formErrors: [describeDbError(error as Parameters<typeof describeDbError>[0])],
      })
}
