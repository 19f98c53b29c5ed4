import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link } from '@remix-run/react'
import { requireAdmin } from '~/models/permissions.server'
import { getRequestContext } from '~/utils/request-context.server'

export const meta: MetaFunction = () => [{ title: 'Admin · Policy Forum' }]

export async function loader({ request, context: loadContext }: LoaderFunctionArgs) {
  const { headers } = await requireAdmin(getRequestContext(request, loadContext))
  return json({}, { headers })
}

export default function AdminHome() {
  return (
    <div>
      <h1 className="text-3xl font-bold">Admin</h1>
      <ul className="mt-6 grid gap-4 sm:grid-cols-2">
        <li className="rounded-xl border border-stone-300 bg-white p-5">
          <h2 className="text-lg font-bold">
            <Link to="/admin/groups" className="text-brand-700 underline">
              Policy groups
            </Link>
          </h2>
          <p className="mt-1 text-stone-700">
            Create, edit and archive groups; appoint their facilitators.
          </p>
        </li>
        <li className="rounded-xl border border-stone-300 bg-white p-5">
          <h2 className="text-lg font-bold">
            <Link to="/admin/roles" className="text-brand-700 underline">
              Site roles
            </Link>
          </h2>
          <p className="mt-1 text-stone-700">Grant and revoke the admin and candidate roles.</p>
        </li>
        <li className="rounded-xl border border-stone-300 bg-white p-5">
          <h2 className="text-lg font-bold">
            <Link to="/admin/audit" className="text-brand-700 underline">
              Audit log
            </Link>
          </h2>
          <p className="mt-1 text-stone-700">
            Every action of facilitators, the candidate and admins.
          </p>
        </li>
      </ul>
    </div>
  )
}
