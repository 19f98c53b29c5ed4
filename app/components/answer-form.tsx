// The candidate's answer to one proposal: a decision and a public explanation, saved as a
// private draft to preview before anything is published. A plain form without JavaScript;
// with it, the same schema checks before sending. A refused draft comes back with the
// candidate's text in the box.
import { getFormProps, getTextareaProps, type SubmissionResult } from '@conform-to/react'
import { Form, useNavigation } from '@remix-run/react'
import {
  answerSchema,
  decisions,
  EXPLANATION_MAX_LENGTH,
  type Decision,
} from '~/utils/answer-schema'
import { decisionLabels } from '~/utils/proposal-statuses'
import { Button } from './ui/button'
import { ErrorList, FormErrors, TextAreaField } from './ui/field'
import { useSchemaForm } from '~/utils/use-schema-form'

export function AnswerForm({
  proposalId,
  proposalTitle,
  defaultValue,
  lastResult,
  submitLabel,
  action,
}: {
  proposalId: string
  proposalTitle: string
  defaultValue?: { decision: Decision; explanation: string }
  lastResult?: SubmissionResult<string[]> | null
  submitLabel: string
  /** Where the form posts; the current page by default. */
  action?: string
}) {
  const navigation = useNavigation()
  const [form, fields] = useSchemaForm({
    id: `answer-${proposalId}`,
    schema: answerSchema,
    lastResult,
    defaultValue: { proposalId, ...defaultValue },
    validateOn: 'onSubmit',
  })
  const sending =
    navigation.state === 'submitting' && navigation.formData?.get('proposalId') === proposalId
  const decisionErrorsId = `${fields.decision.id}-errors`
  return (
    <Form
      method="post"
      action={action}
      {...getFormProps(form)}
      aria-label={`Answer “${proposalTitle}”`}
      className="space-y-4"
    >
      <input type="hidden" name="intent" value="save-draft" />
      <input type="hidden" name={fields.proposalId.name} value={proposalId} />
      <FormErrors id={form.errorId} errors={form.errors} />
      <fieldset
        aria-describedby={fields.decision.errors?.length ? decisionErrorsId : undefined}
        aria-invalid={fields.decision.errors?.length ? true : undefined}
      >
        <legend className="font-semibold">Decision</legend>
        <div className="mt-1 flex flex-wrap gap-x-5 gap-y-2">
          {decisions.map((decision) => (
            <label key={decision} className="flex items-center gap-2">
              <input
                key={fields.decision.key}
                type="radio"
                name={fields.decision.name}
                value={decision}
                defaultChecked={fields.decision.initialValue === decision}
                required
                className="h-4 w-4 accent-brand-700"
              />
              {decisionLabels[decision]}
            </label>
          ))}
        </div>
        <ErrorList id={decisionErrorsId} errors={fields.decision.errors} />
      </fieldset>
      <TextAreaField
        label="Public explanation"
        hint={`Once published, shown on the proposal page and sent to its authors and supporters. Saved first as a private draft that only you can see, to preview before publishing. Up to ${EXPLANATION_MAX_LENGTH.toLocaleString('en-GB')} characters; a blank line starts a new paragraph.`}
        rows={4}
        errors={fields.explanation.errors}
        {...getTextareaProps(fields.explanation)}
      />
      <Button type="submit" pending={sending} disabled={sending}>
        {submitLabel}
      </Button>
    </Form>
  )
}
