// The facilitators' console for one group: the group summary, join requests, the flags
// queue, curation of the proposals, exports and the group's audit log. Forwarding, archiving,
// merging and hiding take a second step that says what will happen (console-acts.server).
import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
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
import {
  countBoroughs,
  listConsoleProposals,
  listOwnProposalIds,
  listShortlistIds,
} from '~/models/curation.server'
import { listGroupPeople } from '~/models/group.server'
import { listOpenFlags } from '~/models/moderation.server'
import { listReadyProposals } from '~/models/shortlist.server'
import { consoleReturn, parseConsoleListing, proposalAnchor } from '~/utils/console-listing'
import { consoleTextLimits } from '~/utils/console-limits'
import { consolePageAction, consoleRefusal } from '~/models/console-page-actions.server'
import { curators, requireGroupRole } from '~/models/permissions.server'
import { getRequestContext } from '~/utils/request-context.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Console · ${data.group.name} · Policy Forum` : 'Policy Forum' },
  {
    name: 'description',
    content: data
      ? `Curate ${data.group.name}: reports to decide, proposals to shortlist and forward.`
      : 'A policy group’s console.',
  },
]

export async function loader({ request, params, context: loadContext }: LoaderFunctionArgs) {
  const client = getRequestContext(request, loadContext)
  const { supabase, headers } = client
  const { group, user } = await requireGroupRole(client, params.slug, curators, consoleRefusal)
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

export const action = consolePageAction

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
