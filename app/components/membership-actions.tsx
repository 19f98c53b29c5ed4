// The viewer's membership of a group, and what they can do about it. Plain forms: they work
// without JavaScript. Leaving goes through a second step (groups.$slug.leave) that says what
// leaving does.
import type { Enums } from '~/types/database'
import { Form, Link, useLocation, useNavigation } from '@remix-run/react'
import type { Membership } from '~/models/group.server'
import { Button, buttonClass } from './ui/button'

type Props = {
  group: {
    slug: string
    name: string
    join_policy: Enums<'join_policy'>
    archived_at: string | null
  }
  membership: Membership
  signedIn: boolean
}

export function MembershipActions({ group, membership, signedIn }: Props) {
  const navigation = useNavigation()
  const location = useLocation()
  const busy = navigation.state !== 'idle' && navigation.formAction === `/groups/${group.slug}`
  if (group.archived_at)
    return <p className="text-sm text-stone-700">This group is archived: it is read-only.</p>
  if (!signedIn) {
    return (
      <Link
        to={`/signin?${new URLSearchParams({ redirectTo: `/groups/${group.slug}` })}`}
        className="font-semibold text-brand-700 underline"
      >
        Sign in to join {group.name}
      </Link>
    )
  }
  const form = (intent: string, label: string, variant: 'primary' | 'secondary') => (
    <Form method="post" action={`/groups/${group.slug}`} className="inline">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="redirectTo" value={`${location.pathname}${location.search}`} />
      <Button type="submit" variant={variant} disabled={busy} pending={busy}>
        {label}
      </Button>
    </Form>
  )
  if (!membership)
    return form(
      'join',
      group.join_policy === 'open' ? `Join ${group.name}` : `Ask to join ${group.name}`,
      'primary',
    )
  if (membership.status === 'pending') {
    return (
      <div className="flex flex-wrap items-center gap-3">
        <span className="rounded-full bg-amber-100 px-3 py-1 text-sm font-semibold text-amber-900">
          Request pending
        </span>
        {form('leave', 'Withdraw request', 'secondary')}
      </div>
    )
  }
  return (
    <div className="flex flex-wrap items-center gap-3">
      <span className="rounded-full bg-green-100 px-3 py-1 text-sm font-semibold text-green-900">
        {membership.role === 'facilitator' ? 'You facilitate this group' : 'You are a member'}
      </span>
      <Link to={`/groups/${group.slug}/leave`} className={buttonClass('secondary')}>
        Leave group…
      </Link>
    </div>
  )
}
