// A member's notifications, newest first. Opening one marks it read (a POST: reading is a
// change), and all can be marked read at once.
import {
  json,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import { InvitationAnswer } from '~/components/invitation-answer'
import { Button } from '~/components/ui/button'
import {
  acceptInvitation,
  declineInvitation,
  listPendingInvitations,
} from '~/models/coauthor-invitation.server'
import { listNotifications, markAllRead, markRead } from '~/models/notifications.server'
import { timeAgo } from '~/utils/dates'
import { redirectWithFlash, redirectWithOutcome } from '~/utils/flash.server'
import { safeRedirect } from '~/utils/redirect'
import { requireUser } from '~/models/permissions.server'
import { getRequestContext } from '~/utils/request-context.server'
import { unknownAction } from '~/utils/http.server'

export const meta: MetaFunction = () => [{ title: 'Notifications · Policy Forum' }]

export async function loader({ request, context: loadContext }: LoaderFunctionArgs) {
  const client = getRequestContext(request, loadContext)
  const user = await requireUser(client)
  const [notifications, pending] = await Promise.all([
    listNotifications(client.supabase, user.id),
    listPendingInvitations(client.supabase, user.id),
  ])
  return json(
    {
      notifications: notifications.map((n) => ({
        ...n,
        // Accept and decline stay on the invitation only while it is unanswered.
        openInvitation: n.kind === 'coauthor_invitation' && pending.has(n.proposal_id ?? ''),
        proposalTitle: n.proposal?.title ?? 'this proposal',
        // The words were written when it happened; a proposal renamed since says so.
        renamedTo:
          n.proposal?.title && !n.body.includes(`“${n.proposal.title}”`) && n.body.includes('“')
            ? n.proposal.title
            : null,
      })),
      now: Date.now(),
    },
    { headers: client.headers },
  )
}

export async function action({ request, context: loadContext }: ActionFunctionArgs) {
  const client = getRequestContext(request, loadContext)
  const user = await requireUser(client)
  const form = await request.formData()
  const intent = form.get('intent')
  if (intent === 'read-all') {
    const { error } = await markAllRead(client.supabase)
    return redirectWithFlash(
      '/notifications',
      error
        ? { kind: 'error', message: 'That did not work. Please try again.' }
        : { kind: 'success', message: 'All marked as read.' },
      client.headers,
    )
  }
  if (intent === 'accept-invitation' || intent === 'decline-invitation') {
    const answer = intent === 'accept-invitation' ? acceptInvitation : declineInvitation
    const outcome = await answer(client.supabase, String(form.get('proposalId') ?? ''), user.id)
    return redirectWithOutcome('/notifications', outcome, client.headers)
  }
  if (intent === 'open' || intent === 'read') {
    await markRead(client.supabase, user.id, String(form.get('id') ?? ''))
    const to =
      intent === 'open' ? safeRedirect(form.get('href'), '/notifications') : '/notifications'
    return redirect(to, { headers: client.headers })
  }
  throw unknownAction(client.headers)
}

export default function Notifications() {
  const { notifications, now } = useLoaderData<typeof loader>()
  const unread = notifications.filter((n) => !n.read_at).length
  return (
    <div className="max-w-3xl">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-3xl font-bold">Notifications</h1>
        {unread ? (
          <Form method="post">
            <input type="hidden" name="intent" value="read-all" />
            <Button type="submit" variant="secondary">
              Mark all as read
            </Button>
          </Form>
        ) : null}
      </div>
      <p className="mt-2 text-stone-700">{unread ? `${unread} unread.` : 'You are up to date.'}</p>
      {notifications.length === 0 ? (
        <p className="mt-6 rounded-xl border border-stone-300 bg-white p-5">
          Nothing yet. You will hear here when someone comments on your proposals, replies to you,
          or a decision is made.
        </p>
      ) : (
        <ul className="mt-6 divide-y divide-stone-200 rounded-xl border border-stone-300 bg-white">
          {notifications.map((n) => (
            <li
              key={n.id}
              className={`flex flex-wrap items-start justify-between gap-3 p-4 ${n.read_at ? '' : 'bg-amber-50'}`}
            >
              <div className="min-w-0 flex-1">
                {n.read_at ? null : (
                  <span className="mr-2 rounded-full bg-amber-400 px-2 py-0.5 text-xs font-bold text-stone-950">
                    New
                  </span>
                )}
                <span className="text-stone-900">{n.body}</span>
                {n.renamedTo ? (
                  <span className="block text-sm text-stone-700">
                    The proposal is now called “{n.renamedTo}”.
                  </span>
                ) : null}
                <span className="block text-sm text-stone-700">{timeAgo(n.created_at, now)}</span>
                {n.openInvitation && n.proposal_id ? (
                  <div className="mt-2">
                    <InvitationAnswer proposalId={n.proposal_id} proposalTitle={n.proposalTitle} />
                  </div>
                ) : null}
              </div>
              <div className="flex gap-2">
                <Form method="post">
                  <input type="hidden" name="intent" value="open" />
                  <input type="hidden" name="id" value={n.id} />
                  <input type="hidden" name="href" value={n.href} />
                  <Button type="submit" variant="secondary" className="px-3 py-1 text-sm">
                    Open<span className="sr-only">: {n.body}</span>
                  </Button>
                </Form>
                {n.read_at ? null : (
                  <Form method="post">
                    <input type="hidden" name="intent" value="read" />
                    <input type="hidden" name="id" value={n.id} />
                    <Button type="submit" variant="link" className="text-sm">
                      Mark as read<span className="sr-only">: {n.body}</span>
                    </Button>
                  </Form>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
