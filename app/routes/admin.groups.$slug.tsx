import { parseWithZod } from '@conform-to/zod/v4'
import {
  json,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { GroupForm } from '~/components/group-form'
import { ThresholdForm } from '~/components/threshold-form'
import { setShortlistThreshold } from '~/models/shortlist.server'
import { MemberPicker } from '~/components/member-picker'
import { findMembers } from '~/models/member-finder.server'
import { Button } from '~/components/ui/button'
import { groupErrorReply, setGroupArchived, updateGroup } from '~/models/admin.server'
import { getGroupBySlug, listFacilitators } from '~/models/group.server'
import { appointFacilitator, demoteFacilitator } from '~/models/membership.server'
import { redirectWithFlash, redirectWithOutcome } from '~/utils/flash.server'
import { groupSchema } from '~/utils/group-schema'
import { requireAdmin } from '~/models/permissions.server'
import { getRequestContext } from '~/utils/request-context.server'
import { invariantResponse } from '~/utils/http.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.group.name} · Admin · Policy Forum` : 'Admin' },
]

async function loadGroup(
  supabase: Parameters<typeof getGroupBySlug>[0],
  slug: string | undefined,
  headers: Headers,
) {
  const group = await getGroupBySlug(supabase, slug ?? '')
  invariantResponse(group, 'There is no policy group at this address.', { status: 404, headers })
  return group
}

export async function loader({ request, params, context: loadContext }: LoaderFunctionArgs) {
  const { supabase, headers } = await requireAdmin(getRequestContext(request, loadContext))
  const group = await loadGroup(supabase, params.slug, headers)
  const query = new URL(request.url).searchParams.get('q') ?? ''
  const [facilitators, results] = await Promise.all([
    listFacilitators(supabase, [group.id]),
    findMembers(supabase, { query }),
  ])
  return json(
    { group, facilitators: facilitators.get(group.id) ?? [], query, results },
    { headers },
  )
}

const personSchema = z.object({ intent: z.enum(['appoint', 'demote']), userId: z.uuid() })

export async function action({ request, params, context: loadContext }: ActionFunctionArgs) {
  const { supabase, headers } = await requireAdmin(getRequestContext(request, loadContext))
  const group = await loadGroup(supabase, params.slug, headers)
  const formData = await request.formData()
  const intent = formData.get('intent')
  const here = `/admin/groups/${group.slug}`
  if (intent === 'save') {
    const submission = parseWithZod(formData, { schema: groupSchema })
    if (submission.status !== 'success')
      return json({ result: submission.reply() }, { status: 400, headers })
    const { data, error } = await updateGroup(supabase, group.id, submission.value)
    if (error) return json({ result: groupErrorReply(submission, error) }, { status: 400, headers })
    return redirectWithFlash(
      `/admin/groups/${data.slug}`,
      { kind: 'success', message: 'Group saved.' },
      headers,
    )
  }
  if (intent === 'threshold') {
    const outcome = await setShortlistThreshold(supabase, group.id, formData)
    return redirectWithOutcome(here, outcome, headers)
  }
  if (intent === 'archive' || intent === 'unarchive') {
    const outcome = await setGroupArchived(supabase, group.id, intent === 'archive')
    return redirectWithOutcome(here, outcome, headers)
  }
  const parsed = personSchema.safeParse({ intent, userId: formData.get('userId') })
  invariantResponse(parsed.success, 'Unknown action.', { headers })
  const outcome =
    parsed.data.intent === 'appoint'
      ? await appointFacilitator(supabase, group.id, parsed.data.userId)
      : await demoteFacilitator(supabase, group.id, parsed.data.userId)
  return redirectWithOutcome(here, outcome, headers)
}

export default function AdminGroup() {
  const { group, facilitators, query, results } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  return (
    <div className="max-w-3xl space-y-10">
      <div>
        <p>
          <Link to="/admin/groups" className="text-brand-700 underline">
            All groups
          </Link>
        </p>
        <h1 className="mt-2 text-3xl font-bold">{group.name}</h1>
        <p className="mt-1 text-stone-700">
          {group.archived_at ? 'Archived: read-only for members.' : 'Active.'}{' '}
          <Link to={`/groups/${group.slug}`} className="underline">
            View the group page
          </Link>
        </p>
      </div>
      <section aria-labelledby="edit-heading">
        <h2 id="edit-heading" className="text-xl font-bold">
          Details
        </h2>
        <div className="mt-3">
          <GroupForm
            lastResult={actionData?.result}
            defaultValue={{
              name: group.name,
              slug: group.slug,
              summary: group.summary,
              description: group.description,
              horizon: group.horizon,
              joinPolicy: group.join_policy,
            }}
            submitLabel="Save changes"
          />
        </div>
      </section>
      <section aria-labelledby="facilitators-heading">
        <h2 id="facilitators-heading" className="text-xl font-bold">
          Facilitators
        </h2>
        {facilitators.length ? (
          <ul className="mt-3 divide-y divide-stone-200 rounded-xl border border-stone-300 bg-white">
            {facilitators.map((f) => (
              <li key={f.id} className="flex flex-wrap items-center justify-between gap-3 p-3">
                <Link to={`/members/${f.id}`} className="font-semibold underline">
                  {f.displayName}
                </Link>
                <Form method="post">
                  <input type="hidden" name="intent" value="demote" />
                  <input type="hidden" name="userId" value={f.id} />
                  <Button type="submit" variant="secondary" className="px-3 py-1 text-sm">
                    Stop {f.displayName} facilitating
                  </Button>
                </Form>
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-2 text-stone-700">No facilitators yet.</p>
        )}
        <div className="mt-4">
          <MemberPicker
            query={query}
            results={results}
            actions={[{ intent: 'appoint', label: (name) => `Make ${name} a facilitator` }]}
          />
        </div>
      </section>
      <ThresholdForm supporters={group.shortlist_supporters} boroughs={group.shortlist_boroughs} />
      <section aria-labelledby="archive-heading">
        <h2 id="archive-heading" className="text-xl font-bold">
          {group.archived_at ? 'Restore' : 'Archive'}
        </h2>
        <p className="mt-1 text-stone-700">
          {group.archived_at
            ? 'Restoring the group lets members join and take part again.'
            : 'An archived group stays readable, but nobody can join it or change anything in it.'}
        </p>
        <Form method="post" className="mt-3">
          <input type="hidden" name="intent" value={group.archived_at ? 'unarchive' : 'archive'} />
          <Button type="submit" variant={group.archived_at ? 'secondary' : 'danger'}>
            {group.archived_at ? 'Restore this group' : 'Archive this group'}
          </Button>
        </Form>
      </section>
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
