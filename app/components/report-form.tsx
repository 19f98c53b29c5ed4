// Reporting a proposal or comment to the group's facilitators, with a reason.
import { Form } from '@remix-run/react'
import { Button } from './ui/button'

export function ReportForm({
  action,
  commentId,
  label,
  cancelTo,
  weight,
}: {
  action: string
  commentId?: string
  label: string
  cancelTo: string
  /** What this member's report will do, from their standing in the group. */
  weight: string
}) {
  const id = `report-${commentId ?? 'proposal'}`
  return (
    <Form
      method="post"
      action={action}
      preventScrollReset
      className="mt-3 space-y-2 rounded-lg border border-stone-300 bg-stone-50 p-4"
    >
      <input type="hidden" name="intent" value="flag" />
      {commentId ? <input type="hidden" name="commentId" value={commentId} /> : null}
      <label htmlFor={id} className="block font-semibold">
        {label}
      </label>
      <p id={`${id}-hint`} className="text-sm text-stone-700">
        The group’s facilitators will see your reason and decide. {weight}
      </p>
      <textarea
        id={id}
        name="reason"
        required
        maxLength={500}
        rows={3}
        aria-describedby={`${id}-hint`}
        className="block w-full rounded-md border border-stone-500 bg-white px-3 py-2"
      />
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" variant="danger" className="px-3 py-1 text-sm">
          Send the report
        </Button>
        <a href={cancelTo} className="text-brand-700 underline">
          Cancel
        </a>
      </div>
    </Form>
  )
}
