import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { PlainText } from '~/components/plain-text'
import { getProfile, listProfileGroups } from '~/models/profile.server'
import { getSessionUser } from '~/utils/auth.server'
import { uuidPattern } from '~/utils/uuid'
import { getRequestContext } from '~/utils/request-context.server'
import { invariantResponse } from '~/utils/http.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.profile.display_name} · Policy Forum` : 'Policy Forum' },
]

export async function loader({ request, params, context: loadContext }: LoaderFunctionArgs) {
  const { supabase, headers } = getRequestContext(request, loadContext)
  const id = params.id ?? ''
  invariantResponse(uuidPattern.test(id), 'There is no member at this address.', {
    status: 404,
    headers,
  })
  const [profile, groups, viewer] = await Promise.all([
    getProfile(supabase, id),
    listProfileGroups(supabase, id),
    getSessionUser(supabase),
  ])
  invariantResponse(profile, 'There is no member at this address.', { status: 404, headers })
  return json({ profile, groups, isSelf: viewer?.id === id }, { headers })
}

export default function MemberProfile() {
  const { profile, groups, isSelf } = useLoaderData<typeof loader>()
  return (
    <div className="max-w-2xl">
      <h1 className="text-3xl font-bold">{profile.display_name}</h1>
      <p className="mt-1 text-stone-700">
        {profile.home?.name ? `${profile.home.name} · ` : ''}Member since{' '}
        {new Date(profile.created_at).toLocaleDateString('en-GB', {
          month: 'long',
          year: 'numeric',
        })}
      </p>
      {isSelf ? (
        <p className="mt-3">
          <Link to="/settings" className="font-semibold text-brand-700 underline">
            Edit your profile
          </Link>
        </p>
      ) : null}
      {profile.bio ? <PlainText text={profile.bio} className="mt-6 text-stone-800" /> : null}
      <h2 className="mt-8 text-xl font-bold">Groups</h2>
      {groups.length ? (
        <ul className="mt-2 space-y-1">
          {groups.map((group) => (
            <li key={group.slug}>
              <Link to={`/groups/${group.slug}`} className="text-brand-700 underline">
                {group.name}
              </Link>
              {group.role === 'facilitator' ? ' (facilitator)' : ''}
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-2 text-stone-700">No groups you can see.</p>
      )}
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
