// The whole audit log, newest first, for admins: each entry says what it was about, and the
// log filters by action, person and days; the database's own housekeeping is left out unless
// asked for.
import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { AuditList } from '~/components/console/audit-list'
import { auditActions, auditFiltersFrom, describeEntries, listAudit } from '~/models/audit.server'
import { requireAdmin } from '~/models/permissions.server'
import { getRequestContext } from '~/utils/request-context.server'

export const meta: MetaFunction = () => [{ title: 'Audit log · Admin · Policy Forum' }]

const pageSize = 100

export async function loader({ request, context: loadContext }: LoaderFunctionArgs) {
  const { supabase, headers } = await requireAdmin(getRequestContext(request, loadContext))
  const url = new URL(request.url)
  const filters = auditFiltersFrom(url.searchParams)
  const entries = await listAudit(supabase, { ...filters, limit: pageSize })
  const actor = filters.actorId
    ? (entries.find((entry) => entry.actor_id === filters.actorId)?.actor_name ?? 'this person')
    : null
  const kept = new URLSearchParams(url.searchParams)
  kept.delete('before')
  return json(
    {
      entries: await describeEntries(supabase, entries),
      more: entries.length === pageSize,
      filters: { ...filters, actor },
      query: kept.toString(),
      actions: auditActions,
    },
    { headers },
  )
}

export default function AdminAudit() {
  const { entries, more, filters, query, actions } = useLoaderData<typeof loader>()
  const withParams = (extra: Record<string, string>) => {
    const params = new URLSearchParams(query)
    for (const [name, value] of Object.entries(extra)) params.set(name, value)
    return `/admin/audit?${params}`
  }
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
      <Form
        method="get"
        className="mt-6 flex flex-wrap items-end gap-4 rounded-xl border border-stone-300 bg-white p-4"
      >
        {filters.actorId ? <input type="hidden" name="actor" value={filters.actorId} /> : null}
        {filters.groupId ? <input type="hidden" name="group" value={filters.groupId} /> : null}
        <div>
          <label htmlFor="audit-action" className="block text-sm font-semibold">
            Action
          </label>
          <select
            id="audit-action"
            name="action"
            defaultValue={filters.action ?? ''}
            className="mt-1 rounded-md border border-stone-500 bg-white px-2 py-1.5"
          >
            <option value="">Every action</option>
            {actions.map((action) => (
              <option key={action.code} value={action.code}>
                {action.label}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="audit-from" className="block text-sm font-semibold">
            From
          </label>
          <input
            id="audit-from"
            type="date"
            name="from"
            defaultValue={filters.from ?? ''}
            className="mt-1 rounded-md border border-stone-500 bg-white px-2 py-1"
          />
        </div>
        <div>
          <label htmlFor="audit-to" className="block text-sm font-semibold">
            To
          </label>
          <input
            id="audit-to"
            type="date"
            name="to"
            defaultValue={filters.to ?? ''}
            className="mt-1 rounded-md border border-stone-500 bg-white px-2 py-1"
          />
        </div>
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            name="system"
            defaultChecked={filters.includeSystem}
            className="h-4 w-4 accent-brand-700"
          />
          Include the database’s own entries
        </label>
        <button
          type="submit"
          className="rounded-md bg-brand-700 px-4 py-1.5 font-semibold text-white hover:bg-brand-800"
        >
          Show
        </button>
      </Form>
      {filters.actor ? (
        <p className="mt-4">
          Only the actions of <strong>{filters.actor}</strong>.{' '}
          <Link
            to={`/admin/audit?${(() => {
              const params = new URLSearchParams(query)
              params.delete('actor')
              return params
            })()}`}
            className="text-brand-700 underline"
          >
            Everyone’s actions
          </Link>
        </p>
      ) : null}
      <div className="mt-6">
        <AuditList entries={entries} actorHref={(id) => withParams({ actor: id })} />
      </div>
      {more ? (
        <p className="mt-4">
          <Link
            to={withParams({ before: String(entries[entries.length - 1].id) })}
            className="font-semibold text-brand-700 underline"
          >
            Older entries
          </Link>
        </p>
      ) : null}
    </div>
  )
}
