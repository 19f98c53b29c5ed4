// "Download my data": a JSON file of everything the forum holds about the member.
import type { LoaderFunctionArgs } from '@remix-run/node'
import { exportMyData } from '~/models/account.server'
import { requireUser } from '~/utils/auth.server'
import { combineHeaders } from '~/utils/http.server'
import { createSupabaseServerClient } from '~/utils/supabase.server'

export async function loader({ request }: LoaderFunctionArgs) {
  const client = createSupabaseServerClient(request)
  const user = await requireUser(request, client)
  const data = await exportMyData(client.supabase, user)
  return new Response(JSON.stringify(data, null, 2), {
    headers: combineHeaders(client.headers, {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="policy-forum-my-data-${new Date().toISOString().slice(0, 10)}.json"`,
      'Cache-Control': 'no-store',
    }),
  })
}
