// Where every report is sent: a proposal or a comment, with its kind of problem and the
// member's words. Sent, the member goes back to the page they reported from; refused (too
// long, no kind chosen, Postgres said no), the form comes back here with what they typed.
import {
  json,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Link, useActionData } from '@remix-run/react'
import { ReportForm } from '~/components/report-form'
import { flagContent } from '~/models/moderation.server'
import { redirectWithFlash } from '~/utils/flash.server'
import { safeRedirect } from '~/utils/redirect'
import { reportCategories, reportSchema, type ReportCategory } from '~/utils/report-schema'
import { uuidPattern } from '~/utils/uuid'
import { requireUser } from '~/models/permissions.server'
import { getRequestContext } from '~/utils/request-context.server'
import { invariantResponse } from '~/utils/http.server'

export const meta: MetaFunction = () => [{ title: 'Report · Policy Forum' }]

export async function loader({ request, context: loadContext }: LoaderFunctionArgs) {
  const client = getRequestContext(request, loadContext)
  await requireUser(client)
  return json(null, { headers: client.headers })
}

export async function action({ request, context: loadContext }: ActionFunctionArgs) {
  const client = getRequestContext(request, loadContext)
  await requireUser(client)
  const form = await request.formData()
  const returnTo = safeRedirect(form.get('returnTo'), '/')
  const commentId = String(form.get('commentId') ?? '')
  // A proposal is reported from its own page: its id is in the address when not sent.
  const proposalId =
    String(form.get('proposalId') ?? '') || (/\/proposals\/([^/?#]+)/.exec(returnTo)?.[1] ?? '')
  const category = String(form.get('category') ?? '')
  const values = {
    category: (reportCategories as readonly string[]).includes(category)
      ? (category as ReportCategory)
      : null,
    reason: String(form.get('reason') ?? ''),
  }
  const target = uuidPattern.test(commentId)
    ? { commentId }
    : uuidPattern.test(proposalId)
      ? { proposalId }
      : null
  invariantResponse(target, 'There is nothing to report here.', { headers: client.headers })
  const refused = (errors: { category?: string[]; reason?: string[]; form?: string[] }) =>
    json(
      { returnTo, commentId: target.commentId ?? null, values, errors },
      { status: 400, headers: client.headers },
    )
  const parsed = reportSchema.safeParse({ category, reason: values.reason })
  if (!parsed.success) {
    const errors: { category?: string[]; reason?: string[] } = {}
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] === 'reason' ? 'reason' : 'category'
      errors[field] = [...(errors[field] ?? []), issue.message]
    }
    return refused(errors)
  }
  const outcome = await flagContent(
    client.supabase,
    target,
    parsed.data.reason,
    parsed.data.category,
  )
  if (!outcome.ok) return refused({ form: [outcome.message] })
  const back = target.commentId
    ? `${returnTo.split('#')[0].split('?')[0]}?comment=${target.commentId}#comment-${target.commentId}`
    : returnTo
  return redirectWithFlash(back, { kind: 'success', message: outcome.message }, client.headers)
}

export default function Report() {
  const data = useActionData<typeof action>()
  if (!data)
    return (
      <div className="max-w-2xl">
        <h1 className="text-3xl font-bold">Report to the facilitators</h1>
        <p className="mt-2 text-stone-700">
          Reports are made from the page of the proposal or comment: use its “Report” link.
        </p>
      </div>
    )
  return (
    <div className="max-w-2xl">
      <h1 className="text-3xl font-bold">Your report was not sent</h1>
      <p className="mt-2 text-stone-700">
        Check what is marked below and send it again, or{' '}
        <Link to={data.returnTo} className="font-semibold text-brand-700 underline">
          go back without reporting
        </Link>
        .
      </p>
      <ReportForm
        action={data.returnTo}
        commentId={data.commentId ?? undefined}
        label={
          data.commentId
            ? 'Why are you reporting this comment?'
            : 'Why are you reporting this proposal?'
        }
        cancelTo={data.returnTo}
        weight=""
        defaultValue={data.values}
        errors={data.errors}
      />
    </div>
  )
}
