import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { HorizonBadge } from '~/components/horizon-badge'
import { buttonClass } from '~/components/ui/button'
import { listAllGroups } from '~/models/admin.server'
import { requireAdmin } from '~/models/permissions.server'
import { getRequestContext } from '~/utils/request-context.server'

export const meta: MetaFunction = () => [{ title: 'Groups · Admin · Policy Forum' }]

export async function loader({ request, context: loadContext }: LoaderFunctionArgs) {
  const { supabase, headers } = await requireAdmin(getRequestContext(request, loadContext))
  return json({ groups: await listAllGroups(supabase) }, { headers })
}

export default function AdminGroups() {
  const { groups } = useLoaderData<typeof loader>()
  return (
    <div>
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-3xl font-bold">Policy groups</h1>
        <Link to="/admin/groups/new" className={buttonClass('primary')}>
          Create a group
        </Link>
      </div>
      <ul className="mt-6 divide-y divide-stone-200 rounded-xl border border-stone-300 bg-white">
        {groups.map((group) => (
          <li key={group.id} className="flex flex-wrap items-center justify-between gap-3 p-4">
            <span className="flex flex-wrap items-center gap-3">
              <Link
                to={`/admin/groups/${group.slug}`}
                className="font-semibold text-brand-700 underline"
              >
                {group.name}
              </Link>
              <HorizonBadge horizon={group.horizon} />
              {group.archived_at ? (
                <span className="rounded-full bg-stone-200 px-2 py-0.5 text-xs font-semibold">
                  Archived
                </span>
              ) : null}
            </span>
            <span className="text-sm text-stone-700">
              {group.member_count} members · {group.join_policy === 'open' ? 'open' : 'by request'}
            </span>
          </li>
        ))}
      </ul>
    </div>
  )
}
