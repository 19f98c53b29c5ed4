// One kind of mail and how it is sent: a fieldset of radio buttons (works without JavaScript).
import { ErrorList } from '~/components/ui/field'
import { cadenceLabels, mailCadences, type MailCadence } from '~/utils/mail-preferences'

export function CadenceChoice({
  name,
  legend,
  hint,
  value,
  errors,
  choices = mailCadences,
}: {
  name: string
  legend: string
  hint?: string
  value: MailCadence
  errors?: string[] | null
  choices?: readonly MailCadence[]
}) {
  const hintId = `${name}-hint`
  const errorId = `${name}-errors`
  return (
    <fieldset
      aria-describedby={
        [hint ? hintId : null, errors?.length ? errorId : null].filter(Boolean).join(' ') ||
        undefined
      }
    >
      <legend className="font-semibold text-stone-900">{legend}</legend>
      {hint ? (
        <p id={hintId} className="text-sm text-stone-600">
          {hint}
        </p>
      ) : null}
      <div className="mt-2 flex flex-wrap gap-x-5 gap-y-2">
        {choices.map((cadence) => (
          <label key={cadence} className="inline-flex min-h-6 items-center gap-2">
            <input
              type="radio"
              name={name}
              value={cadence}
              defaultChecked={cadence === value}
              className="h-4 w-4"
            />
            {cadenceLabels[cadence]}
          </label>
        ))}
      </div>
      <ErrorList id={errorId} errors={errors} />
    </fieldset>
  )
}
