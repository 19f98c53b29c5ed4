// Reporting a proposal or comment to the group's facilitators: what kind of problem it is
// and, if need be, in the member's words (with a live count of the room left). It posts to
// the report route (routes/report.tsx), which sends the member back to `action`, the page
// it was shown on, or shows the form again with what they typed when it is refused.
import { Form } from '@remix-run/react'
import {
  REPORT_REASON_MAX_LENGTH,
  reportCategories,
  reportCategoryLabels,
  type ReportCategory,
} from '~/utils/report-schema'
import { Button } from './ui/button'
import { ErrorList, TextAreaField } from './ui/field'

export function ReportForm({
  action,
  commentId,
  label,
  cancelTo,
  weight,
  proposalId,
  defaultValue,
  errors,
}: {
  /** The page the report is made on; the member goes back there. */
  action: string
  commentId?: string
  /** The proposal reported, when it is not a comment (else read from `action`). */
  proposalId?: string
  label: string
  cancelTo: string
  /** What this member's report will do, from their standing in the group. */
  weight: string
  defaultValue?: { category?: ReportCategory | null; reason?: string }
  errors?: { category?: string[]; reason?: string[]; form?: string[] }
}) {
  const id = `report-${commentId ?? 'proposal'}`
  return (
    <Form
      method="post"
      action="/report"
      preventScrollReset
      className="mt-3 space-y-3 rounded-lg border border-stone-300 bg-stone-50 p-4"
    >
      <input type="hidden" name="returnTo" value={action} />
      {commentId ? <input type="hidden" name="commentId" value={commentId} /> : null}
      {proposalId ? <input type="hidden" name="proposalId" value={proposalId} /> : null}
      <ErrorList errors={errors?.form} />
      <fieldset
        aria-describedby={`${id}-hint${errors?.category?.length ? ` ${id}-category-errors` : ''}`}
        aria-invalid={errors?.category?.length ? true : undefined}
      >
        <legend className="font-semibold">{label}</legend>
        <p id={`${id}-hint`} className="text-sm text-stone-700">
          The group’s facilitators will see your report and decide. {weight}
        </p>
        <div className="mt-2 space-y-1">
          {reportCategories.map((category) => (
            <label key={category} className="flex items-center gap-2">
              <input
                type="radio"
                name="category"
                value={category}
                required
                defaultChecked={defaultValue?.category === category}
                className="h-4 w-4 accent-brand-700"
              />
              {reportCategoryLabels[category]}
            </label>
          ))}
        </div>
        <ErrorList id={`${id}-category-errors`} errors={errors?.category} />
      </fieldset>
      <TextAreaField
        id={id}
        name="reason"
        label="What is wrong with it"
        hint="Optional, except for “Something else”."
        maxLength={REPORT_REASON_MAX_LENGTH}
        rows={3}
        defaultValue={defaultValue?.reason ?? ''}
        errors={errors?.reason}
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
