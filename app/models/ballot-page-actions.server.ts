// What the ballot page's forms do: rank (a member with standing), close now and forward the
// winner (the group's curators; Postgres checks). The intent is read once and dispatched
// through one switch; an intent nobody handles is a 400 and changes nothing.
import { json, type ActionFunctionArgs } from '@remix-run/node'
import { z } from 'zod'
import { castBallot, closeBallot, forwardBallotWinner, getBallot } from './ballot.server'
import { loadGroupContext } from './group-context.server'
import { requireUser } from './permissions.server'
import { readRanking } from '~/utils/ballot-form'
import { redirectWithOutcome } from '~/utils/flash.server'
import { invariantResponse, unknownAction } from '~/utils/http.server'
import { getRequestContext } from '~/utils/request-context.server'

const intents = ['rank', 'close', 'forward'] as const

export async function ballotPageAction({
  request,
  params,
  context: loadContext,
}: ActionFunctionArgs) {
  const client = getRequestContext(request, loadContext)
  const { supabase, headers } = client
  await requireUser(client)
  const context = await loadGroupContext(supabase, params.slug, headers)
  const found = await getBallot(supabase, context.group.id, params.id ?? '')
  invariantResponse(found, 'There is no such ballot in this group.', { status: 404, headers })
  const here = `/groups/${context.group.slug}/ballots/${found.ballot.id}`
  const formData = await request.formData()
  const parsed = z.enum(intents).safeParse(formData.get('intent'))
  if (!parsed.success) throw unknownAction(headers)
  const intent = parsed.data
  let outcome
  switch (intent) {
    case 'rank': {
      const read = readRanking(
        formData,
        found.options.map((o) => o.proposalId),
      )
      if (!read.ok) return json({ error: read.message, intent }, { status: 400, headers })
      outcome = await castBallot(supabase, found.ballot.id, read.ranking)
      if (!outcome.ok) return json({ error: outcome.message, intent }, { status: 400, headers })
      break
    }
    case 'close':
      outcome = await closeBallot(supabase, found.ballot.id)
      break
    case 'forward': {
      const note = String(formData.get('coverNote') ?? '')
      outcome = await forwardBallotWinner(supabase, found.ballot.id, note)
      if (!outcome.ok) return json({ error: outcome.message, intent }, { status: 400, headers })
      break
    }
    default: {
      const unhandled: never = intent
      throw new Error(`Unhandled ballot intent: ${String(unhandled)}`)
    }
  }
  return redirectWithOutcome(here, outcome, headers)
}
