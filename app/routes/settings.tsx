import { getFormProps, getInputProps, getSelectProps, getTextareaProps } from '@conform-to/react'
import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { Button } from '~/components/ui/button'
import { FormErrors, SelectField, TextAreaField, TextField } from '~/components/ui/field'
import { profilePageAction } from '~/models/profile-page-actions.server'
import { getOwnBorough, getProfile } from '~/models/profile.server'
import { listRegions } from '~/models/region.server'
import { deleteAccountPhrase, profileSchema } from '~/utils/profile-schema'
import { useSchemaForm } from '~/utils/use-schema-form'
import { requireUser } from '~/models/permissions.server'
import { getRequestContext } from '~/utils/request-context.server'
import { invariantResponse } from '~/utils/http.server'

export const meta: MetaFunction = () => [{ title: 'Your profile · Policy Forum' }]

export async function loader({ request, context: loadContext }: LoaderFunctionArgs) {
  const client = getRequestContext(request, loadContext)
  const user = await requireUser(client)
  const [profile, own, regions] = await Promise.all([
    getProfile(client.supabase, user.id),
    getOwnBorough(client.supabase),
    listRegions(client.supabase),
  ])
  invariantResponse(profile, 'Your profile is missing. Please contact the campaign.', {
    status: 404,
    headers: client.headers,
  })
  return json(
    { profile: { ...profile, region: own.region, borough_public: own.borough_public }, regions },
    { headers: client.headers },
  )
}

export const action = profilePageAction

export default function Settings() {
  const { profile, regions } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const [form, fields] = useSchemaForm({
    id: 'profile',
    schema: profileSchema,
    lastResult: actionData?.result ?? undefined,
    defaultValue: {
      displayName: profile.display_name,
      region: profile.region ?? '',
      boroughPublic: profile.borough_public ? 'on' : undefined,
      bio: profile.bio,
    },
  })
  return (
    <div className="max-w-xl">
      <h1 className="text-3xl font-bold">Your profile</h1>
      <p className="mt-2 text-stone-700">
        Your name and what you write about yourself are public: they are shown with your proposals
        and comments. Your borough is public unless you keep it private.
      </p>
      <Form
        method="post"
        {...getFormProps(form)}
        className="mt-6 space-y-5 rounded-xl border border-stone-300 bg-white p-6"
      >
        <FormErrors id={form.errorId} errors={form.errors} />
        <TextField
          label="Your name"
          errors={fields.displayName.errors}
          {...getInputProps(fields.displayName, { type: 'text' })}
          autoComplete="name"
        />
        <SelectField
          label="Where you live"
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
        <div>
          <label className="flex items-start gap-3 font-semibold text-stone-900">
            <input
              type="checkbox"
              name={fields.boroughPublic.name}
              defaultChecked={fields.boroughPublic.initialValue === 'on'}
              aria-describedby="borough-public-hint"
              className="mt-1 h-5 w-5 shrink-0 accent-brand-700"
            />
            Show my borough on my profile
          </label>
          <p id="borough-public-hint" className="mt-1 pl-8 text-sm text-stone-700">
            Untick to keep it private. Your votes still count in your borough’s totals, which never
            show who voted.
          </p>
        </div>
        <TextAreaField
          label="About you"
          hint="Optional. Up to 1,000 characters."
          rows={5}
          errors={fields.bio.errors}
          {...getTextareaProps(fields.bio)}
        />
        <Button type="submit" pending={navigation.state === 'submitting'}>
          Save my profile
        </Button>
      </Form>
      <section aria-labelledby="mail-heading" className="mt-10">
        <h2 id="mail-heading" className="text-xl font-bold">
          E-mail
        </h2>
        <p className="mt-1 text-stone-700">
          Replies and the candidate’s answers come at once; group news comes in a daily digest.
        </p>
        <a
          href="/settings/mail"
          className="mt-3 inline-block font-semibold text-brand-700 underline"
        >
          Change what the forum e-mails you
        </a>
      </section>
      <section aria-labelledby="data-heading" className="mt-10">
        <h2 id="data-heading" className="text-xl font-bold">
          Your data
        </h2>
        <p className="mt-1 text-stone-700">
          A file of everything the forum holds about you: your profile, groups, proposals, comments,
          votes and notifications.
        </p>
        <a
          href="/settings/data"
          download
          className="mt-3 inline-block font-semibold text-brand-700 underline"
        >
          Download my data (JSON)
        </a>
      </section>
      <section
        aria-labelledby="delete-heading"
        className="mt-10 rounded-xl border-2 border-red-700 bg-white p-6"
      >
        <h2 id="delete-heading" className="text-xl font-bold text-red-800">
          Delete your account
        </h2>
        <p className="mt-1 text-stone-800">
          Your votes, drafts, group memberships and notifications are deleted, and you can no longer
          sign in. Proposals and comments you published stay in the public record, shown as by
          “Former member”.
        </p>
        <Form method="post" className="mt-4 space-y-3">
          <input type="hidden" name="intent" value="delete-account" />
          <TextField
            id="confirm"
            name="confirm"
            label={`Type “${deleteAccountPhrase}” to confirm`}
            autoComplete="off"
            errors={actionData?.deleteError ? [actionData.deleteError] : null}
          />
          <Button type="submit" variant="danger">
            Delete my account
          </Button>
        </Form>
      </section>
    </div>
  )
}
