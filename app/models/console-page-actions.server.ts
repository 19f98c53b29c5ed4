// The facilitators' console's action: every intent parsed once and dispatched by one switch,
// whose default answers 400. Forwarding, archiving, merging and hiding take a second step that
// says what will happen (console-acts.server); bulk acts go one by one (console-bulk.server).
import { json, type ActionFunctionArgs } from '@remix-run/node'
import { z } from 'zod'
import { checkGroupNote, consoleStep } from './console-acts.server'
import { describeBulkOutcome, readSelected } from './console-bulk.server'
import {
  forwardShortlist,
  setPinned,
  transitionMany,
  transitionProposal,
  updateGroupNote,
} from './curation.server'
import { resolveFlag, unhideContent } from './moderation.server'
import { curators, requireGroupRole } from './permissions.server'
import { consoleReturn, proposalAnchor } from '~/utils/console-listing'
import { redirectWithFlash, redirectWithOutcome } from '~/utils/flash.server'
import { unknownAction } from '~/utils/http.server'
import type { Outcome } from '~/utils/outcome'
import { getRequestContext } from '~/utils/request-context.server'
import type { Supabase } from '~/utils/supabase.server'
import { uuidPattern } from '~/utils/uuid'

export const consoleRefusal = 'Only the group’s facilitators and admins can use its console.'

const intents = [
  'shortlist',
  'reopen',
  'forward',
  'archive',
  'merge',
  'pin',
  'unpin',
  'forward-shortlist',
  'note',
  'hide',
  'dismiss',
  'unhide',
  'bulk-shortlist',
  'bulk-archive',
] as const
type Intent = (typeof intents)[number]

type Act = {
  supabase: Supabase
  groupId: string
  intent: Exclude<Intent, 'bulk-shortlist' | 'bulk-archive'>
  text: (name: string) => string
}

/** One act on one proposal, flag or the group; `note` may refuse before writing. */
async function act({ supabase, groupId, intent, text }: Act): Promise<Outcome> {
  const proposalId = text('proposalId')
  switch (intent) {
    case 'shortlist':
    case 'reopen':
    case 'forward':
    case 'archive':
    case 'merge':
      return transitionProposal(supabase, proposalId, intent, {
        reason: text('reason') || undefined,
        mergeInto: text('mergeInto') || undefined,
      })
    case 'pin':
    case 'unpin':
      return setPinned(supabase, proposalId, intent === 'pin')
    case 'forward-shortlist':
      return forwardShortlist(supabase, groupId, text('coverNote'))
    case 'note': {
      const refusal = checkGroupNote(text('note'))
      if (refusal) return { ok: false, message: refusal, status: 400 }
      return updateGroupNote(supabase, groupId, text('note'))
    }
    case 'hide':
    case 'dismiss':
      return resolveFlag(supabase, text('flagId'), intent, text('reason') || undefined)
    case 'unhide':
      return unhideContent(supabase, {
        proposalId: proposalId || undefined,
        commentId: text('commentId') || undefined,
      })
    default: {
      const unhandled: never = intent
      throw new Error(`Unhandled console intent: ${String(unhandled)}`)
    }
  }
}

export async function consolePageAction({
  request,
  params,
  context: loadContext,
}: ActionFunctionArgs) {
  const client = getRequestContext(request, loadContext)
  const { supabase, headers } = client
  const { group } = await requireGroupRole(client, params.slug, curators, consoleRefusal)
  const form = await request.formData()
  const parsed = z.enum(intents).safeParse(form.get('intent'))
  if (!parsed.success) throw unknownAction(headers)
  const intent = parsed.data
  const text = (name: string) => String(form.get(name) ?? '').trim()
  const back = text('back')
  const selected = readSelected(form.getAll('selected'))
  const bulk = intent === 'bulk-shortlist' || intent === 'bulk-archive'
  if (bulk && selected.length === 0)
    return redirectWithFlash(
      consoleReturn(group.slug, back, 'proposals-heading'),
      { kind: 'error', message: 'Select at least one proposal first.' },
      headers,
    )
  const found = await consoleStep(supabase, group.id, intent, text, selected)
  // The step carries the place in the list, to return to it when done or cancelled.
  const step = found && { ...found, fields: { ...found.fields, back } }
  if (step && (text('confirmed') !== 'yes' || step.text?.error))
    return json({ step, note: null }, { status: step.text?.error ? 400 : 200, headers })
  if (intent === 'bulk-shortlist' || intent === 'bulk-archive') {
    const action = intent === 'bulk-shortlist' ? 'shortlist' : 'archive'
    const result = await transitionMany(supabase, group.id, selected, action, text('reason'))
    return redirectWithFlash(
      consoleReturn(group.slug, back, 'proposals-heading'),
      describeBulkOutcome(action, result),
      headers,
    )
  }
  const outcome = await act({ supabase, groupId: group.id, intent, text })
  // A refused act keeps what was typed: its step again, or the note, with the reason.
  if (!outcome.ok && step)
    return json({ step: { ...step, error: outcome.message }, note: null }, { status: 400, headers })
  if (!outcome.ok && intent === 'note')
    return json(
      { step: null, note: { value: text('note'), error: outcome.message } },
      { status: 400, headers },
    )
  const proposalId = text('proposalId')
  const anchor = uuidPattern.test(proposalId) ? proposalAnchor(proposalId) : undefined
  return redirectWithOutcome(consoleReturn(group.slug, back, anchor), outcome, headers)
}
