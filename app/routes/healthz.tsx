// For load balancers and the test harness: the app is up and can reach Supabase.
import type { LoaderFunctionArgs } from '@remix-run/node'
import { getRequestContext } from '~/utils/request-context.server'

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { supabase } = getRequestContext(request, context)
  const { error } = await supabase.from('campaign').select('name').limit(1)
  return new Response(error ? 'Supabase is not reachable' : 'ok', {
    status: error ? 503 : 200,
    headers: { 'Content-Type': 'text/plain', 'Cache-Control': 'no-store' },
  })
}
