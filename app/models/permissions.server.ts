// Who may use a page or an action: the one place loaders and actions ask. These give a clear
// answer (a redirect to sign in, or a 403 or 404 with a sentence) through invariantResponse;
// Postgres (RLS, triggers) is what actually protects the data, and what a member may do with
// one proposal is read from the same SQL helper its policy uses (viewer_can_edit), not
// re-stated here.
import { redirect } from '@remix-run/node'
import { getSessionUser, signInPath, type SessionUser } from '~/utils/auth.server'
import { holdsGroupRole, type GroupRole, type SiteRole } from '~/utils/group-roles'
import { invariantResponse } from '~/utils/http.server'
import type { RequestContext } from '~/utils/request-context.server'
import { getSiteRoles } from '~/utils/roles.server'
import { loadGroupContext } from './group-context.server'
import { getGroupBySlug, listViewerMemberships } from './group.server'

export { curators, type GroupRole, type SiteRole } from '~/utils/group-roles'

/** The signed-in member, or a redirect to sign in (and back). */
export async function requireUser({
  request,
  supabase,
  headers,
}: RequestContext): Promise<SessionUser> {
  const user = await getSessionUser(supabase)
  if (!user) throw redirect(signInPath(request), { headers })
  return user
}

/** Pages for visitors only (sign in, sign up): a member goes home. */
export async function requireAnonymous({ supabase, headers }: RequestContext) {
  const user = await getSessionUser(supabase)
  if (user) throw redirect('/', { headers })
}

/** A signed-in member holding one of `roles` on the site, or a 403 saying `refusal`. Gives
 * the request context with the member and their roles. */
export async function requireSiteRole(
  context: RequestContext,
  roles: readonly SiteRole[],
  refusal: string,
) {
  const user = await requireUser(context)
  const held = await getSiteRoles(context.supabase)
  invariantResponse(
    (roles.includes('admin') && held.isAdmin) || (roles.includes('candidate') && held.isCandidate),
    refusal,
    { status: 403, headers: context.headers },
  )
  return { ...context, user, ...held }
}

/** Admin pages. */
export function requireAdmin(context: RequestContext) {
  return requireSiteRole(context, ['admin'], 'Only admins can use this page.')
}

/** The candidate's review: the candidate and admins. */
export function requireReviewer(context: RequestContext) {
  return requireSiteRole(
    context,
    ['candidate', 'admin'],
    'The review page is for the candidate and admins.',
  )
}

/** A signed-in member with one of `roles` in the group at `slug` (404 if there is none), or a
 * 403 saying `refusal`. Gives the request context with the group's. */
export async function requireGroupRole(
  context: RequestContext,
  slug: string | undefined,
  roles: readonly GroupRole[],
  refusal: string,
) {
  const user = await requireUser(context)
  const group = await loadGroupContext(context.supabase, slug, context.headers)
  invariantResponse(holdsGroupRole(group, roles), refusal, {
    status: 403,
    headers: context.headers,
  })
  return { ...context, ...group, user }
}

/** Exports and the print page: the candidate and admins for any group or all; a group's
 * facilitators for that group only, which they must name. */
export async function requireExporter(context: RequestContext, groupSlug: string | null) {
  const { supabase, headers } = context
  const user = await requireUser(context)
  const [roles, group, memberships] = await Promise.all([
    getSiteRoles(supabase),
    groupSlug ? getGroupBySlug(supabase, groupSlug) : null,
    listViewerMemberships(supabase),
  ])
  invariantResponse(!groupSlug || group, 'There is no policy group at this address.', {
    status: 404,
    headers,
  })
  if (roles.isCandidate || roles.isAdmin) return { ...context, user, group, canReview: true }
  invariantResponse(
    group,
    'Facilitators export their own group’s proposals: choose the group (add ?group=… to the address).',
    { status: 403, headers },
  )
  const membership = memberships.get(group.id)
  invariantResponse(
    membership?.role === 'facilitator' && membership.status === 'active',
    'Only the candidate, admins and this group’s facilitators can export its proposals.',
    { status: 403, headers },
  )
  return { ...context, user, group, canReview: false }
}
