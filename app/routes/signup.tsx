import { getFormProps, getInputProps, getSelectProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import {
  json,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import {
  Form,
  Link,
  useActionData,
  useLoaderData,
  useNavigation,
  useSearchParams,
} from '@remix-run/react'
import { AuthCard } from '~/components/auth-card'
import { CheckEmail } from '~/components/check-email'
import { Button } from '~/components/ui/button'
import { PrivacyNotice } from '~/components/privacy-notice'
import { ErrorList, FormErrors, SelectField, TextField } from '~/components/ui/field'
import { listRegions } from '~/models/region.server'
import { describeAuthError } from '~/utils/auth-errors.server'
import { signUpSchema } from '~/utils/auth-schemas'
import { setFlash } from '~/utils/flash.server'
import { combineHeaders } from '~/utils/http.server'
import { PRIVACY_NOTICE_VERSION } from '~/utils/privacy-notice'
import { safeRedirect } from '~/utils/redirect'
import { useSchemaForm } from '~/utils/use-schema-form'
import { requireAnonymous } from '~/models/permissions.server'
import { getRequestContext } from '~/utils/request-context.server'

export const meta: MetaFunction = () => [{ title: 'Join · Policy Forum' }]

export async function loader({ request, context: loadContext }: LoaderFunctionArgs) {
  const client = getRequestContext(request, loadContext)
  await requireAnonymous(client)
  return json({ regions: await listRegions(client.supabase) }, { headers: client.headers })
}

export async function action({ request, context: loadContext }: ActionFunctionArgs) {
  const { supabase, headers } = getRequestContext(request, loadContext)
  const submission = parseWithZod(await request.formData(), { schema: signUpSchema })
  if (submission.status !== 'success') {
    return json(
      { result: submission.reply({ hideFields: ['password'] }), sentTo: null },
      { status: 400, headers },
    )
  }
  const { email, password, displayName, region, redirectTo } = submission.value
  const regions = await listRegions(supabase)
  if (!regions.some((r) => r.slug === region)) {
    return json(
      {
        result: submission.reply({
          fieldErrors: { region: ['Choose where you live from the list.'] },
          hideFields: ['password'],
        }),
        sentTo: null,
      },
      { status: 400, headers },
    )
  }
  // The same rule the profiles trigger enforces, asked first so the member hears why; a name
  // sent straight to the API is stored as "Member" instead.
  const nameCheck = await supabase.rpc('display_name_problem', { name: displayName })
  if (nameCheck.error || nameCheck.data) {
    return json(
      {
        result: submission.reply({
          fieldErrors: {
            displayName: [nameCheck.data ?? 'Your name could not be checked. Please try again.'],
          },
          hideFields: ['password'],
        }),
        sentTo: null,
      },
      { status: 400, headers },
    )
  }
  const { data, error } = await supabase.auth.signUp({
    email,
    password,
    // The notice agreed to; Postgres records it as the member's consent (privacy_consents).
    options: {
      data: { display_name: displayName, region, privacy_notice: PRIVACY_NOTICE_VERSION },
    },
  })
  if (error) {
    return json(
      {
        result: submission.reply({ ...describeAuthError(error), hideFields: ['password'] }),
        sentTo: null,
      },
      { status: 400, headers },
    )
  }
  // With e-mail confirmations on (hosted Supabase's default) there is no session yet: the
  // member confirms through the link we mailed, which signs them in.
  if (!data.session) return json({ result: submission.reply(), sentTo: email }, { headers })
  const flash = await setFlash({
    kind: 'success',
    message: `Welcome, ${displayName}. Find a policy group to join.`,
  })
  return redirect(safeRedirect(redirectTo, '/groups'), {
    headers: combineHeaders(headers, { 'Set-Cookie': flash }),
  })
}

export default function SignUp() {
  const { regions } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const navigation = useNavigation()
  const [form, fields] = useSchemaForm({
    id: 'signup',
    schema: signUpSchema,
    lastResult: actionData?.result,
  })
  const redirectTo = searchParams.get('redirectTo') ?? ''
  if (actionData?.sentTo) return <CheckEmail email={actionData.sentTo} />
  return (
    <AuthCard
      title="Join the Policy Forum"
      intro={
        <p>
          Already a member?{' '}
          <Link
            to={redirectTo ? `/signin?${new URLSearchParams({ redirectTo })}` : '/signin'}
            className="font-semibold text-brand-700 underline"
          >
            Sign in
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
          hint="At least 8 characters."
          errors={fields.password.errors}
          {...getInputProps(fields.password, { type: 'password' })}
          autoComplete="new-password"
        />
        <TextField
          label="Your name"
          hint="Shown with your proposals, comments and votes."
          errors={fields.displayName.errors}
          {...getInputProps(fields.displayName, { type: 'text' })}
          autoComplete="name"
        />
        <SelectField
          label="Where you live"
          hint="Support is shown borough by borough."
          errors={fields.region.errors}
          {...getSelectProps(fields.region)}
        >
          <option value="">Choose…</option>
          {regions.map((region) => (
            <option key={region.slug} value={region.slug}>
              {region.name}
            </option>
          ))}
        </SelectField>
        <PrivacyNotice id="privacy-notice" />
        <div>
          <label className="flex items-start gap-3 font-semibold text-stone-900">
            <input
              type="checkbox"
              name={fields.privacyConsent.name}
              value="yes"
              required
              defaultChecked={fields.privacyConsent.initialValue === 'yes'}
              aria-invalid={fields.privacyConsent.errors?.length ? true : undefined}
              aria-describedby={`privacy-notice-heading${fields.privacyConsent.errors?.length ? ' privacy-consent-errors' : ''}`}
              className="mt-1 h-5 w-5 shrink-0 accent-brand-700"
            />
            I agree that my name, what I post and (unless I keep it off) my borough are shown in
            public, as this notice says.
          </label>
          <ErrorList id="privacy-consent-errors" errors={fields.privacyConsent.errors} />
        </div>
        <Button type="submit" className="w-full" pending={navigation.state === 'submitting'}>
          Create my account
        </Button>
      </Form>
    </AuthCard>
  )
}
