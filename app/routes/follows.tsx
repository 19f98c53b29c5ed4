// Following and unfollowing a proposal or a group, from a plain form on its page. Answers with
// a redirect back there; Postgres decides what may be followed.
import { type ActionFunctionArgs } from '@remix-run/node'
import { z } from 'zod'
import { setFollowing } from '~/models/follow.server'
import { redirectWithFlash, redirectWithOutcome } from '~/utils/flash.server'
import { safeRedirect } from '~/utils/redirect'
import { requireUser } from '~/models/permissions.server'
import { getRequestContext } from '~/utils/request-context.server'

const followSchema = z.object({
  intent: z.enum(['follow', 'unfollow']),
  proposalId: z.uuid().optional(),
  groupId: z.uuid().optional(),
})

export async function action({ request, context: loadContext }: ActionFunctionArgs) {
  const client = getRequestContext(request, loadContext)
  const user = await requireUser(client)
  const formData = await request.formData()
  const back = safeRedirect(formData.get('redirectTo'), '/')
  const parsed = followSchema.safeParse({
    intent: formData.get('intent'),
    proposalId: formData.get('proposalId') || undefined,
    groupId: formData.get('groupId') || undefined,
  })
  const target = parsed.success
    ? parsed.data.proposalId
      ? { proposalId: parsed.data.proposalId }
      : parsed.data.groupId
        ? { groupId: parsed.data.groupId }
        : null
    : null
  if (!parsed.success || !target)
    return redirectWithFlash(
      back,
      { kind: 'error', message: 'That cannot be followed.' },
      client.headers,
    )
  const outcome = await setFollowing(
    client.supabase,
    user.id,
    target,
    parsed.data.intent === 'follow',
  )
  return redirectWithOutcome(back, outcome, client.headers)
}

export function loader() {
  throw new Response('Follow from a proposal or group page.', { status: 405 })
}
