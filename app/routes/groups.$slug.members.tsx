// The group's members, for its members; join requests and removals for its facilitators.
import {
  json,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Form, Link, useLoaderData, useNavigation } from '@remix-run/react'
import { z } from 'zod'
import { Button } from '~/components/ui/button'
import { loadGroupContext } from '~/models/group-context.server'
import { listGroupPeople } from '~/models/group.server'
import { approveRequest, removeMembership } from '~/models/membership.server'
import { listRegions } from '~/models/region.server'
import { redirectWithOutcome } from '~/utils/flash.server'
import { curators, requireGroupRole, requireUser } from '~/models/permissions.server'
import { getRequestContext } from '~/utils/request-context.server'
import { invariantResponse } from '~/utils/http.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Members of ${data.group.name} · Policy Forum` : 'Policy Forum' },
]

export async function loader({ request, params, context: loadContext }: LoaderFunctionArgs) {
  const client = getRequestContext(request, loadContext)
  const context = await requireGroupRole(
    client,
    params.slug,
    ['member', ...curators],
    'Only members of this group can see who else is in it.',
  )
  const [people, regions] = await Promise.all([
    listGroupPeople(client.supabase, context.group.id),
    listRegions(client.supabase),
  ])
  const regionNames = Object.fromEntries(regions.map((r) => [r.slug, r.name]))
  return json(
    {
      group: context.group,
      viewerId: context.user!.id,
      canCurate: context.canCurate,
      isAdmin: context.isAdmin,
      members: people
        .filter((p) => p.status === 'active')
        .map((p) => ({ ...p, regionName: p.region ? regionNames[p.region] : null })),
      requests: people.filter((p) => p.status === 'pending'),
    },
    { headers: client.headers },
  )
}

const decisionSchema = z.object({
  intent: z.enum(['approve', 'decline', 'remove']),
  userId: z.uuid(),
})

export async function action({ request, params, context: loadContext }: ActionFunctionArgs) {
  const client = getRequestContext(request, loadContext)
  await requireUser(client)
  const context = await loadGroupContext(client.supabase, params.slug, client.headers)
  const parsed = decisionSchema.safeParse(Object.fromEntries(await request.formData()))
  invariantResponse(parsed.success, 'Unknown action.', { headers: client.headers })
  const { intent, userId } = parsed.data
  const groupId = context.group.id
  const outcome =
    intent === 'approve'
      ? await approveRequest(client.supabase, groupId, userId)
      : await removeMembership(
          client.supabase,
          groupId,
          userId,
          intent === 'decline' ? 'Request declined.' : 'Member removed.',
        )
  return redirectWithOutcome(`/groups/${context.group.slug}/members`, outcome, client.headers)
}

function DecisionButton({
  intent,
  userId,
  label,
  variant,
}: {
  intent: string
  userId: string
  label: string
  variant: 'primary' | 'secondary' | 'danger'
}) {
  const navigation = useNavigation()
  const busy = navigation.state === 'submitting' && navigation.formData?.get('userId') === userId
  return (
    <Form method="post" className="inline">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="userId" value={userId} />
      <Button
        type="submit"
        variant={variant}
        className="px-3 py-1 text-sm"
        disabled={busy}
        pending={busy}
      >
        {label}
      </Button>
    </Form>
  )
}

export default function GroupMembers() {
  const { members, requests, canCurate, isAdmin, viewerId } = useLoaderData<typeof loader>()
  return (
    <div className="space-y-10">
      {canCurate ? (
        <section aria-labelledby="requests-heading">
          <h2 id="requests-heading" className="text-xl font-bold">
            Requests to join ({requests.length})
          </h2>
          {requests.length === 0 ? (
            <p className="mt-2 text-stone-700">No one is waiting.</p>
          ) : (
            <ul className="mt-3 divide-y divide-stone-200 rounded-xl border border-stone-300 bg-white">
              {requests.map((person) => (
                <li
                  key={person.id}
                  className="flex flex-wrap items-center justify-between gap-3 p-4"
                >
                  <span>
                    <Link to={`/members/${person.id}`} className="font-semibold underline">
                      {person.displayName}
                    </Link>{' '}
                    <span className="text-sm text-stone-700">
                      asked on {new Date(person.requestedAt).toLocaleDateString('en-GB')}
                    </span>
                  </span>
                  <span className="flex gap-2">
                    <DecisionButton
                      intent="approve"
                      userId={person.id}
                      label={`Approve ${person.displayName}`}
                      variant="primary"
                    />
                    <DecisionButton
                      intent="decline"
                      userId={person.id}
                      label={`Decline ${person.displayName}`}
                      variant="secondary"
                    />
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
      <section aria-labelledby="members-heading">
        <h2 id="members-heading" className="text-xl font-bold">
          Members ({members.length})
        </h2>
        <ul className="mt-3 divide-y divide-stone-200 rounded-xl border border-stone-300 bg-white">
          {members.map((person) => (
            <li key={person.id} className="flex flex-wrap items-center justify-between gap-3 p-4">
              <span>
                <Link to={`/members/${person.id}`} className="font-semibold underline">
                  {person.displayName}
                </Link>
                {person.role === 'facilitator' ? (
                  <span className="ml-2 rounded-full bg-brand-100 px-2 py-0.5 text-xs font-semibold text-brand-900">
                    Facilitator
                  </span>
                ) : null}
                {person.regionName ? (
                  <span className="ml-2 text-sm text-stone-700">{person.regionName}</span>
                ) : null}
              </span>
              {canCurate && person.id !== viewerId && (person.role === 'member' || isAdmin) ? (
                <DecisionButton
                  intent="remove"
                  userId={person.id}
                  label={`Remove ${person.displayName}`}
                  variant="danger"
                />
              ) : null}
            </li>
          ))}
        </ul>
      </section>
    </div>
  )
}
