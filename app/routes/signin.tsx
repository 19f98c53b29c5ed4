import { getFormProps, getInputProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import {
  json,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Form, Link, useActionData, useNavigation, useSearchParams } from '@remix-run/react'
import { AuthCard } from '~/components/auth-card'
import { Button } from '~/components/ui/button'
import { FormErrors, TextField } from '~/components/ui/field'
import { describeAuthError } from '~/utils/auth-errors.server'
import { signInSchema } from '~/utils/auth-schemas'
import { safeRedirect } from '~/utils/redirect'
import { useSchemaForm } from '~/utils/use-schema-form'
import { requireAnonymous } from '~/models/permissions.server'
import { getRequestContext } from '~/utils/request-context.server'

export const meta: MetaFunction = () => [{ title: 'Sign in · Policy Forum' }]

export async function loader({ request, context: loadContext }: LoaderFunctionArgs) {
  const client = getRequestContext(request, loadContext)
  await requireAnonymous(client)
  return json({}, { headers: client.headers })
}

export async function action({ request, context: loadContext }: ActionFunctionArgs) {
  const { supabase, headers } = getRequestContext(request, loadContext)
  const submission = parseWithZod(await request.formData(), { schema: signInSchema })
  if (submission.status !== 'success') {
    return json(
      { result: submission.reply({ hideFields: ['password'] }), unconfirmed: null },
      { status: 400, headers },
    )
  }
  const { email, password, redirectTo } = submission.value
  const { error } = await supabase.auth.signInWithPassword({ email, password })
  if (error) {
    return json(
      {
        result: submission.reply({ ...describeAuthError(error), hideFields: ['password'] }),
        unconfirmed: error.code === 'email_not_confirmed' ? email : null,
      },
      { status: 400, headers },
    )
  }
  return redirect(safeRedirect(redirectTo), { headers })
}

export default function SignIn() {
  const actionData = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const navigation = useNavigation()
  const [form, fields] = useSchemaForm({
    id: 'signin',
    schema: signInSchema,
    lastResult: actionData?.result,
  })
  const redirectTo = searchParams.get('redirectTo') ?? ''
  return (
    <AuthCard
      title="Sign in"
      intro={
        <p>
          New here?{' '}
          <Link
            to={redirectTo ? `/signup?${new URLSearchParams({ redirectTo })}` : '/signup'}
            className="font-semibold text-brand-700 underline"
          >
            Join the forum
          </Link>
        </p>
      }
    >
      <Form method="post" {...getFormProps(form)} className="space-y-5">
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <TextField
          label="E-mail address"
          errors={fields.email.errors}
          {...getInputProps(fields.email, { type: 'email' })}
          autoComplete="email"
        />
        <TextField
          label="Password"
          errors={fields.password.errors}
          {...getInputProps(fields.password, { type: 'password' })}
          autoComplete="current-password"
        />
        <Button type="submit" className="w-full" pending={navigation.state === 'submitting'}>
          Sign in
        </Button>
        <p className="text-center">
          <Link to="/forgot-password" className="text-brand-700 underline">
            Forgotten your password?
          </Link>
        </p>
      </Form>
      {actionData?.unconfirmed ? (
        <Form method="post" action="/signup/resend" className="mt-5 border-t border-stone-200 pt-5">
          <input type="hidden" name="email" value={actionData.unconfirmed} />
          <Button type="submit" variant="secondary" className="w-full">
            Send me the confirmation link again
          </Button>
        </Form>
      ) : null}
    </AuthCard>
  )
}
