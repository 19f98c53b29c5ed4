// Mail settings: for each kind of news, at once, in a daily or weekly digest, or never; when
// digests come; and per group, follow or mute its new proposals.
import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { CadenceChoice } from '~/components/cadence-choice'
import { Button } from '~/components/ui/button'
import { FormErrors, SelectField } from '~/components/ui/field'
import { mailSettingsAction } from '~/models/mail-settings-actions.server'
import { getMailPreferences, listGroupMailChoices } from '~/models/mail-preferences.server'
import {
  mailTopics,
  timeZones,
  topicLabels,
  weekdays,
  type MailCadence,
} from '~/utils/mail-preferences'
import { requireUser } from '~/models/permissions.server'
import { getRequestContext } from '~/utils/request-context.server'
import { invariantResponse } from '~/utils/http.server'

export const meta: MetaFunction = () => [{ title: 'Mail settings · Policy Forum' }]

export async function loader({ request, context: loadContext }: LoaderFunctionArgs) {
  const client = getRequestContext(request, loadContext)
  const user = await requireUser(client)
  const [preferences, groups] = await Promise.all([
    getMailPreferences(client.supabase, user.id),
    listGroupMailChoices(client.supabase, user.id),
  ])
  invariantResponse(preferences, 'Your mail settings are missing. Please contact the campaign.', {
    status: 404,
    headers: client.headers,
  })
  return json({ preferences, groups }, { headers: client.headers })
}

export const action = mailSettingsAction

function hourLabel(hour: number) {
  return `${String(hour).padStart(2, '0')}:00`
}

export default function MailSettings() {
  const { preferences, groups } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const result = actionData?.result
  const errors = (result?.error ?? {}) as Record<string, string[] | null | undefined>
  const submitted = (result?.initialValue ?? {}) as Record<string, unknown>
  const value = (name: keyof typeof preferences) => String(submitted[name] ?? preferences[name])
  const zones: string[] = timeZones.includes(preferences.time_zone as never)
    ? [...timeZones]
    : [preferences.time_zone, ...timeZones]
  const groupError = actionData && 'groupError' in actionData ? actionData.groupError : null
  return (
    <div className="max-w-2xl">
      <p>
        <Link to="/settings" className="text-brand-700 underline">
          Your profile
        </Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">Mail settings</h1>
      <p className="mt-2 text-stone-700">
        Choose what the forum e-mails you, and when. Digests bring a day’s or a week’s news in one
        mail, and are never sent when there is nothing new.
      </p>
      <Form
        method="post"
        className="mt-6 space-y-6 rounded-xl border border-stone-300 bg-white p-6"
        aria-labelledby="kinds-heading"
      >
        <h2 id="kinds-heading" className="text-xl font-bold">
          What you hear about
        </h2>
        <input type="hidden" name="intent" value="preferences" />
        <FormErrors id="preferences-errors" errors={errors['']} />
        {mailTopics.map((topic) => (
          <CadenceChoice
            key={topic}
            name={topic}
            legend={topicLabels[topic].title}
            hint={topicLabels[topic].hint}
            value={value(topic) as MailCadence}
            errors={errors[topic]}
          />
        ))}
        <h2 className="text-xl font-bold">When digests come</h2>
        <div className="grid gap-4 sm:grid-cols-3">
          <SelectField
            id="digest_hour"
            name="digest_hour"
            label="Hour"
            defaultValue={value('digest_hour')}
            errors={errors.digest_hour}
          >
            {Array.from({ length: 24 }, (_, hour) => (
              <option key={hour} value={hour}>
                {hourLabel(hour)}
              </option>
            ))}
          </SelectField>
          <SelectField
            id="digest_weekday"
            name="digest_weekday"
            label="Day of weekly digests"
            defaultValue={value('digest_weekday')}
            errors={errors.digest_weekday}
          >
            {weekdays.map((day, i) => (
              <option key={day} value={i + 1}>
                {day}
              </option>
            ))}
          </SelectField>
          <SelectField
            id="time_zone"
            name="time_zone"
            label="Time zone"
            defaultValue={value('time_zone')}
            errors={errors.time_zone}
          >
            {zones.map((zone) => (
              <option key={zone} value={zone}>
                {zone.replace('_', ' ')}
              </option>
            ))}
          </SelectField>
        </div>
        <Button type="submit" pending={navigation.state === 'submitting'}>
          Save my mail settings
        </Button>
      </Form>
      <section aria-labelledby="groups-heading" className="mt-10">
        <h2 id="groups-heading" className="text-xl font-bold">
          Groups
        </h2>
        <p className="mt-1 text-stone-700">
          You hear of new proposals in the groups you follow. You follow the groups you are a member
          of unless you mute them; you can follow any other group too. Replies and answers meant for
          you still come from a muted group.
        </p>
        <FormErrors id="group-errors" errors={groupError ? [groupError] : null} />
        <ul className="mt-4 divide-y divide-stone-200 rounded-xl border border-stone-300 bg-white">
          {groups.map((group) => (
            <li key={group.id} className="flex flex-wrap items-center justify-between gap-3 p-4">
              <div>
                <Link to={`/groups/${group.slug}`} className="font-semibold underline">
                  {group.name}
                </Link>
                <p className="text-sm text-stone-600">
                  {group.following ? 'Following' : 'Not following'}
                  {group.member ? ' · you are a member' : ''}
                </p>
              </div>
              <Form method="post">
                <input type="hidden" name="groupId" value={group.id} />
                <Button
                  type="submit"
                  name="intent"
                  value={group.following ? 'mute' : 'follow'}
                  variant="secondary"
                >
                  {group.following ? 'Mute' : 'Follow'}
                  <span className="sr-only"> {group.name}</span>
                </Button>
              </Form>
            </li>
          ))}
        </ul>
      </section>
    </div>
  )
}
