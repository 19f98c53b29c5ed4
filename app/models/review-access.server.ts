// Who may use the candidate's review and its exports. These give clear answers (a sign-in
// redirect, a 403 with a sentence); RLS still decides which proposals anyone can read.
import { getGroupBySlug, listViewerMemberships } from './group.server'
import { requireUser } from '~/utils/auth.server'
import { invariantResponse } from '~/utils/http.server'
import { getSiteRoles } from '~/utils/roles.server'
import { createSupabaseServerClient } from '~/utils/supabase.server'

/** The review page: the candidate and admins. */
export async function requireReviewer(request: Request) {
  const client = createSupabaseServerClient(request)
  const user = await requireUser(request, client)
  const roles = await getSiteRoles(client.supabase, user.id)
  invariantResponse(
    roles.isCandidate || roles.isAdmin,
    'The review page is for the candidate and admins.',
    {
      status: 403,
      headers: client.headers,
    },
  )
  return { ...client, user, ...roles }
}

/** Exports and the print page: the candidate and admins for any group or all; a group's
 * facilitators for that group only, which they must name. */
export async function requireExporter(request: Request, groupSlug: string | null) {
  const client = createSupabaseServerClient(request)
  const user = await requireUser(request, client)
  const [roles, group, memberships] = await Promise.all([
    getSiteRoles(client.supabase, user.id),
    groupSlug ? getGroupBySlug(client.supabase, groupSlug) : null,
    listViewerMemberships(client.supabase, user.id),
  ])
  const { headers } = client
  invariantResponse(!groupSlug || group, 'There is no policy group at this address.', {
    status: 404,
    headers,
  })
  if (roles.isCandidate || roles.isAdmin) return { ...client, user, group, canReview: true }
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
  return { ...client, user, group, canReview: false }
}
