// A group's frame: its name, the viewer's membership, and the group's pages.
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { NavLink, Outlet, useLoaderData, useMatches } from '@remix-run/react'
import { z } from 'zod'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { HorizonBadge } from '~/components/horizon-badge'
import { FollowButton } from '~/components/follow-button'
import { MembershipActions } from '~/components/membership-actions'
import { isFollowingGroup } from '~/models/follow.server'
import { loadGroupContext } from '~/models/group-context.server'
import { joinGroup, leaveGroup } from '~/models/membership.server'
import { redirectWithOutcome } from '~/utils/flash.server'
import { safeRedirect } from '~/utils/redirect'
import { requireUser } from '~/models/permissions.server'
import { getRequestContext } from '~/utils/request-context.server'
import { invariantResponse } from '~/utils/http.server'

export async function loader({ request, params, context: loadContext }: LoaderFunctionArgs) {
  const { supabase, headers } = getRequestContext(request, loadContext)
  const context = await loadGroupContext(supabase, params.slug, headers)
  const following = context.user ? await isFollowingGroup(supabase, context.group.id) : false
  return json(
    {
      group: context.group,
      following,
      membership: context.membership,
      signedIn: Boolean(context.user),
      canSeeMembers: context.isActiveMember || context.canCurate,
      canCurate: context.canCurate,
      isCandidate: context.isCandidate,
    },
    { headers },
  )
}

const intentSchema = z.object({ intent: z.enum(['join', 'leave']) })

export async function action({ request, params, context: loadContext }: ActionFunctionArgs) {
  const client = getRequestContext(request, loadContext)
  const user = await requireUser(client)
  const context = await loadGroupContext(client.supabase, params.slug, client.headers)
  const formData = await request.formData()
  const parsed = intentSchema.safeParse({ intent: formData.get('intent') })
  invariantResponse(parsed.success, 'Unknown action.', { headers: client.headers })
  const outcome =
    parsed.data.intent === 'join'
      ? await joinGroup(client.supabase, context.group.id, user.id)
      : await leaveGroup(client.supabase, context.group.id, user.id)
  const to = safeRedirect(formData.get('redirectTo'), `/groups/${context.group.slug}`)
  return redirectWithOutcome(to, outcome, client.headers)
}

const tab = ({ isActive }: { isActive: boolean }) =>
  `-mb-px shrink-0 whitespace-nowrap border-b-4 px-3 py-2 font-semibold ${isActive ? 'border-brand-700 text-brand-800' : 'border-transparent text-stone-700 hover:text-brand-800'}`

export default function GroupLayout() {
  const { group, membership, signedIn, canSeeMembers, canCurate, isCandidate, following } =
    useLoaderData<typeof loader>()
  // The group's own page shows its banner; its sub-pages (a proposal, the console…) a compact
  // bar, so their own title is on the first screen of a phone.
  const onGroupPage = useMatches().at(-1)?.id === 'routes/groups.$slug._index'
  return (
    <div>
      <div
        className={`flex flex-wrap justify-between ${onGroupPage ? 'items-start gap-4' : 'items-center gap-2'}`}
      >
        {onGroupPage ? (
          <div>
            <HorizonBadge horizon={group.horizon} />
            <h1 className="mt-2 text-3xl font-bold">{group.name}</h1>
            <p className="mt-2 max-w-2xl text-lg text-stone-700">{group.summary}</p>
          </div>
        ) : (
          <h1 className="text-lg font-bold sm:text-xl">{group.name}</h1>
        )}
        <div
          className={`flex-wrap items-start gap-3 ${!onGroupPage && membership?.status === 'active' ? 'hidden sm:flex' : 'flex'}`}
        >
          <MembershipActions group={group} membership={membership} signedIn={signedIn} />
          {signedIn ? (
            <FollowButton
              following={following}
              target={{ groupId: group.id }}
              redirectTo={`/groups/${group.slug}`}
              what="group"
            />
          ) : null}
        </div>
      </div>
      <nav
        aria-label={`${group.name} pages`}
        className={`flex gap-x-2 overflow-x-auto border-b border-stone-300 ${onGroupPage ? 'mt-6' : 'mt-2'}`}
      >
        <NavLink to={`/groups/${group.slug}`} end className={tab}>
          Proposals
        </NavLink>
        <NavLink to={`/groups/${group.slug}/ballots`} className={tab}>
          Ballots
        </NavLink>
        {canSeeMembers ? (
          <NavLink to={`/groups/${group.slug}/members`} className={tab}>
            Members
          </NavLink>
        ) : null}
        {canCurate ? (
          <NavLink to={`/groups/${group.slug}/console`} className={tab}>
            Facilitator console
          </NavLink>
        ) : null}
        {canCurate || isCandidate ? (
          <NavLink to={`/groups/${group.slug}/participation`} className={tab}>
            Participation
          </NavLink>
        ) : null}
      </nav>
      <div className={onGroupPage ? 'mt-6' : 'mt-4'}>
        <Outlet />
      </div>
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
