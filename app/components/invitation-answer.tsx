// Accept or decline an invitation to co-author: on the proposal page and on the notification.
import { Form } from '@remix-run/react'
import { Button } from './ui/button'

export function InvitationAnswer({
  proposalId,
  proposalTitle,
  action,
}: {
  proposalId: string
  /** Named in the buttons' accessible names, so each pair is told apart. */
  proposalTitle: string
  action?: string
}) {
  return (
    <div className="flex flex-wrap gap-2">
      <Form method="post" action={action}>
        <input type="hidden" name="intent" value="accept-invitation" />
        <input type="hidden" name="proposalId" value={proposalId} />
        <Button type="submit" className="px-3 py-1 text-sm">
          Accept<span className="sr-only"> the invitation to co-author “{proposalTitle}”</span>
        </Button>
      </Form>
      <Form method="post" action={action}>
        <input type="hidden" name="intent" value="decline-invitation" />
        <input type="hidden" name="proposalId" value={proposalId} />
        <Button type="submit" variant="secondary" className="px-3 py-1 text-sm">
          Decline<span className="sr-only"> the invitation to co-author “{proposalTitle}”</span>
        </Button>
      </Form>
    </div>
  )
}
