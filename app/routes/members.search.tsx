// The type-ahead behind member pickers: JSON for the picker's fetcher as the member types.
// Without JavaScript, each picker's own page runs the same search from its `q` parameter.
import { json, type LoaderFunctionArgs } from '@remix-run/node'
import { findMembers } from '~/models/member-finder.server'
import type { FoundMember } from '~/utils/member-finder'
import { getSessionUser } from '~/utils/auth.server'
import { uuidPattern } from '~/utils/uuid'
import { getRequestContext } from '~/utils/request-context.server'

export async function loader({ request, context: loadContext }: LoaderFunctionArgs) {
  const { supabase, headers } = getRequestContext(request, loadContext)
  headers.set('Cache-Control', 'private, no-store')
  const none: FoundMember[] = []
  const params = new URL(request.url).searchParams
  const query = (params.get('q') ?? '').slice(0, 80)
  const group = params.get('group') ?? ''
  if (group && !uuidPattern.test(group))
    return json(
      { query, results: none, error: 'There is no such group.' },
      { status: 400, headers },
    )
  if (!(await getSessionUser(supabase)))
    return json(
      { query, results: none, error: 'Sign in to look members up.' },
      { status: 401, headers },
    )
  const results = await findMembers(supabase, { query, groupId: group || undefined })
  return json({ query, results, error: null }, { headers })
}
