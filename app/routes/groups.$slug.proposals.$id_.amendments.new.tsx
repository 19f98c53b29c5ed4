// Suggesting a change to a proposal: the editor opens on its current text; the member rewrites
// it and says why. Postgres decides whether they may (standing, not an author, open proposal).
import {
  json,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { Button } from '~/components/ui/button'
import { ErrorList, FormErrors, TextAreaField } from '~/components/ui/field'
import { ProposalEditor } from '~/editor/proposal-editor'
import { loadAmendmentSection } from '~/models/amendment-section.server'
import { suggestAmendment } from '~/models/amendment.server'
import { loadProposalContext } from '~/models/proposal-context.server'
import { readAmendmentForm } from '~/utils/amendment-form.server'
import { REASON_MAX_LENGTH } from '~/utils/amendment-limits'
import { redirectWithOutcome } from '~/utils/flash.server'
import { requireUser } from '~/models/permissions.server'
import { getRequestContext, type RequestContext } from '~/utils/request-context.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Suggest a change to ${data.proposal.title} · Policy Forum` : 'Policy Forum' },
]

async function loadSuggesting(
  request: Request,
  params: LoaderFunctionArgs['params'],
  client: RequestContext,
) {
  await requireUser(client)
  const context = await loadProposalContext(client.supabase, params.slug, params.id, client.headers)
  const section = await loadAmendmentSection(client.supabase, context)
  return { context, blocker: section ? section.suggestBlocker : 'This proposal is a draft.' }
}

export async function loader({ request, params, context: loadContext }: LoaderFunctionArgs) {
  const client = getRequestContext(request, loadContext)
  const { context, blocker } = await loadSuggesting(request, params, client)
  const { proposal, group } = context
  return json(
    {
      group: { slug: group.slug },
      proposal: {
        id: proposal.id,
        title: proposal.title,
        body: proposal.body,
        version: proposal.version,
      },
      blocker,
    },
    { headers: client.headers },
  )
}

export async function action({ request, params, context: loadContext }: ActionFunctionArgs) {
  const client = getRequestContext(request, loadContext)
  const { context } = await loadSuggesting(request, params, client)
  const form = readAmendmentForm(await request.formData())
  if (!form.ok)
    return json(
      { values: form.values, errors: form.errors, formError: null },
      { status: 400, headers: client.headers },
    )
  const outcome = await suggestAmendment(client.supabase, {
    proposalId: context.proposal.id,
    ...form.values,
  })
  if (!outcome.ok)
    return json(
      { values: form.values, errors: form.errors, formError: outcome.message },
      { status: outcome.status ?? 400, headers: client.headers },
    )
  const here = `/groups/${context.group.slug}/proposals/${context.proposal.id}`
  return redirectWithOutcome(`${here}/amendments/${outcome.value.id}`, outcome, client.headers)
}

export default function SuggestAmendment() {
  const { group, proposal, blocker } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const busy = navigation.state === 'submitting'
  const back = `/groups/${group.slug}/proposals/${proposal.id}`
  const bodyErrors = actionData?.errors.body ?? null
  return (
    <div className="max-w-3xl space-y-6">
      <div>
        <p>
          <Link to={back} className="text-brand-700 underline">
            Back to the proposal
          </Link>
        </p>
        <h2 className="mt-2 text-2xl font-bold">Suggest a change to “{proposal.title}”</h2>
        <p className="mt-1 text-stone-700">
          Rewrite the text as you think it should read. Everyone will see your suggestion as a
          comparison with the current text, with your reason; members can support it, and the
          authors accept or decline it.
        </p>
      </div>
      {blocker && !actionData ? (
        <p className="rounded-md border border-stone-300 bg-stone-100 p-3">{blocker}</p>
      ) : (
        <Form method="post" className="space-y-6">
          <FormErrors
            id="suggestion-errors"
            errors={actionData?.formError ? [actionData.formError] : null}
          />
          <div>
            <span id="body-label" className="block font-semibold text-stone-900">
              The text you suggest
            </span>
            <p id="body-hint" className="text-sm text-stone-600">
              It starts as version {proposal.version} of the proposal. Up to 20,000 characters.
            </p>
            <div className="mt-1">
              <ProposalEditor
                id="body"
                name="body"
                textName="bodyText"
                initialDocument={actionData?.values.body ?? proposal.body}
                draftKey={`amendment:${proposal.id}`}
                draftBaseVersion={proposal.version}
                labelledBy="body-label"
                describedBy={bodyErrors ? 'body-hint body-errors' : 'body-hint'}
                invalid={Boolean(bodyErrors)}
              />
            </div>
            <ErrorList id="body-errors" errors={bodyErrors} />
          </div>
          <TextAreaField
            id="reason"
            name="reason"
            label="Why this change?"
            hint="The authors and other members read this beside your change."
            rows={4}
            maxLength={REASON_MAX_LENGTH}
            defaultValue={actionData?.values.reason ?? ''}
            errors={actionData?.errors.reason}
          />
          <Button type="submit" disabled={busy} pending={busy}>
            Send my suggestion
          </Button>
        </Form>
      )}
    </div>
  )
}
