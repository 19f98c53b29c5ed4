// The proposal body as a plain textarea: what the server renders, what works without
// JavaScript, and the fallback for text the editor cannot take.
import { BODY_MAX_CHARACTERS, documentFromPlainText, type ProposalDocument } from './document'

const fieldClass =
  'block min-h-64 w-full rounded-md border border-stone-500 bg-white px-3 py-2 text-stone-900 aria-[invalid=true]:border-red-700'

/**
 * What the member typed into the server-rendered textarea before the scripts ran. Hydration
 * resets a textarea to its server text, so this is read during the first render, before
 * React gets to it; a textarea whose value differs from its default has been typed in.
 */
export function readEarlyText(id: string): { text: string; doc: ProposalDocument } | null {
  if (typeof document === 'undefined') return null
  const field = document.getElementById(id)
  if (!(field instanceof HTMLTextAreaElement) || field.value === field.defaultValue) return null
  return { text: field.value, doc: documentFromPlainText(field.value) }
}

export function PlainBodyField({
  id,
  name,
  defaultValue,
  labelledBy,
  describedBy,
  invalid,
  tooLong = false,
}: {
  id: string
  name: string
  defaultValue: string
  labelledBy: string
  describedBy?: string
  invalid: boolean
  /** Explains why the formatting tools are off; never during hydration (server markup). */
  tooLong?: boolean
}) {
  const noteId = `${id}-too-long`
  return (
    <div>
      <textarea
        id={id}
        name={name}
        rows={10}
        defaultValue={defaultValue}
        aria-labelledby={labelledBy}
        aria-describedby={
          [describedBy, tooLong ? noteId : null].filter(Boolean).join(' ') || undefined
        }
        aria-invalid={invalid || undefined}
        className={fieldClass}
      />
      {tooLong ? (
        <p id={noteId} className="mt-2 text-sm font-semibold text-red-700">
          This text is over the limit of {BODY_MAX_CHARACTERS.toLocaleString('en-GB')} characters,
          so the formatting tools are off. Shorten it before saving.
        </p>
      ) : null}
    </div>
  )
}
