// Signing out changes state, so it happens only on POST (the header's button).
import { redirect, type ActionFunctionArgs } from '@remix-run/node'
import { setFlash } from '~/utils/flash.server'
import { combineHeaders } from '~/utils/http.server'
import { getRequestContext } from '~/utils/request-context.server'

export async function loader() {
  return redirect('/')
}

export async function action({ request, context: loadContext }: ActionFunctionArgs) {
  const { supabase, headers } = getRequestContext(request, loadContext)
  await supabase.auth.signOut({ scope: 'local' })
  const flash = await setFlash({ kind: 'info', message: 'You have signed out.' })
  return redirect('/', { headers: combineHeaders(headers, { 'Set-Cookie': flash }) })
}
