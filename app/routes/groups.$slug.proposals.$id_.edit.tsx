// Editing a proposal. A save carries the version it started from; if someone saved since,
// the answer is 409 with both texts, and nothing the member typed is lost (the action is in
// models/proposal-edit-actions.server.ts).
import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { ConflictNotice } from '~/components/conflict-notice'
import { TextBack } from '~/components/text-back'
import { CoauthorPanel } from '~/components/coauthor-panel'
import { ProposalForm } from '~/components/proposal-form'
import { Button } from '~/components/ui/button'
import { findMembers } from '~/models/member-finder.server'
import { loadEditor, proposalEditAction } from '~/models/proposal-edit-actions.server'
import { noLongerEditable } from '~/utils/proposal-form'
import { getRequestContext } from '~/utils/request-context.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Edit ${data.proposal.title} · Policy Forum` : 'Policy Forum' },
  { name: 'description', content: 'Edit a proposal: its title, summary and text.' },
]

export async function loader({ request, params, context: loadContext }: LoaderFunctionArgs) {
  const { supabase, headers, context } = await loadEditor(
    getRequestContext(request, loadContext),
    params,
  )
  const { proposal, group } = context
  const query = new URL(request.url).searchParams.get('q') ?? ''
  const results =
    context.canEdit && context.isMainAuthor
      ? await findMembers(supabase, { query, groupId: group.id })
      : []
  return json(
    {
      group: { id: group.id, slug: group.slug, name: group.name },
      proposal: {
        id: proposal.id,
        title: proposal.title,
        summary: proposal.summary,
        body: proposal.body,
        version: proposal.version,
        status: proposal.status,
        authors: proposal.authors,
      },
      isMainAuthor: context.isMainAuthor,
      canEdit: context.canEdit,
      coauthorSearch: { query, results },
    },
    { headers },
  )
}

export const action = proposalEditAction

export default function EditProposal() {
  const { group, proposal, isMainAuthor, coauthorSearch, canEdit } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  if (!canEdit)
    return <NotEditable group={group} proposal={proposal} values={actionData?.values ?? null} />
  const busy = navigation.state === 'submitting'
  const conflict = actionData?.conflict ?? null
  const version = conflict ? conflict.version : proposal.version
  return (
    <div className="max-w-3xl space-y-8">
      <div>
        <p>
          <Link
            to={`/groups/${group.slug}/proposals/${proposal.id}`}
            className="text-brand-700 underline"
          >
            Back to the proposal
          </Link>
        </p>
        <h2 className="mt-2 text-2xl font-bold">Edit “{proposal.title}”</h2>
        {proposal.status !== 'draft' ? (
          <p className="mt-1 text-stone-700">
            This proposal is published: every saved change is kept in its public history.
          </p>
        ) : null}
      </div>
      {conflict ? <ConflictNotice current={conflict} /> : null}
      <ProposalForm
        key={version}
        lastResult={actionData?.result}
        values={
          actionData?.values ?? {
            title: proposal.title,
            summary: proposal.summary,
            body: proposal.body,
          }
        }
        version={version}
        draftKey={`proposal:${proposal.id}`}
        askChangeNote={proposal.status !== 'draft'}
        similarIn={
          proposal.status === 'draft' ? { groupSlug: group.slug, exclude: proposal.id } : null
        }
        actions={
          <>
            <Button
              type="submit"
              name="intent"
              value="save"
              variant={proposal.status === 'draft' ? 'secondary' : 'primary'}
              disabled={busy}
              pending={busy}
            >
              {conflict ? 'Save my merged text' : 'Save changes'}
            </Button>
            {proposal.status === 'draft' ? (
              <Button type="submit" name="intent" value="save-publish" disabled={busy}>
                Save and publish
              </Button>
            ) : null}
          </>
        }
      />
      <CoauthorPanel
        authors={proposal.authors}
        canManage={isMainAuthor}
        groupId={group.id}
        query={coauthorSearch.query}
        results={coauthorSearch.results}
      />
    </div>
  )
}

function NotEditable({
  group,
  proposal,
  values,
}: {
  group: { slug: string }
  proposal: { id: string; title: string; status: string }
  values: { title: string; summary: string; body: unknown } | null
}) {
  const here = `/groups/${group.slug}/proposals/${proposal.id}`
  return (
    <div className="max-w-3xl space-y-4">
      <h2 className="text-2xl font-bold">“{proposal.title}” can no longer be edited</h2>
      {proposal.status === 'shortlisted' ? (
        <p className="text-stone-700">
          It is on the shortlist: from now on only the group’s facilitators edit it, so that what
          members backed stays what goes to the candidate. It can still improve through changes
          members suggest, which its authors accept or decline on{' '}
          <Link to={here} className="text-brand-700 underline">
            the proposal’s page
          </Link>
          .
        </p>
      ) : (
        <p className="text-stone-700">
          It may have moved on (to the candidate) or its group may be archived.{' '}
          <Link to={here} className="text-brand-700 underline">
            Back to the proposal
          </Link>
        </p>
      )}
      {values ? <TextBack values={values} message={noLongerEditable} /> : null}
    </div>
  )
}
