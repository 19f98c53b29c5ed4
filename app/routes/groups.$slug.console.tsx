// The facilitators' console for one group: the group summary, join requests, the flags
// queue, curation of the proposals, exports and the group's audit log. Forwarding, archiving,
// merging and hiding take a second step that says what will happen (console-acts.server).
import {
  json,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { AuditList } from '~/components/console/audit-list'
import { ConsoleForm } from '~/components/console/console-form'
import { ProposalTable } from '~/components/console/proposal-table'
import { FlagQueue } from '~/components/console/flag-queue'
import { ReadyQueue } from '~/components/console/ready-queue'
import { SuggestedChanges } from '~/components/console/suggested-changes'
import { listProposalsAwaitingDecisions } from '~/models/amendment.server'
import { Button } from '~/components/ui/button'
import { ConfirmStep } from '~/components/ui/confirm-step'
import { TextAreaField } from '~/components/ui/field'
import { describeEntries, listAudit } from '~/models/audit.server'
import { checkGroupNote, consoleStep } from '~/models/console-acts.server'
import { describeBulkOutcome, readSelected } from '~/models/console-bulk.server'
import {
  countBoroughs,
  forwardShortlist,
  listConsoleProposals,
  listOwnProposalIds,
  setPinned,
  transitionMany,
  transitionProposal,
  updateGroupNote,
  type CurationAction,
} from '~/models/curation.server'
import { listGroupPeople } from '~/models/group.server'
import { listOpenFlags, resolveFlag, unhideContent } from '~/models/moderation.server'
import { listReadyProposals } from '~/models/shortlist.server'
import { consoleReturn, parseConsoleListing, proposalAnchor } from '~/utils/console-listing'
import { consoleTextLimits } from '~/utils/console-limits'
import { redirectWithFlash, redirectWithOutcome } from '~/utils/flash.server'
import { uuidPattern } from '~/utils/uuid'
import { type Supabase } from '~/utils/supabase.server'
import { curators, requireGroupRole } from '~/models/permissions.server'
import { getRequestContext } from '~/utils/request-context.server'
import { unknownAction } from '~/utils/http.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Console · ${data.group.name} · Policy Forum` : 'Policy Forum' },
]

const refusal = 'Only the group’s facilitators and admins can use its console.'

export async function loader({ request, params, context: loadContext }: LoaderFunctionArgs) {
  const client = getRequestContext(request, loadContext)
  const { supabase, headers } = client
  const { group, user } = await requireGroupRole(client, params.slug, curators, refusal)
  const listing = parseConsoleListing(new URL(request.url).searchParams)
  const ownProposals = await listOwnProposalIds(supabase, user.id)
  const [table, shortlist, boroughs, flags, people, audit, ready, waiting] = await Promise.all([
    listConsoleProposals(supabase, group.id, listing),
    listShortlistIds(supabase, group.id),
    countBoroughs(supabase),
    listOpenFlags(supabase, group.id, { id: user.id, ownProposals }),
    listGroupPeople(supabase, group.id),
    listAudit(supabase, { groupId: group.id, limit: 30 }),
    listReadyProposals(supabase, group.id),
    listProposalsAwaitingDecisions(supabase, group.id),
  ])
  return json(
    {
      group: {
        id: group.id,
        slug: group.slug,
        name: group.name,
        hasThreshold: group.shortlist_supporters !== null,
      },
      note: group.facilitator_note,
      noteUpdatedAt: group.facilitator_note_updated_at,
      listing,
      table: { ...table, rows: table.rows.map((p) => ({ ...p, own: ownProposals.has(p.id) })) },
      boroughs,
      shortlist: { size: shortlist.length, hasOwn: shortlist.some((id) => ownProposals.has(id)) },
      ready: ready.map((p) => ({ ...p, own: ownProposals.has(p.id) })),
      waiting,
      flags,
      pendingRequests: people.filter((p) => p.status === 'pending').length,
      audit: await describeEntries(supabase, audit),
    },
    { headers },
  )
}

/** The shortlist's ids (a few dozen at most): whether there is one to forward, and whether
 * the curator's own proposal is on it (then another facilitator forwards it). */
async function listShortlistIds(supabase: Supabase, groupId: string) {
  const { data, error } = await supabase
    .from('proposals')
    .select('id')
    .eq('group_id', groupId)
    .eq('status', 'shortlisted')
    .limit(200)
  if (error) throw error
  return data.map((row) => row.id)
}

const curationIntents = new Set<string>(['shortlist', 'reopen', 'forward', 'archive', 'merge'])

