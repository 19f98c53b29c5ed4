// The header's unread count on its own, for live updates: fetched when the member's channel
// says a notification was made or read, instead of revalidating the whole page.
import { json, type LoaderFunctionArgs } from '@remix-run/node'
import { getViewer } from '~/models/viewer.server'
import { getRequestContext } from '~/utils/request-context.server'

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { supabase, headers } = getRequestContext(request, context)
  const viewer = await getViewer(supabase)
  return json({ unread: viewer?.unread ?? 0, at: Date.now() }, { headers })
}
