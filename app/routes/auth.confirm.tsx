// Where e-mailed links land. Following the link only shows a button; the one-time token is
// spent on POST, so mail scanners that open links cannot use it up.
import {
  json,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { z } from 'zod'
import { AuthCard } from '~/components/auth-card'
import { Button } from '~/components/ui/button'
import { describeAuthError } from '~/utils/auth-errors.server'
import { setFlash } from '~/utils/flash.server'
import { combineHeaders } from '~/utils/http.server'
import { type Supabase } from '~/utils/supabase.server'
import { getRequestContext } from '~/utils/request-context.server'

const linkSchema = z.object({
  token_hash: z.string().regex(/^[0-9a-f]{20,128}$/),
  type: z.enum(['email', 'signup', 'recovery', 'magiclink', 'email_change']),
})

const confirmSignUp = {
  title: 'Confirm your e-mail address',
  button: 'Confirm and sign in',
  next: '/groups',
  message: 'Your e-mail address is confirmed. Find a policy group to join.',
} as const

const actions = {
  email: confirmSignUp,
  signup: confirmSignUp,
  recovery: {
    title: 'Choose a new password',
    button: 'Continue',
    next: '/reset-password',
    message: null,
  },
  magiclink: { title: 'Sign in', button: 'Sign me in', next: '/', message: 'You are signed in.' },
  email_change: {
    title: 'Confirm your new e-mail address',
    button: 'Confirm',
    next: '/',
    message: 'Your e-mail address has been changed.',
  },
} as const

export const meta: MetaFunction = () => [{ title: 'Confirm · Policy Forum' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const parsed = linkSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams))
  return json({ link: parsed.success ? parsed.data : null })
}

export async function action({ request, context: loadContext }: ActionFunctionArgs) {
  const { supabase, headers } = getRequestContext(request, loadContext)
  const parsed = linkSchema.safeParse(Object.fromEntries(await request.formData()))
  if (!parsed.success)
    return json(
      { error: 'This link is not complete. Copy the whole link from the e-mail.' },
      { status: 400, headers },
    )
  const { data, error } = await supabase.auth.verifyOtp({
    token_hash: parsed.data.token_hash,
    type: parsed.data.type,
  })
  if (error) {
    return json(
      { error: describeAuthError(error).formErrors?.[0] ?? 'This link cannot be used.' },
      { status: 400, headers },
    )
  }
  const step = actions[parsed.data.type]
  const message =
    step === confirmSignUp ? await welcome(supabase, data.user?.id, step.message) : step.message
  const flash = message ? await setFlash({ kind: 'success', message }) : null
  return redirect(step.next, {
    headers: combineHeaders(headers, flash ? { 'Set-Cookie': flash } : null),
  })
}

/** A new member's first page greets them by the name their profile shows. */
async function welcome(supabase: Supabase, userId: string | undefined, message: string) {
  if (!userId) return message
  const { data } = await supabase
    .from('profiles')
    .select('display_name')
    .eq('id', userId)
    .maybeSingle()
  return data ? `Welcome, ${data.display_name}. ${message}` : message
}

export default function Confirm() {
  const { link } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  if (!link) {
    return (
      <AuthCard title="This link is not complete">
        <p>
          Copy the whole link from the e-mail into your browser, or{' '}
          <Link to="/forgot-password" className="font-semibold text-brand-700 underline">
            ask for a new one
          </Link>
          .
        </p>
      </AuthCard>
    )
  }
  const step = actions[link.type]
  return (
    <AuthCard title={step.title}>
      <Form method="post" className="space-y-4">
        {actionData?.error ? (
          <div role="alert" className="rounded-md border border-red-700 bg-red-50 p-3 text-red-800">
            <p>{actionData.error}</p>
            <p className="mt-2">
              <Link to="/forgot-password" className="font-semibold underline">
                Ask for a new link
              </Link>
            </p>
          </div>
        ) : null}
        <input type="hidden" name="token_hash" value={link.token_hash} />
        <input type="hidden" name="type" value={link.type} />
        <Button type="submit" className="w-full" pending={navigation.state === 'submitting'}>
          {step.button}
        </Button>
      </Form>
    </AuthCard>
  )
}
