// "Download my data": a JSON file of everything the forum holds about the member.
import type { LoaderFunctionArgs } from '@remix-run/node'
import { exportMyData } from '~/models/account.server'
import { combineHeaders } from '~/utils/http.server'
import { requireUser } from '~/models/permissions.server'
import { getRequestContext } from '~/utils/request-context.server'

export async function loader({ request, context: loadContext }: LoaderFunctionArgs) {
  const client = getRequestContext(request, loadContext)
  const user = await requireUser(client)
  const data = await exportMyData(client.supabase, user)
  return new Response(JSON.stringify(data, null, 2), {
    headers: combineHeaders(client.headers, {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="policy-forum-my-data-${new Date().toISOString().slice(0, 10)}.json"`,
      'Cache-Control': 'no-store',
    }),
  })
}
