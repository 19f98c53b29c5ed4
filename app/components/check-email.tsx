// What a new member sees once sign-up has sent them a confirmation link: where it went, and a
// way to have it sent again. The same page whether or not the address already had an account.
import { Form, Link, useNavigation, useRouteLoaderData } from '@remix-run/react'
import type { loader as rootLoader } from '~/root'
import { AuthCard } from './auth-card'
import { Button } from './ui/button'

export function CheckEmail({
  email,
  notice,
  error,
}: {
  email: string
  notice?: string | null
  error?: string | null
}) {
  const root = useRouteLoaderData<typeof rootLoader>('root')
  const navigation = useNavigation()
  return (
    <AuthCard title="Check your e-mail">
      <div className="space-y-4">
        <div role="status" className="space-y-3">
          <p>
            We have sent a link to <strong>{email}</strong>. Follow it to confirm your address and
            sign in. The link works once, for an hour.
          </p>
          {notice ? <p className="font-semibold">{notice}</p> : null}
        </div>
        {error ? (
          <p role="alert" className="rounded-md border border-red-700 bg-red-50 p-3 text-red-800">
            {error}
          </p>
        ) : null}
        {root?.localOutbox ? (
          <p>
            This is a local copy of the forum: e-mail goes to the{' '}
            <Link to="/outbox" className="font-semibold text-brand-700 underline">
              local outbox
            </Link>
            .
          </p>
        ) : null}
        <Form method="post" action="/signup/resend" className="space-y-2">
          <input type="hidden" name="email" value={email} />
          <p>No e-mail after a few minutes? Look in your spam folder, or:</p>
          <Button type="submit" variant="secondary" pending={navigation.state === 'submitting'}>
            Send the link again
          </Button>
        </Form>
      </div>
    </AuthCard>
  )
}
