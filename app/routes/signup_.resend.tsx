// Sends the sign-up confirmation link again. Answers the same whether or not the address has an
// unconfirmed account, as Supabase Auth does, so it tells nobody who is a member.
import { parseWithZod } from '@conform-to/zod/v4'
import { json, type ActionFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData } from '@remix-run/react'
import { AuthCard } from '~/components/auth-card'
import { CheckEmail } from '~/components/check-email'
import { Button } from '~/components/ui/button'
import { TextField } from '~/components/ui/field'
import { describeAuthError } from '~/utils/auth-errors.server'
import { forgotPasswordSchema } from '~/utils/auth-schemas'
import { getRequestContext } from '~/utils/request-context.server'

export const meta: MetaFunction = () => [{ title: 'Confirm your e-mail · Policy Forum' }]

export async function action({ request, context: loadContext }: ActionFunctionArgs) {
  const { supabase, headers } = getRequestContext(request, loadContext)
  const submission = parseWithZod(await request.formData(), { schema: forgotPasswordSchema })
  if (submission.status !== 'success')
    return json(
      { email: null, notice: null, error: 'Enter the e-mail address you joined with.' },
      { status: 400, headers },
    )
  const { email } = submission.value
  const { error } = await supabase.auth.resend({ type: 'signup', email })
  if (error) {
    const message = describeAuthError(error).formErrors?.[0] ?? 'We could not send it just now.'
    return json({ email, notice: null, error: message }, { status: 429, headers })
  }
  return json({ email, notice: 'We have sent the link again.', error: null }, { headers })
}

export default function ResendConfirmation() {
  const data = useActionData<typeof action>()
  if (data?.email) return <CheckEmail email={data.email} notice={data.notice} error={data.error} />
  return (
    <AuthCard
      title="Confirm your e-mail address"
      intro={<p>Tell us the address you joined with and we will send the link again.</p>}
    >
      <Form method="post" className="space-y-5">
        <TextField
          id="resend-email"
          label="E-mail address"
          name="email"
          type="email"
          autoComplete="email"
          errors={data?.error ? [data.error] : undefined}
        />
        <Button type="submit" className="w-full">
          Send the link again
        </Button>
      </Form>
    </AuthCard>
  )
}
