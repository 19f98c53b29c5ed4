// The second step of an act that cannot be quietly undone (hide, archive, forward, leave,
// delete): what will happen, in a list, and one form that does it. A plain page without
// JavaScript. It can carry one text the act needs (a reason, a cover note): typed on the
// first step or here, kept when refused, with a live count of its limit.
import { Form, Link, useNavigation } from '@remix-run/react'
import { useEffect, useRef } from 'react'
import { Button } from './button'
import { TextAreaField } from './field'

export type ConfirmText = {
  name: string
  label: string
  hint?: string
  value: string
  max: number
  required?: boolean
  error?: string | null
}

export type ConfirmStepData = {
  heading: string
  consequences: string[]
  confirmLabel: string
  /** Sent back as they came, with confirmed=yes. */
  fields: Record<string, string>
  text?: ConfirmText
  /** Why the act was refused, if it was. */
  error?: string | null
  danger?: boolean
}

export function ConfirmStep({
  step,
  cancelHref,
  cancelLabel = 'Cancel: go back without doing it',
  action,
}: {
  step: ConfirmStepData
  cancelHref: string
  cancelLabel?: string
  action?: string
}) {
  const navigation = useNavigation()
  const pending = navigation.state === 'submitting'
  const headingRef = useRef<HTMLHeadingElement>(null)
  // The step replaces the page it came from: move the focus to its heading, as a page load would.
  useEffect(() => headingRef.current?.focus(), [step.heading])
  const textId = step.text ? `confirm-${step.text.name}` : ''
  return (
    <section
      aria-labelledby="confirm-heading"
      className="max-w-2xl rounded-xl border-2 border-stone-400 bg-white p-5"
    >
      <h2 id="confirm-heading" ref={headingRef} tabIndex={-1} className="text-2xl font-bold">
        {step.heading}
      </h2>
      {step.error ? (
        <p
          role="alert"
          className="mt-3 rounded-md border border-red-700 bg-red-50 p-3 text-red-800"
        >
          {step.error}
        </p>
      ) : null}
      <h3 className="mt-4 font-semibold">What will happen</h3>
      <ul className="mt-1 list-disc space-y-1 pl-5 text-stone-800">
        {step.consequences.map((consequence) => (
          <li key={consequence}>{consequence}</li>
        ))}
      </ul>
      <Form method="post" action={action} className="mt-5 space-y-4">
        {Object.entries(step.fields).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <input type="hidden" name="confirmed" value="yes" />
        {step.text ? (
          <TextAreaField
            id={textId}
            name={step.text.name}
            label={step.text.label}
            hint={step.text.hint}
            rows={4}
            maxLength={step.text.max}
            required={step.text.required}
            defaultValue={step.text.value}
            errors={step.text.error ? [step.text.error] : null}
          />
        ) : null}
        <div className="flex flex-wrap items-center gap-4">
          <Button
            type="submit"
            variant={step.danger ? 'danger' : 'primary'}
            pending={pending}
            disabled={pending}
          >
            {step.confirmLabel}
          </Button>
          <Link to={cancelHref} className="font-semibold text-brand-700 underline">
            {cancelLabel}
          </Link>
        </div>
      </Form>
    </section>
  )
}
