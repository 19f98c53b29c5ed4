// For the group's curators after the count: forward the winning proposal to the candidate with
// the ballot's result attached, and an optional cover note; once done, when it was.
import { Form } from '@remix-run/react'
import { Button } from '~/components/ui/button'
import { TextAreaField } from '~/components/ui/field'
import { dateAndTime } from '~/utils/dates'

export function ForwardWinner({
  winner,
  forwardedAt,
  error,
}: {
  winner: string
  forwardedAt: string | null
  error: string | null
}) {
  return (
    <section aria-labelledby="forward-heading">
      <h2 id="forward-heading" className="text-xl font-bold">
        Forward the winner to the candidate
      </h2>
      {forwardedAt ? (
        <p className="mt-1">
          Forwarded <time dateTime={forwardedAt}>{dateAndTime(forwardedAt)}</time> with this result
          attached.
        </p>
      ) : (
        <Form method="post" className="mt-2 space-y-3">
          <input type="hidden" name="intent" value="forward" />
          <TextAreaField
            id="coverNote"
            name="coverNote"
            label="Cover note for the candidate (optional)"
            hint="The candidate sees it beside the proposal, with this ballot’s result."
            rows={3}
            maxLength={2000}
            errors={error ? [error] : null}
          />
          <Button type="submit">Forward “{winner}” with its result</Button>
        </Form>
      )}
    </section>
  )
}
