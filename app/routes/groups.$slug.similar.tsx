// While a member types a title: the group's open and shortlisted proposals most like it, for
// the proposal form to show beside the title (the same similar_proposals that "Publish"
// checks, so what is shown here is what the check before publishing will show). Signed-in
// members only; a title under 5 characters asks nothing of the database.
import { json, type LoaderFunctionArgs } from '@remix-run/node'
import { loadGroupContext } from '~/models/group-context.server'
import { findSimilarProposals } from '~/models/similar-proposals.server'
import { uuidPattern } from '~/utils/uuid'
import { requireUser } from '~/models/permissions.server'
import { getRequestContext } from '~/utils/request-context.server'

export type SimilarWhileTyping = {
  title: string
  similar: Array<{ id: string; title: string; status: string; supporters: number }>
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const client = getRequestContext(request, context)
  await requireUser(client)
  const url = new URL(request.url)
  const title = (url.searchParams.get('title') ?? '').trim().slice(0, 120)
  const exclude = url.searchParams.get('exclude') ?? ''
  const headers = new Headers(client.headers)
  headers.set('Cache-Control', 'private, no-store')
  if (title.length < 5) return json<SimilarWhileTyping>({ title, similar: [] }, { headers })
  const { group } = await loadGroupContext(client.supabase, params.slug, client.headers)
  const similar = await findSimilarProposals(
    client.supabase,
    group.id,
    title,
    uuidPattern.test(exclude) ? exclude : null,
  )
  return json<SimilarWhileTyping>(
    {
      title,
      similar: similar.map((s) => ({
        id: s.id,
        title: s.title,
        status: s.status,
        supporters: s.support_count,
      })),
    },
    { headers },
  )
}
