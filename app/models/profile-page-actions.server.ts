// What the profile page's two forms do: save the profile, or delete the account once the
// member has typed the phrase. The intent is read once and dispatched through one switch; an
// intent nobody handles is a 400. The profile form sends no intent (it was the page's first
// form), so none means saving the profile.
import { json, type ActionFunctionArgs } from '@remix-run/node'
import { parseWithZod } from '@conform-to/zod/v4'
import { z } from 'zod'
import { deleteMyAccount } from './account.server'
import { requireUser } from './permissions.server'
import { updateProfile } from './profile.server'
import { listRegions } from './region.server'
import { describeDbError, fieldOfDbError } from '~/utils/db-errors.server'
import { redirectWithFlash } from '~/utils/flash.server'
import { unknownAction } from '~/utils/http.server'
import { deleteAccountPhrase, profileSchema } from '~/utils/profile-schema'
import { getRequestContext, type RequestContext } from '~/utils/request-context.server'

const intents = ['save-profile', 'delete-account'] as const

export async function profilePageAction({ request, context: loadContext }: ActionFunctionArgs) {
  const client = getRequestContext(request, loadContext)
  const user = await requireUser(client)
  const formData = await request.formData()
  const parsed = z.enum(intents).safeParse(formData.get('intent') ?? 'save-profile')
  if (!parsed.success) throw unknownAction(client.headers)
  const intent = parsed.data
  switch (intent) {
    case 'save-profile':
      return saveProfile(client, user.id, formData)
    case 'delete-account':
      return deleteAccount(client, formData)
    default: {
      const unhandled: never = intent
      throw new Error(`Unhandled profile intent: ${String(unhandled)}`)
    }
  }
}

async function deleteAccount(client: RequestContext, formData: FormData) {
  if (
    String(formData.get('confirm') ?? '')
      .trim()
      .toLowerCase() !== deleteAccountPhrase
  ) {
    return json(
      { result: null, deleteError: `Type “${deleteAccountPhrase}” to confirm.` },
      { status: 400, headers: client.headers },
    )
  }
  const outcome = await deleteMyAccount(client.supabase)
  if (!outcome.ok)
    return json(
      { result: null, deleteError: outcome.message },
      { status: 400, headers: client.headers },
    )
  await client.supabase.auth.signOut({ scope: 'local' })
  return redirectWithFlash(
    '/',
    {
      kind: 'info',
      message: 'Your account has been deleted. What you published stays, without your name.',
    },
    client.headers,
  )
}

async function saveProfile(client: RequestContext, userId: string, formData: FormData) {
  const submission = parseWithZod(formData, { schema: profileSchema })
  if (submission.status !== 'success')
    return json(
      { result: submission.reply(), deleteError: null },
      { status: 400, headers: client.headers },
    )
  const regions = await listRegions(client.supabase)
  if (!regions.some((r) => r.slug === submission.value.region)) {
    return json(
      {
        result: submission.reply({
          fieldErrors: { region: ['Choose where you live from the list.'] },
        }),
        deleteError: null,
      },
      { status: 400, headers: client.headers },
    )
  }
  const { error } = await updateProfile(client.supabase, userId, {
    display_name: submission.value.displayName,
    region: submission.value.region,
    bio: submission.value.bio,
    borough_public: submission.value.boroughPublic,
  })
  if (error) {
    // Names that claim a role, or have nothing visible left, are refused by Postgres with a
    // sentence for the name field (private.prepare_display_name).
    const nameProblem = fieldOfDbError(error, 'display_name')
    return json(
      {
        result: submission.reply(
          nameProblem
            ? { fieldErrors: { displayName: [nameProblem] } }
            : { formErrors: [describeDbError(error)] },
        ),
        deleteError: null,
      },
      { status: 400, headers: client.headers },
    )
  }
  return redirectWithFlash(
    `/members/${userId}`,
    { kind: 'success', message: 'Your profile has been saved.' },
    client.headers,
  )
}
