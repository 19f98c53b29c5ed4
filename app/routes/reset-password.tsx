import { getFormProps, getInputProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import {
  json,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Form, useActionData, useNavigation } from '@remix-run/react'
import { AuthCard } from '~/components/auth-card'
import { Button } from '~/components/ui/button'
import { FormErrors, TextField } from '~/components/ui/field'
import { describeAuthError } from '~/utils/auth-errors.server'
import { resetPasswordSchema } from '~/utils/auth-schemas'
import { setFlash } from '~/utils/flash.server'
import { combineHeaders } from '~/utils/http.server'
import { useSchemaForm } from '~/utils/use-schema-form'
import { requireUser } from '~/models/permissions.server'
import { getRequestContext } from '~/utils/request-context.server'

export const meta: MetaFunction = () => [{ title: 'Choose a new password · Policy Forum' }]

export async function loader({ request, context: loadContext }: LoaderFunctionArgs) {
  const client = getRequestContext(request, loadContext)
  await requireUser(client)
  return json({}, { headers: client.headers })
}

export async function action({ request, context: loadContext }: ActionFunctionArgs) {
  const client = getRequestContext(request, loadContext)
  await requireUser(client)
  const submission = parseWithZod(await request.formData(), { schema: resetPasswordSchema })
  const hideFields = ['password', 'confirmPassword']
  if (submission.status !== 'success') {
    return json(
      { result: submission.reply({ hideFields }) },
      { status: 400, headers: client.headers },
    )
  }
  const { error } = await client.supabase.auth.updateUser({ password: submission.value.password })
  if (error) {
    return json(
      { result: submission.reply({ ...describeAuthError(error), hideFields }) },
      { status: 400, headers: client.headers },
    )
  }
  const flash = await setFlash({ kind: 'success', message: 'Your password has been changed.' })
  return redirect('/', { headers: combineHeaders(client.headers, { 'Set-Cookie': flash }) })
}

export default function ResetPassword() {
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const [form, fields] = useSchemaForm({
    id: 'reset-password',
    schema: resetPasswordSchema,
    lastResult: actionData?.result,
  })
  return (
    <AuthCard title="Choose a new password">
      <Form method="post" {...getFormProps(form)} className="space-y-5">
        <FormErrors id={form.errorId} errors={form.errors} />
        <TextField
          label="New password"
          hint="At least 8 characters."
          errors={fields.password.errors}
          {...getInputProps(fields.password, { type: 'password' })}
          autoComplete="new-password"
        />
        <TextField
          label="Type it again"
          errors={fields.confirmPassword.errors}
          {...getInputProps(fields.confirmPassword, { type: 'password' })}
          autoComplete="new-password"
        />
        <Button type="submit" className="w-full" pending={navigation.state === 'submitting'}>
          Save my new password
        </Button>
      </Form>
    </AuthCard>
  )
}
