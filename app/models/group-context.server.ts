// What every page of a group needs: the group, who is looking, and their standing in it.
import { getSessionUser, getStanding } from '~/utils/auth.server'
import { curators, holdsGroupRole } from '~/utils/group-roles'
import { memoFor } from '~/utils/request-memo.server'
import { getSiteRoles } from '~/utils/roles.server'
import type { Supabase } from '~/utils/supabase.server'
import { getGroupBySlug, listViewerMemberships } from './group.server'
import { invariantResponse } from '~/utils/http.server'

export async function loadGroupContext(
  supabase: Supabase,
  slug: string | undefined,
  headers?: HeadersInit,
) {
  const context = await memoFor(supabase, `group-context:${slug ?? ''}`, () =>
    readGroupContext(supabase, slug),
  )
  invariantResponse(context, 'There is no policy group at this address.', { status: 404, headers })
  return context
}

async function readGroupContext(supabase: Supabase, slug: string | undefined) {
  const [user, group] = await Promise.all([
    getSessionUser(supabase),
    slug ? getGroupBySlug(supabase, slug) : null,
  ])
  if (!group) return null
  const [memberships, roles] = await Promise.all([
    listViewerMemberships(supabase),
    user ? getSiteRoles(supabase) : { isAdmin: false, isCandidate: false },
  ])
  const membership = memberships.get(group.id) ?? null
  // Whether this visit should move the member's last visit (private.group_seen_is_due).
  const seenDue =
    (await getStanding(supabase))?.memberships.find((row) => row.group_id === group.id)?.seen_due ??
    false
  const isActiveMember = membership?.status === 'active'
  const standing = {
    isActiveMember,
    isFacilitator: isActiveMember && membership?.role === 'facilitator',
    isAdmin: roles.isAdmin,
    isCandidate: roles.isCandidate,
  }
  return {
    user,
    group,
    membership,
    seenDue,
    ...standing,
    canCurate: holdsGroupRole(standing, curators),
  }
}
