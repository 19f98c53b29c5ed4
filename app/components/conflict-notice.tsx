// Shown when someone saved the proposal while the member was editing it: their own text
// stays in the form below; the newer saved text is here to merge from by hand.
export function ConflictNotice({
  current,
}: {
  current: { title: string; summary: string; html: string; version: number; editor: string }
}) {
  return (
    <section
      aria-labelledby="conflict-heading"
      role="alert"
      className="rounded-xl border-2 border-amber-500 bg-amber-50 p-5"
    >
      <h3 id="conflict-heading" className="text-lg font-bold text-amber-950">
        Someone saved a newer version while you were editing
      </h3>
      <p className="mt-1 text-amber-950">
        Your text has not been saved, and it is still in the form below. Here is the version now
        saved (version {current.version}
        {current.editor ? `, by ${current.editor}` : ''}). Copy what you need from it into your
        text, then save again.
      </p>
      <div className="mt-4 rounded-lg border border-amber-300 bg-white p-4">
        <p className="text-sm font-semibold uppercase tracking-wide text-stone-600">
          The saved version
        </p>
        <h4 className="mt-1 text-xl font-bold">{current.title}</h4>
        {current.summary ? (
          <p className="mt-1 font-medium text-stone-800">{current.summary}</p>
        ) : null}
        <div className="prose-forum mt-3" dangerouslySetInnerHTML={{ __html: current.html }} />
      </div>
    </section>
  )
}
