// The page behind every mail's unsubscribe link, and the target of its one-click POST (RFC
// 8058: a mail client POSTs "List-Unsubscribe=One-Click" to the link). No sign-in: the signed,
// expiring token in the link is the permission, checked in Postgres (public.unsubscribe).
import {
  json,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { CadenceChoice } from '~/components/cadence-choice'
import { Button } from '~/components/ui/button'
import { FormErrors } from '~/components/ui/field'
import {
  cadenceLabels,
  mailCadences,
  topicLabels,
  type MailCadence,
} from '~/utils/mail-preferences'
import {
  readUnsubscribeLink,
  unsubscribe,
  type UnsubscribeKind,
} from '~/models/mail-preferences.server'
import { getRequestContext } from '~/utils/request-context.server'

export const meta: MetaFunction = () => [{ title: 'Unsubscribe · Policy Forum' }]

type LinkKind = UnsubscribeKind

function describeKind(kind: LinkKind) {
  if (kind === 'daily') return 'your daily digest'
  if (kind === 'weekly') return 'your weekly digest'
  return `“${topicLabels[kind].title}”`
}

function tokenOf(request: Request, formData?: FormData) {
  return String(formData?.get('token') ?? new URL(request.url).searchParams.get('token') ?? '')
}

export async function loader({ request, context: loadContext }: LoaderFunctionArgs) {
  const client = getRequestContext(request, loadContext)
  const token = tokenOf(request)
  const link = await readUnsubscribeLink(client.supabase, token)
  const headers = { ...Object.fromEntries(client.headers), 'Cache-Control': 'no-store' }
  if (!link.ok) return json({ token, link: null, problem: link.message }, { status: 400, headers })
  return json({ token, link: link.value, problem: null }, { headers })
}

export async function action({ request, context: loadContext }: ActionFunctionArgs) {
  const client = getRequestContext(request, loadContext)
  const formData = await request.formData()
  const token = tokenOf(request, formData)
  const oneClick = formData.get('List-Unsubscribe') === 'One-Click'
  const wanted = oneClick ? 'off' : String(formData.get('choice') ?? 'off')
  if (!mailCadences.includes(wanted as MailCadence))
    return json({ done: null, problem: 'Choose how you want this mail.' }, { status: 400 })
  const outcome = await unsubscribe(client.supabase, token, wanted as MailCadence)
  if (oneClick) return new Response(outcome.message, { status: outcome.ok ? 200 : 400 })
  if (!outcome.ok)
    return json({ done: null, problem: outcome.message }, { status: 400, headers: client.headers })
  return json(
    { done: { kind: outcome.value.kind, cadence: wanted as MailCadence }, problem: null },
    { headers: client.headers },
  )
}

export default function Unsubscribe() {
  const { token, link, problem } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const done = actionData?.done
  if (done)
    return (
      <div className="max-w-xl">
        <h1 className="text-3xl font-bold">Done</h1>
        <p className="mt-2 text-stone-800" role="status">
          {done.cadence === 'off'
            ? `You will no longer get e-mails for ${describeKind(done.kind)}.`
            : `E-mails for ${describeKind(done.kind)} now come: ${cadenceLabels[done.cadence as MailCadence].toLowerCase()}.`}
        </p>
        <p className="mt-4">
          <Link to="/settings/mail" className="font-semibold text-brand-700 underline">
            See all your mail settings
          </Link>{' '}
          (you will be asked to sign in).
        </p>
      </div>
    )
  if (!link)
    return (
      <div className="max-w-xl">
        <h1 className="text-3xl font-bold">This link does not work</h1>
        <p className="mt-2 text-stone-800">{actionData?.problem ?? problem}</p>
        <p className="mt-4">
          <Link to="/settings/mail" className="font-semibold text-brand-700 underline">
            Change your mail settings
          </Link>
        </p>
      </div>
    )
  const choices: readonly MailCadence[] =
    link.kind === 'daily' || link.kind === 'weekly'
      ? (['daily', 'weekly', 'off'] as const)
      : mailCadences
  return (
    <div className="max-w-xl">
      <h1 className="text-3xl font-bold">Stop e-mails for {describeKind(link.kind)}?</h1>
      <p className="mt-2 text-stone-700">
        Now: {cadenceLabels[link.cadence].toLowerCase()}. You do not need to sign in.
      </p>
      <FormErrors
        id="unsubscribe-errors"
        errors={actionData?.problem ? [actionData.problem] : null}
      />
      <Form method="post" className="mt-6">
        <input type="hidden" name="token" value={token} />
        <input type="hidden" name="choice" value="off" />
        <Button type="submit">Turn them off</Button>
      </Form>
      <Form
        method="post"
        className="mt-8 space-y-4 rounded-xl border border-stone-300 bg-white p-6"
      >
        <input type="hidden" name="token" value={token} />
        <CadenceChoice
          name="choice"
          legend="Or choose how they come"
          value={link.cadence}
          choices={choices}
        />
        <Button type="submit" variant="secondary">
          Save this choice
        </Button>
      </Form>
      <p className="mt-6">
        <Link to="/settings/mail" className="text-brand-700 underline">
          All your mail settings
        </Link>{' '}
        (you will be asked to sign in).
      </p>
    </div>
  )
}
