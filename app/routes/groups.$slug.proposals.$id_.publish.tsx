// Before publishing a draft: the group's proposals most like it, most similar first, with
// "support this one instead" and "suggest a change to it"; or publish it anyway. Plain forms.
import {
  json,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Form, Link, useLoaderData, useNavigation } from '@remix-run/react'
import { StatusBadge } from '~/components/status-badge'
import { BODY_PUBLISH_MIN, SUMMARY_PUBLISH_MIN } from '~/editor/document'
import { renderProposalHtml } from '~/editor/render.server'
import { Button, buttonClass } from '~/components/ui/button'
import { castVote } from '~/models/discussion.server'
import { loadProposalContext } from '~/models/proposal-context.server'
import { publishProposal } from '~/models/proposal.server'
import { findSimilarProposals } from '~/models/similar-proposals.server'
import { redirectWithFlash, redirectWithOutcome } from '~/utils/flash.server'
import { requireUser } from '~/models/permissions.server'
import { getRequestContext, type RequestContext } from '~/utils/request-context.server'
import { unknownAction } from '~/utils/http.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Before you publish ${data.proposal.title} · Policy Forum` : 'Policy Forum' },
]

async function loadDraft(
  request: Request,
  params: LoaderFunctionArgs['params'],
  client: RequestContext,
) {
  const user = await requireUser(client)
  const context = await loadProposalContext(client.supabase, params.slug, params.id, client.headers)
  const here = `/groups/${context.group.slug}/proposals/${context.proposal.id}`
  // Only a draft its author can publish has this step; anyone else goes to the proposal.
  if (!context.canPublish) throw redirect(here, { headers: client.headers })
  return { user, context, here }
}

/** What the draft still lacks before it may be published (Postgres refuses it the same way). */
function missingForPublishing(summary: string, bodyText: string) {
  const missing: string[] = []
  if (summary.trim().length < SUMMARY_PUBLISH_MIN)
    missing.push(
      `A summary of at least ${SUMMARY_PUBLISH_MIN} characters: one sentence that says what you propose (yours has ${summary.trim().length}).`,
    )
  if (bodyText.length < BODY_PUBLISH_MIN)
    missing.push(
      `At least ${BODY_PUBLISH_MIN} characters in the proposal itself, about two sentences (yours has ${bodyText.length}).`,
    )
  return missing
}

export async function loader({ request, params, context: loadContext }: LoaderFunctionArgs) {
  const client = getRequestContext(request, loadContext)
  const { context, here } = await loadDraft(request, params, client)
  const { proposal, group } = context
  const [similar, text] = await Promise.all([
    findSimilarProposals(client.supabase, group.id, proposal.title, proposal.id),
    client.supabase.from('proposals').select('body_text').eq('id', proposal.id).single(),
  ])
  if (text.error) throw text.error
  return json(
    {
      group: { slug: group.slug, name: group.name },
      proposal: { id: proposal.id, title: proposal.title, summary: proposal.summary },
      bodyHtml: renderProposalHtml(proposal.body),
      missing: missingForPublishing(proposal.summary, text.data.body_text),
      here,
      similar: similar.map((s) => ({
        id: s.id,
        title: s.title,
        summary: s.summary,
        status: s.status,
        supporters: s.support_count,
      })),
    },
    { headers: client.headers },
  )
}

export async function action({ request, params, context: loadContext }: ActionFunctionArgs) {
  const client = getRequestContext(request, loadContext)
  const { user, context, here } = await loadDraft(request, params, client)
  const formData = await request.formData()
  switch (formData.get('intent')) {
    case 'publish': {
      const outcome = await publishProposal(client.supabase, context.proposal.id)
      return redirectWithOutcome(here, outcome, client.headers)
    }
    case 'support-instead': {
      const otherId = String(formData.get('proposalId') ?? '')
      const similar = await findSimilarProposals(
        client.supabase,
        context.group.id,
        context.proposal.title,
        context.proposal.id,
      )
      const other = similar.find((s) => s.id === otherId)
      if (!other)
        return redirectWithFlash(
          `${here}/publish`,
          { kind: 'error', message: 'That proposal is no longer open for support.' },
          client.headers,
        )
      const outcome = await castVote(client.supabase, other.id, user.id, 1)
      if (!outcome.ok)
        return redirectWithFlash(
          `${here}/publish`,
          { kind: 'error', message: outcome.message },
          client.headers,
        )
      return redirectWithFlash(
        `/groups/${context.group.slug}/proposals/${other.id}`,
        {
          kind: 'success',
          message: `You support “${other.title}”. Your own draft is kept as a draft: publish or delete it whenever you like.`,
        },
        client.headers,
      )
    }
    default:
      throw unknownAction(client.headers)
  }
}

