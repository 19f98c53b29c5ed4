// A comment's text: paragraphs, line breaks, and web addresses as links. React escapes
// everything; only http(s) addresses become links, marked as user content.
const url = /\bhttps?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)\]]/g

function linkify(line: string, key: string) {
  const parts: Array<string | JSX.Element> = []
  let last = 0
  for (const match of line.matchAll(url)) {
    const start = match.index ?? 0
    if (start > last) parts.push(line.slice(last, start))
    parts.push(
      <a
        key={`${key}-${start}`}
        href={match[0]}
        rel="nofollow noopener noreferrer ugc"
        className="break-all text-brand-700 underline"
      >
        {match[0]}
      </a>,
    )
    last = start + match[0].length
  }
  if (last < line.length) parts.push(line.slice(last))
  return parts
}

export function CommentBody({ text }: { text: string }) {
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
  return (
    <div className="space-y-2">
      {paragraphs.map((paragraph, p) => (
        <p key={p} className="break-words">
          {paragraph.split('\n').map((line, l) => (
            <span key={l}>
              {l > 0 ? <br /> : null}
              {linkify(line, `${p}-${l}`)}
            </span>
          ))}
        </p>
      ))}
    </div>
  )
}
