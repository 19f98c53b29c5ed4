// Editing a proposal. A save carries the version it started from; if someone saved since,
// the answer is 409 with both texts, and nothing the member typed is lost.
import {
  json,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { ConflictNotice } from '~/components/conflict-notice'
import { TextBack } from '~/components/text-back'
import { CoauthorPanel } from '~/components/coauthor-panel'
import { ProposalForm } from '~/components/proposal-form'
import { Button } from '~/components/ui/button'
import { renderProposalHtml } from '~/editor/render.server'
import { findMembers } from '~/models/member-finder.server'
import { loadProposalContext } from '~/models/proposal-context.server'
import {
  addCoauthor,
  getProposal,
  listRevisions,
  removeCoauthor,
  saveProposal,
} from '~/models/proposal.server'
import { describeDbError } from '~/utils/db-errors.server'
import { redirectWithFlash, setFlash } from '~/utils/flash.server'
import { combineHeaders } from '~/utils/http.server'
import { publishOrCompare } from '~/models/similar-proposals.server'
import { readProposalForm } from '~/utils/proposal-form.server'
import { requireUser } from '~/models/permissions.server'
import { getRequestContext, type RequestContext } from '~/utils/request-context.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Edit ${data.proposal.title} · Policy Forum` : 'Policy Forum' },
]

// Not editable is not an error page: a member whose save was refused must still see the
// text they wrote, so the page stays and says why.
async function loadEditor(client: RequestContext, params: LoaderFunctionArgs['params']) {
  await requireUser(client)
  const context = await loadProposalContext(client.supabase, params.slug, params.id, client.headers)
  return { ...client, context }
}

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

const noLongerEditable = 'This proposal can no longer be edited, so your changes were not saved.'

export async function action({ request, params, context: loadContext }: ActionFunctionArgs) {
  const { supabase, headers, context } = await loadEditor(
    getRequestContext(request, loadContext),
    params,
  )
  const { proposal, group } = context
  const here = `/groups/${group.slug}/proposals/${proposal.id}`
  const formData = await request.formData()
  const intent = formData.get('intent')
  if (intent === 'add-coauthor' || intent === 'remove-coauthor') {
    const userId = String(formData.get('userId') ?? '')
    const { data, error } =
      intent === 'add-coauthor'
        ? await addCoauthor(supabase, proposal.id, userId)
        : await removeCoauthor(supabase, proposal.id, userId)
    const ok = !error && Boolean(data?.length)
    const message = ok
      ? intent === 'add-coauthor'
        ? 'Invitation sent: they become a co-author when they accept.'
        : 'Removed from the authors.'
      : error
        ? describeDbError(error)
        : 'Nothing changed.'
    return redirectWithFlash(`${here}/edit`, { kind: ok ? 'success' : 'error', message }, headers)
  }
  const publish = intent === 'save-publish' && proposal.status === 'draft'
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