export default function BeforePublishing() {
  const { group, proposal, bodyHtml, missing, here, similar } = useLoaderData<typeof loader>()
  const navigation = useNavigation()
  const busy = navigation.state === 'submitting'
  return (
    <div className="max-w-3xl space-y-6">
      <div>
        <p>
          <Link to={here} className="text-brand-700 underline">
            Back to your draft
          </Link>
        </p>
        <h2 className="mt-2 text-2xl font-bold">Before you publish “{proposal.title}”</h2>
        <p className="mt-1 text-stone-700">
          {similar.length
            ? `These proposals in ${group.name} look like yours. If one already says what you want, support it or suggest a change to it: together, one proposal carries more weight than two.`
            : `No proposal in ${group.name} looks like yours.`}
        </p>
      </div>
      {similar.length ? (
        <ol
          aria-label="Similar proposals, most similar first"
          className="divide-y divide-stone-200 rounded-xl border border-stone-300 bg-white"
        >
          {similar.map((s) => (
            <li key={s.id} className="space-y-2 p-4">
              <div className="flex flex-wrap items-center gap-2">
                <StatusBadge status={s.status} />
                <Link
                  to={`/groups/${group.slug}/proposals/${s.id}`}
                  className="font-semibold text-brand-700 underline"
                >
                  {s.title}
                </Link>
              </div>
              {s.summary ? <p className="text-stone-800">{s.summary}</p> : null}
              <p className="text-sm text-stone-700">
                {s.supporters} {s.supporters === 1 ? 'supporter' : 'supporters'}
              </p>
              <div className="flex flex-wrap items-center gap-3">
                <Form method="post">
                  <input type="hidden" name="intent" value="support-instead" />
                  <input type="hidden" name="proposalId" value={s.id} />
                  <Button
                    type="submit"
                    variant="secondary"
                    disabled={busy}
                    aria-label={`Support this one instead: ${s.title}`}
                  >
                    Support this one instead
                  </Button>
                </Form>
                <Link
                  to={`/groups/${group.slug}/proposals/${s.id}/amendments/new`}
                  className={buttonClass('link')}
                  aria-label={`Suggest a change to it: ${s.title}`}
                >
                  Suggest a change to it
                </Link>
              </div>
            </li>
          ))}
        </ol>
      ) : null}
      <section aria-labelledby="preview-heading">
        <h3 id="preview-heading" className="text-xl font-bold">
          How members will see it
        </h3>
        <article className="mt-3 rounded-xl border border-stone-300 bg-white p-5">
          <p className="text-2xl font-bold">{proposal.title}</p>
          {proposal.summary ? (
            <p className="mt-3 text-lg font-medium text-stone-800">{proposal.summary}</p>
          ) : null}
          <div className="prose-forum mt-4" dangerouslySetInnerHTML={{ __html: bodyHtml }} />
        </article>
      </section>
      {missing.length ? (
        <div role="alert" className="rounded-xl border border-amber-400 bg-amber-50 p-5">
          <h3 className="text-lg font-bold">Not ready to publish yet</h3>
          <p className="mt-1">Members read many proposals; give them enough to decide on:</p>
          <ul className="mt-2 list-disc space-y-1 pl-5">
            {missing.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          <Link to={`${here}/edit`} className={buttonClass('primary', 'mt-4')}>
            Edit your draft
          </Link>
        </div>
      ) : (
        <Form method="post" className="flex flex-wrap items-center gap-4">
          <input type="hidden" name="intent" value="publish" />
          <Button type="submit" disabled={busy} pending={busy}>
            {similar.length ? 'Publish mine anyway' : 'Publish for discussion'}
          </Button>
          <Link to={here} className={buttonClass('link')}>
            Keep it as a draft
          </Link>
        </Form>
      )}
    </div>
  )
}
