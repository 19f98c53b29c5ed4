// What the proposal page's forms do. Each form names its intent; the intent is read once and
// dispatched through one switch, and an intent nobody handles is a 400 — never a fall-through
// into another act (the last branch once deleted the draft for anything it did not know).
import { json, redirect, type ActionFunctionArgs } from '@remix-run/node'
import { z } from 'zod'
import type { ConfirmStepData } from '~/components/ui/confirm-step'
import { acceptInvitation, declineInvitation } from '~/models/coauthor-invitation.server'
import { answerComment } from '~/models/comment-intent.server'
import { castVote, deleteComment } from '~/models/discussion.server'
import { flagContent } from '~/models/moderation.server'
import { loadProposalContext } from '~/models/proposal-context.server'
import { deleteDraft } from '~/models/proposal.server'
import { publishOrCompare } from '~/models/similar-proposals.server'
import { describeDbError } from '~/utils/db-errors.server'
import { redirectWithFlash, redirectWithOutcome, setFlash } from '~/utils/flash.server'
import { combineHeaders, invariantResponse } from '~/utils/http.server'
import { requireUser } from '~/models/permissions.server'
import { getRequestContext, type RequestContext } from '~/utils/request-context.server'

const intents = [
  'publish',
  'delete',
  'vote',
  'comment',
  'edit-comment',
  'delete-comment',
  'flag',
  'accept-invitation',
  'decline-invitation',
] as const
type Intent = (typeof intents)[number]

const voteSchema = z.object({
  value: z.enum(['1', '-1', '0']).transform((v) => Number(v) as 1 | -1 | 0),
})

type ProposalContext = Awaited<ReturnType<typeof loadProposalContext>>

type Act = {
  client: RequestContext
  context: ProposalContext
  formData: FormData
  here: string
  userId: string
}

export async function proposalPageAction({
  request,
  params,
  context: loadContext,
}: ActionFunctionArgs) {
  const client = getRequestContext(request, loadContext)
  await requireUser(client)
  const context = await loadProposalContext(client.supabase, params.slug, params.id, client.headers)
  const formData = await request.formData()
  const parsed = z.enum(intents).safeParse(formData.get('intent'))
  invariantResponse(parsed.success, 'Unknown action.', { headers: client.headers })
  const act: Act = {
    client,
    context,
    formData,
    here: `/groups/${context.group.slug}/proposals/${context.proposal.id}`,
    userId: context.viewerId!,
  }
  const intent: Intent = parsed.data
  switch (intent) {
    case 'vote':
      return vote(act)
    case 'comment':
    case 'edit-comment':
      return answerComment(client, { intent, formData, here: act.here }, context.proposal.id)
    case 'flag':
      return flag(act)
    case 'accept-invitation':
    case 'decline-invitation':
      return answerInvitation(act, intent)
    case 'delete-comment':
      return removeComment(act)
    case 'publish':
      return publish(act)
    case 'delete':
      return removeDraft(act)
    default: {
      const unhandled: never = intent
      throw new Response(`Unknown action: ${String(unhandled)}.`, {
        status: 400,
        headers: client.headers,
      })
    }
  }
}

async function vote({ client, context, formData, here, userId }: Act) {
  const vote = voteSchema.safeParse({ value: formData.get('value') })
  if (!vote.success)
    return json(
      { voteError: 'Choose support or oppose.' },
      { status: 400, headers: client.headers },
    )
  const outcome = await castVote(client.supabase, context.proposal.id, userId, vote.data.value)
  if (!outcome.ok)
    return json({ voteError: outcome.message }, { status: 400, headers: client.headers })
  // A page with JavaScript revalidates itself and keeps its scroll; a plain form post lands
  // back on the vote panel.
  if (formData.get('inPlace') === 'yes') return json({}, { headers: client.headers })
  return redirect(`${here}#vote-heading`, { headers: client.headers })
}

async function flag({ client, context, formData, here }: Act) {
  const commentId = String(formData.get('commentId') ?? '') || undefined
  const outcome = await flagContent(
    client.supabase,
    commentId ? { commentId } : { proposalId: context.proposal.id },
    String(formData.get('reason') ?? '').trim(),
  )
  return redirectWithOutcome(
    commentId ? `${here}?comment=${commentId}#comment-${commentId}` : here,
    outcome,
    client.headers,
  )
}

async function answerInvitation(
  { client, context, here, userId }: Act,
  intent: 'accept-invitation' | 'decline-invitation',
) {
  const answer = intent === 'accept-invitation' ? acceptInvitation : declineInvitation
  const outcome = await answer(client.supabase, context.proposal.id, userId)
  // A declined draft is no longer readable: go back to the group.
  const to =
    outcome.ok && intent === 'decline-invitation' && !context.proposal.published_at
      ? `/groups/${context.group.slug}`
      : here
  return redirectWithOutcome(to, outcome, client.headers)
}

async function removeComment({ client, formData, here }: Act) {
  const outcome = await deleteComment(client.supabase, String(formData.get('commentId') ?? ''))
  if (!outcome.ok)
    return redirectWithFlash(here, { kind: 'error', message: outcome.message }, client.headers)
  return redirectWithFlash(
    `${here}#discussion-heading`,
    { kind: 'success', message: 'Your comment was deleted.' },
    client.headers,
  )
}

async function publish({ client, context, here }: Act) {
  const outcome = await publishOrCompare(client.supabase, {
    id: context.proposal.id,
    title: context.proposal.title,
    groupId: context.group.id,
    groupSlug: context.group.slug,
  })
  const to = outcome.kind === 'compare' ? outcome.to : here
  const kind = outcome.kind === 'error' ? 'error' : 'success'
  return redirectWithFlash(to, { kind, message: outcome.message }, client.headers)
}

async function removeDraft({ client, context, formData, here }: Act) {
  // Deleting cannot be undone: the first press says what will happen, the second does it.
  if (formData.get('confirmed') !== 'yes') {
    const others = context.proposal.authors.filter((author) => author.id !== context.viewerId)
    const step: ConfirmStepData = {
      heading: `Delete the draft “${context.proposal.title}”?`,
      consequences: [
        'The draft and every saved version of it are deleted for good: this cannot be undone.',
        ...(others.length
          ? [
              `${others.map((author) => author.displayName).join(', ')} will lose it too (co-authors and invitations).`,
            ]
          : []),
        'Nothing was published, so no member of the group has seen it.',
      ],
      confirmLabel: 'Delete the draft',
      fields: { intent: 'delete' },
      danger: true,
    }
    return json({ step }, { headers: client.headers })
  }
  const { data, error } = await deleteDraft(client.supabase, context.proposal.id)
  if (error || !data?.length) {
    return redirectWithFlash(
      here,
      {
        kind: 'error',
        message: error ? describeDbError(error) : 'Only the author can delete a draft.',
      },
      client.headers,
    )
  }
  const flash = await setFlash({ kind: 'success', message: 'Draft deleted.' })
  return redirect(`/groups/${context.group.slug}`, {
    headers: combineHeaders(client.headers, { 'Set-Cookie': flash }),
  })
}
