// Form fields with their label, hint and errors tied together for assistive technology:
// aria-invalid when there are errors, aria-describedby pointing at the hint and the errors.
import type {
  InputHTMLAttributes,
  ReactNode,
  SelectHTMLAttributes,
  TextareaHTMLAttributes,
} from 'react'

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

function describedBy(id: string, hint: unknown, errors?: string[] | null) {
  return (
    [hint ? `${id}-hint` : null, errors?.length ? `${id}-errors` : null]
      .filter(Boolean)
      .join(' ') || undefined
  )
}

const control =
  'mt-1 block w-full rounded-md border border-stone-500 bg-white px-3 py-2 text-stone-900 aria-[invalid=true]:border-red-700'

function Frame({ id, label, hint, errors, className, children }: Common & { children: ReactNode }) {
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
  ...input
}: Common & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <Frame {...{ id, label, hint, errors, className }}>
      <input
        {...input}
        id={id}
        className={control}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(id, hint, errors)}
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
  ...area
}: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <Frame {...{ id, label, hint, errors, className }}>
      <textarea
        {...area}
        id={id}
        className={control}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(id, hint, errors)}
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
