import type { Enums } from '~/types/database'
import {
  json,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { MemberPicker } from '~/components/member-picker'
import { findMembers } from '~/models/member-finder.server'
import { Button } from '~/components/ui/button'
import { grantSiteRole, listSiteRoleHolders, revokeSiteRole } from '~/models/admin.server'
import { siteRoleLabels } from '~/utils/group-roles'
import { redirectWithOutcome } from '~/utils/flash.server'
import { requireAdmin } from '~/models/permissions.server'
import { getRequestContext } from '~/utils/request-context.server'
import { invariantResponse } from '~/utils/http.server'

export const meta: MetaFunction = () => [{ title: 'Site roles · Admin · Policy Forum' }]

export async function loader({ request, context: loadContext }: LoaderFunctionArgs) {
  const { supabase, headers, user } = await requireAdmin(getRequestContext(request, loadContext))
  const query = new URL(request.url).searchParams.get('q') ?? ''
  const [holders, results] = await Promise.all([
    listSiteRoleHolders(supabase),
    findMembers(supabase, { query }),
  ])
  return json({ holders, results, query, viewerId: user.id }, { headers })
}

const roleSchema = z.object({
  intent: z.enum(['grant-admin', 'grant-candidate', 'revoke-admin', 'revoke-candidate']),
  userId: z.uuid(),
})

export async function action({ request, context: loadContext }: ActionFunctionArgs) {
  const { supabase, headers } = await requireAdmin(getRequestContext(request, loadContext))
  const parsed = roleSchema.safeParse(Object.fromEntries(await request.formData()))
  invariantResponse(parsed.success, 'Unknown action.', { headers })
  const [verb, role] = parsed.data.intent.split('-') as ['grant' | 'revoke', Enums<'site_role'>]
  const outcome =
    verb === 'grant'
      ? await grantSiteRole(supabase, parsed.data.userId, role)
      : await revokeSiteRole(supabase, parsed.data.userId, role)
  return redirectWithOutcome('/admin/roles', outcome, headers)
}

export default function AdminRoles() {
  const { holders, results, query, viewerId } = useLoaderData<typeof loader>()
  return (
    <div className="max-w-3xl space-y-8">
      <div>
        <p>
          <Link to="/admin" className="text-brand-700 underline">
            Admin
          </Link>
        </p>
        <h1 className="mt-2 text-3xl font-bold">Site roles</h1>
        <p className="mt-2 text-stone-700">
          Admins run the forum. The candidate reviews forwarded proposals and answers them in
          public. Roles are never taken from what members type about themselves.
        </p>
      </div>
      {(['admin', 'candidate'] as const).map((role) => (
        <section key={role} aria-labelledby={`${role}-heading`}>
          <h2 id={`${role}-heading`} className="text-xl font-bold">
            {role === 'admin' ? 'Admins' : 'Candidate'}
          </h2>
          <ul className="mt-3 divide-y divide-stone-200 rounded-xl border border-stone-300 bg-white">
            {holders
              .filter((h) => h.role === role)
              .map((holder) => (
                <li
                  key={holder.id}
                  className="flex flex-wrap items-center justify-between gap-3 p-3"
                >
                  <Link to={`/members/${holder.id}`} className="font-semibold underline">
                    {holder.displayName}
                  </Link>
                  {role === 'admin' && holder.id === viewerId ? (
                    <span className="text-sm text-stone-700">You</span>
                  ) : (
                    <Form method="post">
                      <input type="hidden" name="intent" value={`revoke-${role}`} />
                      <input type="hidden" name="userId" value={holder.id} />
                      <Button type="submit" variant="secondary" className="px-3 py-1 text-sm">
                        Remove {holder.displayName} as {siteRoleLabels[role]}
                      </Button>
                    </Form>
                  )}
                </li>
              ))}
          </ul>
        </section>
      ))}
      <section aria-labelledby="grant-heading">
        <h2 id="grant-heading" className="text-xl font-bold">
          Grant a role
        </h2>
        <div className="mt-3">
          <MemberPicker
            query={query}
            results={results}
            actions={[
              { intent: 'grant-candidate', label: (name) => `Make ${name} the candidate` },
              { intent: 'grant-admin', label: (name) => `Make ${name} an admin` },
            ]}
          />
        </div>
      </section>
    </div>
  )
}
