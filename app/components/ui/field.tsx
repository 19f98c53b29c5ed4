// Form fields with their label, hint and errors tied together for assistive technology:
// aria-invalid when there are errors, aria-describedby pointing at the hint and the errors.
// A field with a length limit shows how much room is left as the member types, and is never
// cut short: no maxLength on the element (a pasted text would lose its end without a word);
// the limit is checked by the form's schema, before and after sending, with the text kept.
import {
  useState,
  useSyncExternalStore,
  type FormEvent,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from 'react'

const noSubscription = () => () => {}
const number = new Intl.NumberFormat('en-GB')

/** How many characters are left, live once the page has JavaScript; a plain limit before. */
export function CharacterCount({ id, length, max }: { id: string; length: number; max: number }) {
  const live = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  )
  const left = max - length
  if (!live)
    return (
      <p id={id} className="mt-1 text-sm text-stone-600">
        Up to {number.format(max)} characters.
      </p>
    )
  return (
    <p
      id={id}
      className={`mt-1 text-sm ${left < 0 ? 'font-semibold text-red-700' : 'text-stone-600'}`}
      aria-live={left < 0 ? 'polite' : 'off'}
    >
      {left < 0
        ? `${number.format(-left)} ${left === -1 ? 'character' : 'characters'} too many: the limit is ${number.format(max)}.`
        : `${number.format(left)} of ${number.format(max)} characters left.`}
    </p>
  )
}

/** The length of what is in a field now, for its CharacterCount. */
export function useLength(initial: unknown) {
  const [length, setLength] = useState(String(initial ?? '').length)
  return [
    length,
    (event: FormEvent<HTMLInputElement | HTMLTextAreaElement>) =>
      setLength(event.currentTarget.value.length),
    setLength,
  ] as const
}

export function ErrorList({ id, errors }: { id?: string; errors?: string[] | null }) {
  if (!errors?.length) return null
  return (
    <ul id={id} className="mt-1 space-y-1 text-sm font-medium text-red-700">
      {errors.map((error) => (
        <li key={error}>{error}</li>
      ))}
    </ul>
  )
}

type Common = {
  label: ReactNode
  hint?: ReactNode
  errors?: string[] | null
  id: string
  className?: string
}

function describedBy(id: string, hint: unknown, errors?: string[] | null, counted = false) {
  return (
    [
      hint ? `${id}-hint` : null,
      counted ? `${id}-count` : null,
      errors?.length ? `${id}-errors` : null,
    ]
      .filter(Boolean)
      .join(' ') || undefined
  )
}

const control =
  'mt-1 block w-full rounded-md border border-stone-500 bg-white px-3 py-2 text-stone-900 aria-[invalid=true]:border-red-700'

function Frame({
  id,
  label,
  hint,
  errors,
  className,
  count,
  children,
}: Common & { count?: ReactNode; children: ReactNode }) {
  return (
    <div className={className}>
      <label htmlFor={id} className="block font-semibold text-stone-900">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-stone-600">
          {hint}
        </p>
      ) : null}
      {children}
      {count}
      <ErrorList id={`${id}-errors`} errors={errors} />
    </div>
  )
}

export function TextField({
  label,
  hint,
  errors,
  id,
  className,
  maxLength,
  ...input
}: Common & InputHTMLAttributes<HTMLInputElement>) {
  const [length, onInput] = useLength(input.defaultValue ?? input.value)
  const count = maxLength ? (
    <CharacterCount id={`${id}-count`} length={length} max={maxLength} />
  ) : null
  return (
    <Frame {...{ id, label, hint, errors, className, count }}>
      <input
        {...input}
        id={id}
        onInput={(event) => {
          onInput(event)
          input.onInput?.(event)
        }}
        className={control}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(id, hint, errors, Boolean(maxLength))}
      />
    </Frame>
  )
}

export function TextAreaField({
  label,
  hint,
  errors,
  id,
  className,
  maxLength,
  ...area
}: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const [length, onInput] = useLength(area.defaultValue ?? area.value)
  const count = maxLength ? (
    <CharacterCount id={`${id}-count`} length={length} max={maxLength} />
  ) : null
  return (
    <Frame {...{ id, label, hint, errors, className, count }}>
      <textarea
        {...area}
        id={id}
        onInput={(event) => {
          onInput(event)
          area.onInput?.(event)
        }}
        className={control}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(id, hint, errors, Boolean(maxLength))}
      />
    </Frame>
  )
}

export function SelectField({
  label,
  hint,
  errors,
  id,
  className,
  children,
  ...select
}: Common & SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <Frame {...{ id, label, hint, errors, className }}>
      <select
        {...select}
        id={id}
        className={control}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(id, hint, errors)}
      >
        {children}
      </select>
    </Frame>
  )
}

export function FormErrors({ id, errors }: { id: string; errors?: string[] | null }) {
  if (!errors?.length) return null
  return (
    <div
      id={id}
      role="alert"
      className="rounded-md border border-red-700 bg-red-50 p-3 text-red-800"
    >
      <ErrorList errors={errors} />
    </div>
  )
}
