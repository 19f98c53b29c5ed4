// The proposal editor's loader context and action: saving (and publishing a draft) and the
// co-author invitations, dispatched by one switch over the intents parsed once (default 400).
// A save carries the version it started from; if someone saved since, the answer is 409 with
// both texts, and nothing the member typed is lost.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { z } from 'zod'
import { renderProposalHtml } from '~/editor/render.server'
import { describeDbError, outcomeOfWrite } from '~/utils/db-errors.server'
import { redirectWithOutcome, setFlash } from '~/utils/flash.server'
import { combineHeaders, unknownAction } from '~/utils/http.server'
import { refused, type Outcome } from '~/utils/outcome'
import { noLongerEditable } from '~/utils/proposal-form'
import { readProposalForm } from '~/utils/proposal-form.server'
import { getRequestContext, type RequestContext } from '~/utils/request-context.server'
import type { Supabase } from '~/utils/supabase.server'
import { requireUser } from './permissions.server'
import { loadProposalContext } from './proposal-context.server'
import {
  addCoauthor,
  getProposal,
  listRevisions,
  removeCoauthor,
  saveProposal,
} from './proposal.server'
import { publishOrCompare } from './similar-proposals.server'

const intents = ['save', 'save-publish', 'add-coauthor', 'remove-coauthor'] as const

type ProposalContext = Awaited<ReturnType<typeof loadProposalContext>>

// Not editable is not an error page: a member whose save was refused must still see the
// text they wrote, so the page stays and says why.
export async function loadEditor(client: RequestContext, params: LoaderFunctionArgs['params']) {
  await requireUser(client)
  const context = await loadProposalContext(client.supabase, params.slug, params.id, client.headers)
  return { ...client, context }
}

export async function proposalEditAction({
  request,
  params,
  context: loadContext,
}: ActionFunctionArgs) {
  const { supabase, headers, context } = await loadEditor(
    getRequestContext(request, loadContext),
    params,
  )
  const { proposal, group } = context
  const here = `/groups/${group.slug}/proposals/${proposal.id}`
  const formData = await request.formData()
  const parsed = z.enum(intents).safeParse(formData.get('intent') ?? 'save')
  if (!parsed.success) throw unknownAction(headers)
  const intent = parsed.data
  switch (intent) {
    case 'add-coauthor':
    case 'remove-coauthor': {
      const outcome = await changeCoauthor(
        supabase,
        proposal.id,
        String(formData.get('userId') ?? ''),
        intent,
      )
      return redirectWithOutcome(`${here}/edit`, outcome, headers)
    }
    case 'save':
    case 'save-publish':
      return save({ supabase, headers, context, formData, publish: intent === 'save-publish' })
    default: {
      // Every intent parsed has its case: a new one without one fails to compile.
      const unhandled: never = intent
      throw unknownAction(unhandled)
    }
  }
}

type Save = {
  supabase: Supabase
  headers: Headers
  context: ProposalContext
  formData: FormData
  publish: boolean
}

/** Saves the member's text (and publishes a draft if asked): a refusal keeps what they typed,
 * and a save that someone else's overtook answers 409 with both texts. */
async function save({ supabase, headers, context, formData, publish: wanted }: Save) {
  const { proposal, group } = context
  const here = `/groups/${group.slug}/proposals/${proposal.id}`
  const publish = wanted && proposal.status === 'draft'
  const form = readProposalForm(formData, { requireBody: publish })
  if (!context.canEdit) {
    const reply = form.ok ? form.submission.reply({ formErrors: [noLongerEditable] }) : form.reply
    return json({ result: reply, values: form.values, conflict: null }, { status: 403, headers })
  }
  if (!form.ok)
    return json(
      { result: form.reply, values: form.values, conflict: null },
      { status: 400, headers },
    )
  if (proposal.status !== 'draft' && !form.values.changeNote)
    return json(
      {
        result: form.submission.reply({
          fieldErrors: {
            changeNote: [
              'Say in a few words what you changed and why: the note is shown in the proposal’s history.',
            ],
          },
        }),
        values: form.values,
        conflict: null,
      },
      { status: 400, headers },
    )
  const startedFrom = form.version ?? proposal.version
  const { data, error } = await saveProposal(supabase, proposal.id, startedFrom, form.values)
  if (error) {
    return json(
      {
        result: form.submission.reply({ formErrors: [describeDbError(error)] }),
        values: form.values,
        conflict: null,
      },
      { status: 400, headers },
    )
  }
  if (!data.length) {
    const current = await getProposal(supabase, proposal.id)
    if (current && current.version !== startedFrom) {
      const {
        revisions: [latest],
      } = await listRevisions(supabase, proposal.id, { limit: 1 })
      return json(
        {
          result: form.submission.reply(),
          values: form.values,
          conflict: {
            title: current.title,
            summary: current.summary,
            html: renderProposalHtml(current.body),
            version: current.version,
            editor: latest?.version === current.version ? (latest.editor?.display_name ?? '') : '',
          },
        },
        { status: 409, headers },
      )
    }
    return json(
      {
        result: form.submission.reply({ formErrors: [noLongerEditable] }),
        values: form.values,
        conflict: null,
      },
      { status: 403, headers },
    )
  }
  let message = 'Your changes are saved.'
  let to = here
  if (publish) {
    const outcome = await publishOrCompare(supabase, {
      id: proposal.id,
      title: form.values.title,
      groupId: group.id,
      groupSlug: group.slug,
    })
    message =
      outcome.kind === 'published'
        ? 'Saved and published. Members of the group can now discuss it and vote.'
        : outcome.message
    if (outcome.kind === 'compare') to = outcome.to
  }
  const flash = await setFlash({ kind: 'success', message })
  return redirect(to, { headers: combineHeaders(headers, { 'Set-Cookie': flash }) })
}

/** Invites a member to co-author, or takes an author off (Postgres decides who may). */
async function changeCoauthor(
  supabase: Supabase,
  proposalId: string,
  userId: string,
  intent: 'add-coauthor' | 'remove-coauthor',
): Promise<Outcome> {
  const { data, error } =
    intent === 'add-coauthor'
      ? await addCoauthor(supabase, proposalId, userId)
      : await removeCoauthor(supabase, proposalId, userId)
  if (!error && !data.length) return refused('Nothing changed.')
  return outcomeOfWrite(
    error,
    intent === 'add-coauthor'
      ? 'Invitation sent: they become a co-author when they accept.'
      : 'Removed from the authors.',
  )
}
