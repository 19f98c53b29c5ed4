// The facilitators' console for one group: the group summary, join requests, the flags
// queue, curation of the proposals, exports and the group's audit log. Forwarding, archiving,
// merging and hiding take a second step that says what will happen (console-acts.server).
import {
  json,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { AuditList } from '~/components/console/audit-list'
import { CurationList } from '~/components/console/curation-list'
import { FlagQueue } from '~/components/console/flag-queue'
import { ReadyQueue } from '~/components/console/ready-queue'
import { SuggestedChanges } from '~/components/console/suggested-changes'
import { listProposalsAwaitingDecisions } from '~/models/amendment.server'
import { Button } from '~/components/ui/button'
import { ConfirmStep } from '~/components/ui/confirm-step'
import { TextAreaField } from '~/components/ui/field'
import { describeEntries, listAudit } from '~/models/audit.server'
import { checkGroupNote, consoleStep } from '~/models/console-acts.server'
import {
  forwardShortlist,
  listCurationProposals,
  listOwnProposalIds,
  setPinned,
  transitionProposal,
  updateGroupNote,
  type CurationAction,
} from '~/models/curation.server'
import { loadGroupContext } from '~/models/group-context.server'
import { listGroupPeople } from '~/models/group.server'
import { listOpenFlags, resolveFlag, unhideContent } from '~/models/moderation.server'
import { listReadyProposals } from '~/models/shortlist.server'
import { requireUser } from '~/utils/auth.server'
import { consoleTextLimits } from '~/utils/console-limits'
import { redirectWithFlash } from '~/utils/flash.server'
import { createSupabaseServerClient, loaderSupabase } from '~/utils/supabase.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Console · ${data.group.name} · Policy Forum` : 'Policy Forum' },
]

async function requireCurator(
  request: Request,
  slug: string | undefined,
  client = createSupabaseServerClient(request),
) {
  const user = await requireUser(request, client)
  const context = await loadGroupContext(client.supabase, slug, client.headers)
  if (!context.canCurate)
    throw new Response('Only the group’s facilitators and admins can use its console.', {
      status: 403,
      headers: client.headers,
    })
  return { ...client, group: context.group, user }
}

export async function loader({ request, params, context: loadContext }: LoaderFunctionArgs) {
  const { supabase, headers, group, user } = await requireCurator(
    request,
    params.slug,
    loaderSupabase(request, loadContext),
  )
  const ownProposals = await listOwnProposalIds(supabase, user.id)
  const [proposals, flags, people, audit, ready, waiting] = await Promise.all([
    listCurationProposals(supabase, group.id),
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
      proposals: proposals.map((p) => ({ ...p, own: ownProposals.has(p.id) })),
      ready: ready.map((p) => ({ ...p, own: ownProposals.has(p.id) })),
      waiting,
      flags,
      pendingRequests: people.filter((p) => p.status === 'pending').length,
      audit: await describeEntries(supabase, audit),
    },
    { headers },
  )
}

const curationIntents = new Set<string>(['shortlist', 'reopen', 'forward', 'archive', 'merge'])

export async function action({ request, params }: ActionFunctionArgs) {
  const { supabase, headers, group } = await requireCurator(request, params.slug)
  const form = await request.formData()
  const intent = String(form.get('intent') ?? '')
  const text = (name: string) => String(form.get(name) ?? '').trim()
  const proposalId = text('proposalId')
  const step = await consoleStep(supabase, group.id, intent, text)
  if (step && (text('confirmed') !== 'yes' || step.text?.error))
    return json({ step, note: null }, { status: step.text?.error ? 400 : 200, headers })
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
  else throw new Response('Unknown action.', { status: 400, headers })
  // A refused act keeps what was typed: its step again, with the reason.
  if (!outcome.ok && step)
    return json({ step: { ...step, error: outcome.message }, note: null }, { status: 400, headers })
  if (!outcome.ok && intent === 'note')
    return json(
      { step: null, note: { value: text('note'), error: outcome.message } },
      { status: 400, headers },
    )
  return redirectWithFlash(
    `/groups/${group.slug}/console`,
    { kind: outcome.ok ? 'success' : 'error', message: outcome.message },
    headers,
  )
}

export default function Console() {
  const { group, note, noteUpdatedAt, proposals, flags, pendingRequests, audit, ready, waiting } =
    useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  if (actionData?.step)
    return <ConfirmStep step={actionData.step} cancelHref={`/groups/${group.slug}/console`} />
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
        <Form method="post" className="mt-3 space-y-2">
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
        </Form>
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
        <div className="mt-4">
          <CurationList groupSlug={group.slug} rows={proposals} />
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
