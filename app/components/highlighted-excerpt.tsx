// An excerpt from search whose matches Postgres marked with \u0001…\u0002: the text stays
// text (React escapes it); only the marked words become <mark>.
export function HighlightedExcerpt({ text }: { text: string }) {
  const parts = text.split(/(\u0001[^\u0002]*\u0002)/g)
  return (
    <>
      {parts.map((part, index) =>
        part.startsWith('\u0001') ? (
          <mark key={index} className="rounded bg-amber-200 px-0.5 text-stone-950">
            {part.slice(1, -1)}
          </mark>
        ) : (
          <span key={index}>{part}</span>
        ),
      )}
    </>
  )
}
