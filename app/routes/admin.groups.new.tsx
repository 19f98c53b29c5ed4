import { parseWithZod } from '@conform-to/zod/v4'
import {
  json,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { useActionData } from '@remix-run/react'
import { GroupForm } from '~/components/group-form'
import { createGroup, groupErrorReply } from '~/models/admin.server'
import { redirectWithFlash } from '~/utils/flash.server'
import { groupSchema } from '~/utils/group-schema'
import { requireAdmin } from '~/models/permissions.server'
import { getRequestContext } from '~/utils/request-context.server'

export const meta: MetaFunction = () => [{ title: 'Create a group · Admin · Policy Forum' }]

export async function loader({ request, context: loadContext }: LoaderFunctionArgs) {
  const { headers } = await requireAdmin(getRequestContext(request, loadContext))
  return json({}, { headers })
}

export async function action({ request, context: loadContext }: ActionFunctionArgs) {
  const { supabase, headers } = await requireAdmin(getRequestContext(request, loadContext))
  const submission = parseWithZod(await request.formData(), { schema: groupSchema })
  if (submission.status !== 'success')
    return json({ result: submission.reply() }, { status: 400, headers })
  const { data, error } = await createGroup(supabase, submission.value)
  if (error) return json({ result: groupErrorReply(submission, error) }, { status: 400, headers })
  return redirectWithFlash(
    `/admin/groups/${data.slug}`,
    { kind: 'success', message: 'Group created. Now appoint its facilitators.' },
    headers,
  )
}

export default function NewGroup() {
  const actionData = useActionData<typeof action>()
  return (
    <div className="max-w-2xl">
      <h1 className="text-3xl font-bold">Create a group</h1>
      <div className="mt-6">
        <GroupForm
          lastResult={actionData?.result}
          defaultValue={{ joinPolicy: 'open' }}
          submitLabel="Create the group"
        />
      </div>
    </div>
  )
}
