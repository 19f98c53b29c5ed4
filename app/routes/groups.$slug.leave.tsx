// The second step of leaving a group: what leaving does, then the group's own leave action
// (groups.$slug), which Postgres checks. A plain page: it works without JavaScript.
import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { ConfirmStep } from '~/components/ui/confirm-step'
import { loadGroupContext } from '~/models/group-context.server'
import { requireUser } from '~/models/permissions.server'
import { getRequestContext } from '~/utils/request-context.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Leave ${data.group.name} · Policy Forum` : 'Policy Forum' },
]

export async function loader({ request, params, context: loadContext }: LoaderFunctionArgs) {
  const client = getRequestContext(request, loadContext)
  await requireUser(client)
  const context = await loadGroupContext(client.supabase, params.slug, client.headers)
  const { group, membership } = context
  return json(
    {
      group: { slug: group.slug, name: group.name, joinPolicy: group.join_policy },
      member: membership?.status === 'active',
      facilitator: membership?.status === 'active' && membership.role === 'facilitator',
    },
    { headers: client.headers },
  )
}

export default function LeaveGroup() {
  const { group, member, facilitator } = useLoaderData<typeof loader>()
  const back = `/groups/${group.slug}`
  if (!member)
    return (
      <section aria-labelledby="not-member-heading" className="max-w-2xl">
        <h2 id="not-member-heading" className="text-2xl font-bold">
          You are not a member of {group.name}
        </h2>
        <p className="mt-2 text-stone-700">There is nothing to leave.</p>
      </section>
    )
  return (
    <ConfirmStep
      action={back}
      cancelHref={back}
      cancelLabel={`Cancel: stay in ${group.name}`}
      step={{
        heading: `Leave ${group.name}?`,
        consequences: [
          `You stop being a member: you can no longer put forward proposals, comment or vote in ${group.name}.`,
          ...(facilitator ? ['You stop being one of its facilitators.'] : []),
          'What you wrote there stays, with your name, and your votes still count.',
          group.joinPolicy === 'open'
            ? 'You can join again at any time.'
            : 'To come back, you ask again and wait for a facilitator to accept you.',
        ],
        confirmLabel: `Leave ${group.name}`,
        danger: true,
        fields: { intent: 'leave', redirectTo: back },
      }}
    />
  )
}
