import {
  json,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { CoauthorChooser } from '~/components/coauthor-chooser'
import { DraftingAdvice, type DraftingGroup } from '~/components/drafting-advice'
import { ProposalForm } from '~/components/proposal-form'
import { TextBack } from '~/components/text-back'
import { Button } from '~/components/ui/button'
import { emptyDocument } from '~/editor/document'
import { loadGroupContext } from '~/models/group-context.server'
import { inviteCoauthors } from '~/models/coauthor-invitation.server'
import { findMembers } from '~/models/member-finder.server'
import { createDraft } from '~/models/proposal.server'
import { publishOrCompare } from '~/models/similar-proposals.server'
import { setFlash } from '~/utils/flash.server'
import { readCoauthorChoice } from '~/utils/coauthor-choice.server'
import { combineHeaders } from '~/utils/http.server'
import type { FoundMember } from '~/utils/member-finder'
import { readProposalForm } from '~/utils/proposal-form.server'
import { requireUser } from '~/models/permissions.server'
import { getRequestContext, type RequestContext } from '~/utils/request-context.server'

export const meta: MetaFunction = () => [
  { title: 'Write a proposal · Policy Forum' },
  { name: 'description', content: 'Draft a proposal for your policy group, then publish it.' },
]

// Not being allowed to propose here is not an error page: a member whose save was refused
// must still see the text they wrote, so the page stays and says why.
async function loadProposer(client: RequestContext, slug: string | undefined) {
  const user = await requireUser(client)
  const context = await loadGroupContext(client.supabase, slug, client.headers)
  const refusal = context.group.archived_at
    ? 'This group is archived and takes no new proposals.'
    : !context.isActiveMember
      ? 'Only members of this group can write proposals in it. Join the group first.'
      : null
  return { ...client, user, group: context.group, refusal }
}

export async function loader({ request, params, context: loadContext }: LoaderFunctionArgs) {
  const { headers, group, user, refusal } = await loadProposer(
    getRequestContext(request, loadContext),
    params.slug,
  )
  const advice: DraftingGroup = {
    name: group.name,
    facilitatorNote: group.facilitator_note,
    facilitatorNoteUpdatedAt: group.facilitator_note_updated_at,
    shortlistSupporters: group.shortlist_supporters,
    shortlistBoroughs: group.shortlist_boroughs,
  }
  return json(
    {
      group: { id: group.id, slug: group.slug, name: group.name },
      advice,
      userId: user.id,
      refusal,
    },
    { status: refusal ? 403 : 200, headers },
  )
}

export async function action({ request, params, context: loadContext }: ActionFunctionArgs) {
  const { supabase, headers, group, refusal } = await loadProposer(
    getRequestContext(request, loadContext),
    params.slug,
  )
  const formData = await request.formData()
  const intent = formData.get('intent')
  const publish = intent === 'publish'
  const form = readProposalForm(formData, { requireBody: publish })
  const choice = readCoauthorChoice(formData)
  const coauthors = { ...choice, found: [] as FoundMember[] }
  if (refusal) {
    const result = form.ok ? form.submission.reply({ formErrors: [refusal] }) : form.reply
    return json({ result, values: form.values, coauthors }, { status: 403, headers })
  }
  // Without JavaScript, "Find" sends the whole form: it comes back as it was, with the members
  // found, and nothing is saved.
  if (intent === 'find-coauthors') {
    const found = await findMembers(supabase, { query: choice.query, groupId: group.id })
    return json(
      { result: null, values: form.values, coauthors: { ...coauthors, found } },
      { headers },
    )
  }
  if (!form.ok || choice.error)
    return json(
      { result: form.ok ? null : form.reply, values: form.values, coauthors },
      { status: 400, headers },
    )
  const created = await createDraft(supabase, group.id, form.values)
  if (!created.ok) {
    return json(
      {
        result: form.submission.reply({ formErrors: [created.message] }),
        values: form.values,
        coauthors,
      },
      { status: 400, headers },
    )
  }
  const data = created.value
  const invited = await inviteCoauthors(supabase, data.id, choice.chosen)
  let message = `Draft saved. Only you${invited.sent ? ' and the co-authors you invited' : ''} can see it.`
  if (invited.refused) message += ` ${invited.refused}`
  let to = `/groups/${group.slug}/proposals/${data.id}`
  if (publish) {
    const outcome = await publishOrCompare(supabase, {
      id: data.id,
      title: form.values.title,
      groupId: group.id,
      groupSlug: group.slug,
    })
    message = invited.refused ? `${outcome.message} ${invited.refused}` : outcome.message
    if (outcome.kind === 'compare') to = outcome.to
  }
  const flash = await setFlash({ kind: 'success', message })
  return redirect(to, {
    headers: combineHeaders(headers, { 'Set-Cookie': flash }),
  })
}

export default function NewProposal() {
  const { group, advice, userId, refusal } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const busy = navigation.state === 'submitting'
  if (refusal)
    return <Refused refusal={refusal} groupSlug={group.slug} values={actionData?.values ?? null} />
  return (
    <div className="grid gap-8 lg:grid-cols-[minmax(0,48rem)_18rem]">
      <div>
        <h2 className="text-2xl font-bold">Write a proposal</h2>
        <p className="mt-1 text-stone-700">
          Save it as a draft first if you like: only you and the co-authors you add can see a draft.
          Publish it when it is ready for the group to discuss.{' '}
          <a href="#advice" className="text-brand-700 underline lg:hidden">
            Advice for writing in {group.name}
          </a>
        </p>
        <div className="mt-6">
          <ProposalForm
            lastResult={actionData?.result}
            values={actionData?.values ?? { title: '', summary: '', body: emptyDocument }}
            version={null}
            draftKey={`new-proposal:${group.id}:${userId}`}
            similarIn={{ groupSlug: group.slug }}
            fields={
              <CoauthorChooser
                groupId={group.id}
                viewerId={userId}
                initial={actionData?.coauthors ?? null}
              />
            }
            actions={
              <>
                <Button
                  type="submit"
                  name="intent"
                  value="draft"
                  variant="secondary"
                  disabled={busy}
                >
                  Save as draft
                </Button>
                <Button type="submit" name="intent" value="publish" disabled={busy} pending={busy}>
                  Publish for discussion
                </Button>
              </>
            }
          />
        </div>
      </div>
      <div className="lg:sticky lg:top-4 lg:self-start">
        <DraftingAdvice group={advice} />
      </div>
    </div>
  )
}

function Refused({
  refusal,
  groupSlug,
  values,
}: {
  refusal: string
  groupSlug: string
  values: { title: string; summary: string; body: unknown } | null
}) {
  return (
    <div className="max-w-3xl space-y-4">
      <h2 className="text-2xl font-bold">You cannot write a proposal here</h2>
      <p className="text-stone-700">
        {refusal}{' '}
        <Link to={`/groups/${groupSlug}`} className="text-brand-700 underline">
          Back to the group
        </Link>
      </p>
      {values ? <TextBack values={values} message="Your proposal was not saved." /> : null}
    </div>
  )
}
