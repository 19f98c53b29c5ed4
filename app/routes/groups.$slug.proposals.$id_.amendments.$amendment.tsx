// One suggested change: its comparison with the text, its reason and status; members support
// it, the proposal's authors accept or decline it. Rendered on the server, plain forms.
import {
  json,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { AmendmentStatusLabel } from '~/components/amendments-section'
import { RoleBadge } from '~/components/role-badge'
import { Button } from '~/components/ui/button'
import { TextAreaField } from '~/components/ui/field'
import { WordDiffLegend, WordDiffView } from '~/components/word-diff-view'
import { loadAmendmentPage } from '~/models/amendment-page.server'
import { loadProposalContext } from '~/models/proposal-context.server'
import { runAmendmentIntent } from '~/models/amendment-intents.server'
import { REASON_MAX_LENGTH } from '~/utils/amendment-limits'
import { longDate } from '~/utils/dates'
import { redirectWithFlash } from '~/utils/flash.server'
import { requireUser } from '~/models/permissions.server'
import { getRequestContext } from '~/utils/request-context.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data
      ? `Change suggested by ${data.amendment.suggester} to ${data.proposal.title} · Policy Forum`
      : 'Policy Forum',
  },
]

export async function loader({ request, params, context: loadContext }: LoaderFunctionArgs) {
  const { supabase, headers } = getRequestContext(request, loadContext)
  const context = await loadProposalContext(supabase, params.slug, params.id, headers)
  const amendment = await loadAmendmentPage(supabase, context, params.amendment)
  return json(
    {
      group: { slug: context.group.slug },
      proposal: { id: context.proposal.id, title: context.proposal.title },
      amendment,
      signedIn: Boolean(context.user),
    },
    { headers },
  )
}

export async function action({ request, params, context: loadContext }: ActionFunctionArgs) {
  const client = getRequestContext(request, loadContext)
  const user = await requireUser(client)
  const context = await loadProposalContext(client.supabase, params.slug, params.id, client.headers)
  const amendment = await loadAmendmentPage(client.supabase, context, params.amendment)
  const formData = await request.formData()
  const outcome = await runAmendmentIntent(client.supabase, {
    amendmentId: amendment.id,
    userId: user.id,
    formData,
  })
  if (!outcome.ok)
    return json(
      {
        message: outcome.message,
        field: outcome.field ?? null,
        decisionReason: String(formData.get('decisionReason') ?? ''),
      },
      { status: outcome.status, headers: client.headers },
    )
  return redirectWithFlash(
    new URL(request.url).pathname,
    { kind: 'success', message: outcome.message },
    client.headers,
  )
}

export default function AmendmentPage() {
  const { group, proposal, amendment: a, signedIn } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const busy = navigation.state === 'submitting'
  const back = `/groups/${group.slug}/proposals/${proposal.id}`
  const reasonError = actionData?.field === 'decisionReason' ? [actionData.message] : null
  return (
    <div className="max-w-3xl space-y-6">
      <div>
        <p>
          <Link to={`${back}#amendments-heading`} className="text-brand-700 underline">
            Back to the proposal
          </Link>
        </p>
        <h2 className="mt-2 text-2xl font-bold">Suggested change to “{proposal.title}”</h2>
        <p className="mt-2 flex flex-wrap items-center gap-2 text-stone-700">
          <AmendmentStatusLabel status={a.status} outdated={a.outdated} />
          <span>
            By {a.suggester}
            <RoleBadge badge={a.suggesterBadge} /> on{' '}
            <time dateTime={a.createdAt}>{longDate(a.createdAt)}</time>, based on version{' '}
            {a.baseVersion} · {a.supporters} {a.supporters === 1 ? 'supporter' : 'supporters'}
          </span>
        </p>
      </div>
      {actionData && !reasonError ? (
        <p role="alert" className="rounded-md border border-red-700 bg-red-50 p-3 text-red-800">
          {actionData.message}
        </p>
      ) : null}
      {a.outdated ? (
        <p className="rounded-md border border-amber-500 bg-amber-50 p-3">
          Outdated: this was suggested against version {a.baseVersion}, and the proposal is now at
          version {a.currentVersion}. The comparison below is with the current text, so it also
          shows what changed since. Accepting it replaces the current text with this suggestion.
        </p>
      ) : null}
      {a.status === 'accepted' ? (
        <p className="rounded-md border border-green-700 bg-green-50 p-3">
          Accepted by {a.decider ?? 'an author'}
          {a.decidedAt ? ` on ${longDate(a.decidedAt)}` : ''}: it became{' '}
          <Link to={`${back}/history?to=${a.acceptedVersion}`} className="text-brand-700 underline">
            version {a.acceptedVersion}
          </Link>
          .{a.decisionReason ? ` “${a.decisionReason}”` : ''}
        </p>
      ) : null}
      {a.status === 'declined' ? (
        <p className="rounded-md border border-stone-300 bg-stone-100 p-3">
          Declined by {a.decider ?? 'an author'}
          {a.decidedAt ? ` on ${longDate(a.decidedAt)}` : ''}: {a.decisionReason}
        </p>
      ) : null}
      <section aria-labelledby="reason-heading">
        <h3 id="reason-heading" className="text-xl font-bold">
          Why this change
        </h3>
        <p className="mt-2 whitespace-pre-wrap">{a.reason}</p>
      </section>
      <section aria-labelledby="change-heading">
        <h3 id="change-heading" className="text-xl font-bold">
          The change
        </h3>
        <p className="mt-2 text-sm text-stone-700">
          {a.outdated
            ? `The current text (version ${a.currentVersion}) compared with the suggestion. `
            : `Version ${a.baseVersion} compared with the suggestion. `}
          <WordDiffLegend />
        </p>
        <WordDiffView diff={a.diff} sameText="The suggestion has the same text." />
      </section>
      {a.canSupport ? (
        <Form method="post">
          <input type="hidden" name="intent" value={a.supported ? 'withdraw' : 'support'} />
          <Button type="submit" variant="secondary" disabled={busy} pending={busy}>
            {a.supported ? 'Withdraw my support' : 'Support this suggestion'}
          </Button>
        </Form>
      ) : a.status === 'open' && !a.canDecide && !a.isSuggester ? (
        <p className="text-stone-700">
          {signedIn
            ? 'Members of the group can support suggestions.'
            : 'Sign in and join the group to support suggestions.'}
        </p>
      ) : null}
      {a.canDecide ? (
        <section aria-labelledby="decide-heading" className="space-y-4">
          <h3 id="decide-heading" className="text-xl font-bold">
            Your decision as an author
          </h3>
          <Form method="post">
            <input type="hidden" name="intent" value="accept" />
            <Button type="submit" disabled={busy} pending={busy}>
              Accept this change
            </Button>
          </Form>
          <Form method="post" className="space-y-3">
            <input type="hidden" name="intent" value="decline" />
            <TextAreaField
              id="decisionReason"
              name="decisionReason"
              label="Why decline it?"
              hint="The suggester is told, and everyone can read it here."
              rows={3}
              maxLength={REASON_MAX_LENGTH}
              defaultValue={actionData?.decisionReason ?? ''}
              errors={reasonError}
            />
            <Button type="submit" variant="secondary" disabled={busy} pending={busy}>
              Decline this change
            </Button>
          </Form>
        </section>
      ) : null}
    </div>
  )
}
