// What the mail settings page's forms do: save the preferences (cadence per kind of news and
// when digests come), or follow or mute one group's new proposals. The intent is read once and
// dispatched through one switch; an intent nobody handles is a 400 and changes nothing.
import { parseWithZod } from '@conform-to/zod/v4'
import { json, type ActionFunctionArgs } from '@remix-run/node'
import { z } from 'zod'
import { chooseGroupMail, updateMailPreferences } from './mail-preferences.server'
import { requireUser } from './permissions.server'
import { describeDbError } from '~/utils/db-errors.server'
import { redirectWithFlash } from '~/utils/flash.server'
import { unknownAction } from '~/utils/http.server'
import { mailPreferencesSchema } from '~/utils/mail-preferences'
import { getRequestContext, type RequestContext } from '~/utils/request-context.server'

const intents = ['preferences', 'follow', 'mute'] as const

export async function mailSettingsAction({ request, context: loadContext }: ActionFunctionArgs) {
  const client = getRequestContext(request, loadContext)
  const user = await requireUser(client)
  const formData = await request.formData()
  const parsed = z.enum(intents).safeParse(formData.get('intent'))
  if (!parsed.success) throw unknownAction(client.headers)
  const intent = parsed.data
  switch (intent) {
    case 'preferences':
      return savePreferences(client, user.id, formData)
    case 'follow':
    case 'mute':
      return chooseGroup(client, intent, formData)
    default: {
      const unhandled: never = intent
      throw new Error(`Unhandled mail settings intent: ${String(unhandled)}`)
    }
  }
}

async function savePreferences(client: RequestContext, userId: string, formData: FormData) {
  const submission = parseWithZod(formData, { schema: mailPreferencesSchema })
  if (submission.status !== 'success')
    return json({ result: submission.reply() }, { status: 400, headers: client.headers })
  const { error } = await updateMailPreferences(client.supabase, userId, submission.value)
  if (error) {
    const message = describeDbError(error)
    return json(
      {
        result: submission.reply(
          error.code === '22023'
            ? { fieldErrors: { time_zone: [message] } }
            : { formErrors: [message] },
        ),
      },
      { status: 400, headers: client.headers },
    )
  }
  return redirectWithFlash(
    '/settings/mail',
    { kind: 'success', message: 'Your mail settings have been saved.' },
    client.headers,
  )
}

async function chooseGroup(client: RequestContext, intent: 'follow' | 'mute', formData: FormData) {
  const groupId = String(formData.get('groupId') ?? '')
  const { error, data } = await chooseGroupMail(client.supabase, groupId, intent === 'follow')
  if (error || data.length === 0)
    return json(
      {
        result: null,
        groupError: error ? describeDbError(error) : 'That group takes no followers.',
      },
      { status: 400, headers: client.headers },
    )
  return redirectWithFlash(
    '/settings/mail',
    {
      kind: 'success',
      message:
        intent === 'follow'
          ? 'You will hear of new proposals in that group.'
          : 'You will no longer hear of new proposals in that group.',
    },
    client.headers,
  )
}