export async function action({ request, params, context: loadContext }: ActionFunctionArgs) {
  const client = getRequestContext(request, loadContext)
  const { supabase, headers } = client
  const { group } = await requireGroupRole(client, params.slug, curators, refusal)
  const form = await request.formData()
  const intent = String(form.get('intent') ?? '')
  const text = (name: string) => String(form.get(name) ?? '').trim()
  const proposalId = text('proposalId')
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
  const anchor = uuidPattern.test(proposalId) ? proposalAnchor(proposalId) : undefined
  if (bulk) {
    const action = intent === 'bulk-shortlist' ? 'shortlist' : 'archive'
    const result = await transitionMany(supabase, group.id, selected, action, text('reason'))
    return redirectWithFlash(
      consoleReturn(group.slug, back, 'proposals-heading'),
      describeBulkOutcome(action, result),
      headers,
    )
  }
  let outcome
  if (curationIntents.has(intent)) {
    outcome = await transitionProposal(supabase, proposalId, intent as CurationAction, {
      reason: text('reason') || undefined,
      mergeInto: text('mergeInto') || undefined,
    })
  } else if (intent === 'pin' || intent === 'unpin')
    outcome = await setPinned(supabase, proposalId, intent === 'pin')
  else if (intent === 'forward-shortlist')
    outcome = await forwardShortlist(supabase, group.id, text('coverNote'))
  else if (intent === 'note') {
    const refusal = checkGroupNote(text('note'))
    if (refusal)
      return json(
        { step: null, note: { value: text('note'), error: refusal } },
        { status: 400, headers },
      )
    outcome = await updateGroupNote(supabase, group.id, text('note'))
  } else if (intent === 'hide' || intent === 'dismiss')
    outcome = await resolveFlag(supabase, text('flagId'), intent, text('reason') || undefined)
  else if (intent === 'unhide')
    outcome = await unhideContent(supabase, {
      proposalId: proposalId || undefined,
      commentId: text('commentId') || undefined,
    })
  else throw unknownAction(headers)
  // A refused act keeps what was typed: its step again, with the reason.
  if (!outcome.ok && step)
    return json({ step: { ...step, error: outcome.message }, note: null }, { status: 400, headers })
  if (!outcome.ok && intent === 'note')
    return json(
      { step: null, note: { value: text('note'), error: outcome.message } },
      { status: 400, headers },
    )
  return redirectWithOutcome(consoleReturn(group.slug, back, anchor), outcome, headers)
}

export default function Console() {
  const {
    group,
    note,
    noteUpdatedAt,
    listing,
    table,
    boroughs,
    shortlist,
    flags,
    pendingRequests,
    audit,
    ready,
    waiting,
  } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  if (actionData?.step) {
    const { proposalId, back = '' } = actionData.step.fields
    return (
      <ConfirmStep
        step={actionData.step}
        cancelHref={consoleReturn(group.slug, back, proposalId && proposalAnchor(proposalId))}
      />
    )
  }
  const exportQuery = (status: string) => `?${new URLSearchParams({ group: group.slug, status })}`
  return (
    <div className="space-y-12">
      <section aria-labelledby="note-heading">
        <h2 id="note-heading" className="text-xl font-bold">
          Group summary
        </h2>
        <p className="mt-1 text-stone-700">
          A short note on where the group has got to, shown on the group page.
        </p>
        <ConsoleForm className="mt-3 space-y-2">
          <input type="hidden" name="intent" value="note" />
          <TextAreaField
            id="note"
            name="note"
            label={<span className="sr-only">Group summary</span>}
            rows={4}
            maxLength={consoleTextLimits.note}
            defaultValue={actionData?.note?.value ?? note}
            errors={actionData?.note ? [actionData.note.error] : null}
          />
          <div className="flex flex-wrap items-center gap-3">
            <Button type="submit">Save the summary</Button>
            {noteUpdatedAt ? (
              <span className="text-sm text-stone-700">
                Last updated {new Date(noteUpdatedAt).toLocaleDateString('en-GB')}
              </span>
            ) : null}
          </div>
        </ConsoleForm>
      </section>
      <section aria-labelledby="requests-heading">
        <h2 id="requests-heading" className="text-xl font-bold">
          Join requests
        </h2>
        <p className="mt-1">
          {pendingRequests === 0 ? 'No one is waiting. ' : `${pendingRequests} waiting. `}
          <Link
            to={`/groups/${group.slug}/members`}
            className="font-semibold text-brand-700 underline"
          >
            Members and requests
          </Link>
        </p>
      </section>
      <section aria-labelledby="flags-heading">
        <h2 id="flags-heading" className="text-xl font-bold">
          Flags ({flags.length})
        </h2>
        <div className="mt-3">
          <FlagQueue groupSlug={group.slug} targets={flags} />
        </div>
      </section>
      {group.hasThreshold ? <ReadyQueue groupSlug={group.slug} ready={ready} /> : null}
      <section aria-labelledby="curation-heading">
        <h2 id="curation-heading" className="text-xl font-bold">
          Proposals
        </h2>
        <p className="mt-1 text-sm text-stone-700">
          Export the shortlist:{' '}
          <a href={`/review/export.csv${exportQuery('shortlisted')}`} className="underline">
            CSV
          </a>{' '}
          ·{' '}
          <a href={`/review/export.md${exportQuery('shortlisted')}`} className="underline">
            Markdown
          </a>{' '}
          ·{' '}
          <Link to={`/review/print${exportQuery('shortlisted')}`} className="underline">
            print
          </Link>
        </p>
        {shortlist.size ? (
          shortlist.hasOwn ? (
            <p className="mt-2 text-sm text-stone-700">
              Your own proposal is on the shortlist: another facilitator forwards it.
            </p>
          ) : (
            <ConsoleForm className="mt-2">
              <input type="hidden" name="intent" value="forward-shortlist" />
              <Button type="submit">Forward the shortlist to the candidate…</Button>
            </ConsoleForm>
          )
        ) : null}
        <div className="mt-4">
          <ProposalTable
            groupSlug={group.slug}
            rows={table.rows}
            listing={listing}
            byFilter={table.byFilter}
            pages={table.pages}
            total={table.total}
            boroughs={boroughs}
          />
        </div>
      </section>
      <SuggestedChanges groupSlug={group.slug} waiting={waiting} />
      <section aria-labelledby="audit-heading">
        <h2 id="audit-heading" className="text-xl font-bold">
          What facilitators and admins did here
        </h2>
        <div className="mt-3">
          <AuditList entries={audit} />
        </div>
      </section>
    </div>
  )
}
