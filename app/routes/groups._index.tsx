import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { HorizonBadge } from '~/components/horizon-badge'
import { MembershipActions } from '~/components/membership-actions'
import { listActiveGroupsWithFacilitators, listViewerMemberships } from '~/models/group.server'
import { getSessionUser } from '~/utils/auth.server'
import { getRequestContext } from '~/utils/request-context.server'

export const meta: MetaFunction = () => [{ title: 'Get involved · Policy Forum' }]

export async function loader({ request, context: loadContext }: LoaderFunctionArgs) {
  const { supabase, headers } = getRequestContext(request, loadContext)
  const user = await getSessionUser(supabase)
  const [groups, memberships] = await Promise.all([
    listActiveGroupsWithFacilitators(supabase),
    listViewerMemberships(supabase),
  ])
  return json(
    {
      signedIn: Boolean(user),
      groups: groups.map((group) => ({
        ...group,
        archived_at: null,
        membership: memberships.get(group.id) ?? null,
      })),
    },
    { headers },
  )
}

export default function GetInvolved() {
  const { groups, signedIn } = useLoaderData<typeof loader>()
  return (
    <div>
      <h1 className="text-3xl font-bold">Get involved</h1>
      <p className="mt-2 max-w-2xl text-lg text-stone-700">
        Pick the policy groups you care about. Members draft proposals, argue them out and vote;
        facilitators take the strongest to the candidate.
      </p>
      <ul className="mt-8 space-y-5">
        {groups.map((group) => (
          <li key={group.id} className="rounded-xl border border-stone-300 bg-white p-6">
            <div className="flex flex-wrap items-center gap-3">
              <HorizonBadge horizon={group.horizon} />
              <span className="text-sm text-stone-700">
                {group.member_count === 1 ? '1 member' : `${group.member_count} members`}
                {group.join_policy === 'request' ? ' · joining needs a facilitator’s approval' : ''}
              </span>
            </div>
            <h2 className="mt-2 text-2xl font-bold">
              <Link to={`/groups/${group.slug}`} className="hover:underline">
                {group.name}
              </Link>
            </h2>
            <p className="mt-2 text-stone-800">{group.summary}</p>
            <p className="mt-2 text-sm text-stone-700">
              {group.facilitators.length ? (
                <>
                  Facilitated by{' '}
                  {group.facilitators.map((f, i) => (
                    <span key={f.id}>
                      {i > 0 ? ', ' : ''}
                      <Link to={`/members/${f.id}`} className="underline">
                        {f.displayName}
                      </Link>
                    </span>
                  ))}
                </>
              ) : (
                'No facilitator yet.'
              )}
            </p>
            <div className="mt-4">
              <MembershipActions group={group} membership={group.membership} signedIn={signedIn} />
            </div>
          </li>
        ))}
      </ul>
    </div>
  )
}
