// The proposal page: read-only, rendered on the server. It ships no editor JavaScript.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData, useNavigation } from '@remix-run/react'
import { z } from 'zod'
import { AuthorNames } from '~/components/proposal-card'
import { StatusBadge } from '~/components/status-badge'
import { Button, buttonClass } from '~/components/ui/button'
import { renderProposalHtml } from '~/editor/render.server'
import { loadProposalContext } from '~/models/proposal-context.server'
import { deleteDraft, publishProposal } from '~/models/proposal.server'
import { requireUser } from '~/utils/auth.server'
import { longDate } from '~/utils/dates'
import { describeDbError } from '~/utils/db-errors.server'
import { redirectWithFlash, setFlash } from '~/utils/flash.server'
import { combineHeaders } from '~/utils/http.server'
import { createSupabaseServerClient } from '~/utils/supabase.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.proposal.title} · ${data.group.name} · Policy Forum` : 'Policy Forum' },
  { name: 'description', content: data?.proposal.summary ?? '' },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { supabase, headers } = createSupabaseServerClient(request)
  const context = await loadProposalContext(supabase, params.slug, params.id, headers)
  const { proposal } = context
  return json(
    {
      group: { slug: context.group.slug, name: context.group.name },
      proposal: {
        id: proposal.id,
        title: proposal.title,
        summary: proposal.summary,
        status: proposal.status,
        statusReason: proposal.status_reason,
        version: proposal.version,
        authors: proposal.authors,
        publishedAt: proposal.published_at,
        updatedAt: proposal.updated_at,
        createdAt: proposal.created_at,
      },
      bodyHtml: renderProposalHtml(proposal.body),
      canEdit: context.canEdit,
      canPublish: context.canPublish,
      canDelete: context.isMainAuthor && proposal.status === 'draft',
    },
    { headers },
  )
}

const intentSchema = z.object({ intent: z.enum(['publish', 'delete']) })

export async function action({ request, params }: ActionFunctionArgs) {
  const client = createSupabaseServerClient(request)
  await requireUser(request, client)
  const context = await loadProposalContext(client.supabase, params.slug, params.id, client.headers)
  const parsed = intentSchema.safeParse({ intent: (await request.formData()).get('intent') })
  if (!parsed.success) throw new Response('Unknown action.', { status: 400, headers: client.headers })
  const here = `/groups/${context.group.slug}/proposals/${context.proposal.id}`
  if (parsed.data.intent === 'publish') {
    const { error } = await publishProposal(client.supabase, context.proposal.id)
    if (error) return redirectWithFlash(here, { kind: 'error', message: describeDbError(error) }, client.headers)
    return redirectWithFlash(here, { kind: 'success', message: 'Published. Members of the group can now discuss it and vote.' }, client.headers)
  }
  const { data, error } = await deleteDraft(client.supabase, context.proposal.id)
  if (error || !data?.length) {
    return redirectWithFlash(here, { kind: 'error', message: error ? describeDbError(error) : 'Only the author can delete a draft.' }, client.headers)
  }
  const flash = await setFlash({ kind: 'success', message: 'Draft deleted.' })
  return redirect(`/groups/${context.group.slug}`, { headers: combineHeaders(client.headers, { 'Set-Cookie': flash }) })
}

export default function ProposalPage() {
  const { group, proposal, bodyHtml, canEdit, canPublish, canDelete } = useLoaderData<typeof loader>()
  const navigation = useNavigation()
  const busy = navigation.state === 'submitting'
  return (
    <article className="max-w-3xl">
      <div className="flex flex-wrap items-center gap-3">
        <StatusBadge status={proposal.status} />
        {proposal.status === 'draft' ? <span className="text-sm text-stone-700">Only its authors can see this draft.</span> : null}
      </div>
      <h2 className="mt-2 text-3xl font-bold">{proposal.title}</h2>
      <p className="mt-2 text-stone-700">
        By <AuthorNames authors={proposal.authors} />
        {proposal.publishedAt ? (
          <>
            {' '}· published <time dateTime={proposal.publishedAt}>{longDate(proposal.publishedAt)}</time>
          </>
        ) : null}
        {proposal.updatedAt !== proposal.createdAt ? (
          <>
            {' '}· last changed <time dateTime={proposal.updatedAt}>{longDate(proposal.updatedAt)}</time>
          </>
        ) : null}
      </p>
      {proposal.statusReason ? <p className="mt-3 rounded-md border border-stone-300 bg-stone-100 p-3">{proposal.statusReason}</p> : null}
      <div className="mt-4 flex flex-wrap gap-3">
        {canEdit ? (
          <Link to={`/groups/${group.slug}/proposals/${proposal.id}/edit`} className={buttonClass('secondary')}>
            Edit
          </Link>
        ) : null}
        {canPublish ? (
          <Form method="post">
            <input type="hidden" name="intent" value="publish" />
            <Button type="submit" disabled={busy} pending={busy}>
              Publish for discussion
            </Button>
          </Form>
        ) : null}
        {proposal.status !== 'draft' ? (
          <Link to={`/groups/${group.slug}/proposals/${proposal.id}/history`} className={buttonClass('link', 'self-center')}>
            History of changes
          </Link>
        ) : null}
      </div>
      {proposal.summary ? <p className="mt-6 text-lg font-medium text-stone-800">{proposal.summary}</p> : null}
      <div className="prose-forum mt-6" dangerouslySetInnerHTML={{ __html: bodyHtml }} />
      {canDelete ? (
        <Form method="post" className="mt-10 border-t border-stone-300 pt-6">
          <input type="hidden" name="intent" value="delete" />
          <Button type="submit" variant="danger" disabled={busy}>
            Delete this draft
          </Button>
        </Form>
      ) : null}
    </article>
  )
}
