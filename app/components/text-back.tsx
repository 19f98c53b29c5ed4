// When a save is refused and the form cannot be shown, the member's text is shown instead,
// ready to copy, so nothing they typed is lost.
import { documentToPlainText, parseProposalDocument } from '~/editor/document'

export function TextBack({
  values,
  message,
}: {
  values: { title: string; summary: string; body: unknown }
  message: string
}) {
  const parsed = parseProposalDocument(values.body)
  const text = [values.title, values.summary, parsed.ok ? documentToPlainText(parsed.doc) : '']
    .filter(Boolean)
    .join('\n\n')
  return (
    <div role="alert" className="rounded-xl border-2 border-amber-500 bg-amber-50 p-5">
      <p className="font-semibold text-amber-950">
        {message} Here is your text, so you can copy it:
      </p>
      <label htmlFor="your-text" className="mt-3 block font-semibold">
        Your text
      </label>
      <textarea
        id="your-text"
        readOnly
        rows={12}
        className="mt-1 w-full rounded-md border border-stone-500 bg-white p-3"
        value={text}
      />
    </div>
  )
}
