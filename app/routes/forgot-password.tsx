import { getFormProps, getInputProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { json, type ActionFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useNavigation, useRouteLoaderData } from '@remix-run/react'
import { AuthCard } from '~/components/auth-card'
import { Button } from '~/components/ui/button'
import { FormErrors, TextField } from '~/components/ui/field'
import type { loader as rootLoader } from '~/root'
import { describeAuthError } from '~/utils/auth-errors.server'
import { forgotPasswordSchema } from '~/utils/auth-schemas'
import { useSchemaForm } from '~/utils/use-schema-form'
import { getRequestContext } from '~/utils/request-context.server'

export const meta: MetaFunction = () => [{ title: 'Reset your password · Policy Forum' }]

export async function action({ request, context: loadContext }: ActionFunctionArgs) {
  const { supabase, headers } = getRequestContext(request, loadContext)
  const submission = parseWithZod(await request.formData(), { schema: forgotPasswordSchema })
  if (submission.status !== 'success')
    return json({ result: submission.reply(), sentTo: null }, { status: 400, headers })
  const { error } = await supabase.auth.resetPasswordForEmail(submission.value.email)
  if (error)
    return json(
      { result: submission.reply(describeAuthError(error)), sentTo: null },
      { status: 400, headers },
    )
  return json(
    { result: submission.reply({ resetForm: true }), sentTo: submission.value.email },
    { headers },
  )
}

export default function ForgotPassword() {
  const actionData = useActionData<typeof action>()
  const root = useRouteLoaderData<typeof rootLoader>('root')
  const navigation = useNavigation()
  const [form, fields] = useSchemaForm({
    id: 'forgot-password',
    schema: forgotPasswordSchema,
    lastResult: actionData?.result,
  })
  if (actionData?.sentTo) {
    return (
      <AuthCard title="Check your e-mail">
        <div role="status" className="space-y-3">
          <p>
            If an account uses <strong>{actionData.sentTo}</strong>, we have sent it a link to
            choose a new password. The link works once, for an hour.
          </p>
          {root?.localOutbox ? (
            <p>
              This is a local copy of the forum: e-mail goes to the{' '}
              <Link to="/outbox" className="font-semibold text-brand-700 underline">
                local outbox
              </Link>
              .
            </p>
          ) : null}
        </div>
      </AuthCard>
    )
  }
  return (
    <AuthCard
      title="Reset your password"
      intro={
        <p>Tell us your e-mail address and we will send you a link to choose a new password.</p>
      }
    >
      <Form method="post" {...getFormProps(form)} className="space-y-5">
        <FormErrors id={form.errorId} errors={form.errors} />
        <TextField
          label="E-mail address"
          errors={fields.email.errors}
          {...getInputProps(fields.email, { type: 'email' })}
          autoComplete="email"
        />
        <Button type="submit" className="w-full" pending={navigation.state === 'submitting'}>
          Send me a link
        </Button>
      </Form>
    </AuthCard>
  )
}
