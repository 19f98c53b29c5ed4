// The local outbox: e-mail the local Auth server would have sent. Exists only while server.ts
// runs the embedded local stack in development (its load context says so; no environment
// variable can turn it on); anywhere else, production included, it is a 404.
import {
  json,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { Button } from '~/components/ui/button'
import { serverEnv } from '~/utils/env.server'
import { redirectWithFlash } from '~/utils/flash.server'

type Mail = {
  id: number
  to_email: string
  subject: string
  body: string
  link: string | null
  created_at: string
}

export const meta: MetaFunction = () => [{ title: 'Local outbox · Policy Forum' }]

export async function loader({ context }: LoaderFunctionArgs) {
  if (context.localOutbox !== true)
    throw new Response('The outbox exists only on the local development stack.', { status: 404 })
  const env = serverEnv()
  const response = await fetch(`${env.SUPABASE_URL}/outbox/v1/messages`, {
    headers: { apikey: env.SUPABASE_ANON_KEY },
  })
  if (!response.ok) throw new Response('The local outbox could not be read.', { status: 503 })
  return json(
    { messages: (await response.json()) as Mail[] },
    { headers: { 'Cache-Control': 'no-store' } },
  )
}

/** Ends every member's digests now, so the worker sends them within seconds. */
export async function action({ context }: ActionFunctionArgs) {
  if (context.localOutbox !== true)
    throw new Response('The outbox exists only on the local development stack.', { status: 404 })
  const env = serverEnv()
  const response = await fetch(`${env.SUPABASE_URL}/outbox/v1/digests`, {
    method: 'POST',
    headers: { apikey: env.SUPABASE_ANON_KEY },
  })
  if (!response.ok) throw new Response('The digests could not be made.', { status: 503 })
  const { made } = (await response.json()) as { made: number }
  return redirectWithFlash('/outbox', {
    kind: 'success',
    message:
      made === 0
        ? 'Nobody has anything new for a digest.'
        : `${made} ${made === 1 ? 'digest is' : 'digests are'} on the way: reload in a few seconds.`,
  })
}

export default function Outbox() {
  const { messages } = useLoaderData<typeof loader>()
  return (
    <div>
      <h1 className="text-3xl font-bold">Local outbox</h1>
      <p className="mt-2 text-stone-700">
        On this local copy of the forum, e-mail is not sent: it lands here, newest first. That is
        the sign-in mail from Auth and the forum&rsquo;s own notifications and digests from the mail
        worker. In production, Supabase sends the first and the worker sends the rest over SMTP.
      </p>
      <Form method="post" className="mt-4">
        <Button type="submit" variant="secondary">
          Send everyone’s digests now
        </Button>
      </Form>
      {messages.length === 0 ? (
        <p className="mt-6 rounded-md border border-stone-300 bg-white p-4">No e-mail yet.</p>
      ) : (
        <ol className="mt-6 space-y-4">
          {messages.map((mail) => (
            <li key={mail.id} className="rounded-xl border border-stone-300 bg-white p-5">
              <h2 className="text-lg font-bold">{mail.subject}</h2>
              <p className="text-sm text-stone-600">
                To {mail.to_email} ·{' '}
                <time dateTime={mail.created_at}>
                  {new Date(mail.created_at).toLocaleString('en-GB', { timeZone: 'UTC' })} UTC
                </time>
              </p>
              <p className="mt-3 whitespace-pre-line text-stone-800">{mail.body}</p>
              {mail.link ? (
                <p className="mt-3">
                  <a href={mail.link} className="font-semibold text-brand-700 underline">
                    Open the link in this e-mail<span className="sr-only"> ({mail.subject})</span>
                  </a>
                </p>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
