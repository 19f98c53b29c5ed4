// A member's own data: everything the forum holds about them, and deleting their account.
import type { SessionUser } from '~/utils/auth.server'
import { describeDbError } from '~/utils/db-errors.server'
import type { Supabase } from '~/utils/supabase.server'

/** Everything stored about the member, read with their own rights (RLS shows them theirs). */
export async function exportMyData(supabase: Supabase, user: SessionUser) {
  const [
    profile,
    memberships,
    authored,
    comments,
    votes,
    notifications,
    flags,
    roles,
    amendments,
    amendmentSupports,
    follows,
    consents,
    borough,
    account,
  ] = await Promise.all([
    supabase
      .from('profiles')
      .select('display_name, bio, created_at, updated_at')
      .eq('id', user.id)
      .single(),
    supabase
      .from('group_members')
      .select('role, status, requested_at, joined_at, group:groups(slug, name)')
      .eq('user_id', user.id),
    supabase
      .from('proposal_authors')
      .select(
        'role, added_at, proposal:proposals(id, title, summary, body_text, status, published_at, created_at, updated_at, group:groups(slug))',
      )
      .eq('user_id', user.id),
    supabase
      .from('comments')
      .select('id, proposal_id, parent_id, body, stance, created_at, edited_at, deleted_at')
      .eq('author_id', user.id),
    supabase
      .from('votes')
      .select('proposal_id, value, region, created_at, updated_at')
      .eq('user_id', user.id),
    supabase.from('notifications').select('kind, body, created_at, read_at').eq('user_id', user.id),
    supabase
      .from('flags')
      .select('proposal_id, comment_id, category, reason, status, created_at')
      .eq('reporter_id', user.id),
    supabase.from('site_roles').select('role, granted_at').eq('user_id', user.id),
    supabase
      .from('amendments')
      .select(
        'id, proposal_id, base_version, body_text, reason, status, decision_reason, created_at, decided_at',
      )
      .eq('suggester_id', user.id),
    supabase.from('amendment_supports').select('amendment_id, created_at').eq('user_id', user.id),
    supabase.from('follows').select('proposal_id, group_id, created_at').eq('user_id', user.id),
    supabase.from('privacy_consents').select('notice_version, consented_at').eq('user_id', user.id),
    supabase.rpc('my_borough').maybeSingle(),
    // The account as Auth holds it (address, dates): the one page that asks Auth for it.
    supabase.auth.getUser(),
  ])
  for (const result of [
    profile,
    memberships,
    authored,
    comments,
    votes,
    notifications,
    flags,
    roles,
    amendments,
    amendmentSupports,
    follows,
    consents,
    borough,
    account,
  ]) {
    if (result.error) throw result.error
  }
  return {
    exported_at: new Date().toISOString(),
    account: {
      id: user.id,
      email: account.data.user?.email ?? user.email,
      created_at: account.data.user?.created_at ?? null,
      last_sign_in_at: account.data.user?.last_sign_in_at ?? null,
    },
    profile: profile.data && {
      ...profile.data,
      region: borough.data?.region ?? null,
      borough_public: borough.data?.borough_public ?? true,
    },
    site_roles: roles.data,
    group_memberships: memberships.data,
    proposals: authored.data,
    comments: comments.data,
    votes: votes.data,
    flags: flags.data,
    notifications: notifications.data,
    suggested_changes: amendments.data,
    supported_changes: amendmentSupports.data,
    follows: follows.data,
    privacy_consents: consents.data,
  }
}

export async function deleteMyAccount(supabase: Supabase) {
  const { error } = await supabase.rpc('delete_my_account')
  return error ? { ok: false as const, message: describeDbError(error) } : { ok: true as const }
}
