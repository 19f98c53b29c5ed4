// The whole audit log, newest first, for admins.
import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { AuditList } from '~/components/console/audit-list'
import { describeAction, listAudit } from '~/models/audit.server'
import { requireAdminRequest } from '~/utils/roles.server'

export const meta: MetaFunction = () => [{ title: 'Audit log · Admin · Policy Forum' }]

const pageSize = 100

export async function loader({ request }: LoaderFunctionArgs) {
  const { supabase, headers } = await requireAdminRequest(request)
  const before = Number(new URL(request.url).searchParams.get('before')) || undefined
  const entries = await listAudit(supabase, { limit: pageSize, before })
  return json(
    {
      entries: entries.map((e) => ({ ...e, sentence: describeAction(e.action) })),
      more: entries.length === pageSize,
    },
    { headers },
  )
}

export default function AdminAudit() {
  const { entries, more } = useLoaderData<typeof loader>()
  return (
    <div className="max-w-4xl">
      <p>
        <Link to="/admin" className="text-brand-700 underline">
          Admin
        </Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">Audit log</h1>
      <p className="mt-2 text-stone-700">
        Every action of facilitators, the candidate and admins, recorded by the database. Nobody can
        change or delete it.
      </p>
      <div className="mt-6">
        <AuditList entries={entries} />
      </div>
      {more ? (
        <p className="mt-4">
          <Link
            to={`/admin/audit?before=${entries[entries.length - 1].id}`}
            className="font-semibold text-brand-700 underline"
          >
            Older entries
          </Link>
        </p>
      ) : null}
    </div>
  )
}
