// Follow or unfollow a proposal or a group: a plain form, posted to /follows.
import { Form } from '@remix-run/react'
import { Button } from '~/components/ui/button'

export function FollowButton({
  following,
  target,
  redirectTo,
  what,
}: {
  following: boolean
  target: { proposalId: string } | { groupId: string }
  redirectTo: string
  what: 'proposal' | 'group'
}) {
  return (
    <Form method="post" action="/follows">
      <input type="hidden" name="intent" value={following ? 'unfollow' : 'follow'} />
      {'proposalId' in target ? (
        <input type="hidden" name="proposalId" value={target.proposalId} />
      ) : (
        <input type="hidden" name="groupId" value={target.groupId} />
      )}
      <input type="hidden" name="redirectTo" value={redirectTo} />
      <Button type="submit" variant="secondary">
        {following ? `Unfollow this ${what}` : `Follow this ${what}`}
      </Button>
    </Form>
  )
}
