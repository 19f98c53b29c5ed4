// A word diff as text with its additions and removals marked, for sighted readers by colour
// and strike-through, for screen readers in words.
import type { WordDiffPart } from '~/utils/word-diff'

export function WordDiffText({
  parts,
  className = '',
}: {
  parts: WordDiffPart[]
  className?: string
}) {
  return (
    <div className={`whitespace-pre-wrap leading-7 ${className}`}>
      {parts.map((part, index) =>
        part.kind === 'same' ? (
          <span key={index}>{part.text}</span>
        ) : part.kind === 'added' ? (
          <ins key={index} className="rounded bg-green-100 text-green-900 no-underline">
            <span className="sr-only">[added: </span>
            {part.text}
            <span className="sr-only">]</span>
          </ins>
        ) : (
          <del key={index} className="rounded bg-rose-100 text-rose-900">
            <span className="sr-only">[removed: </span>
            {part.text}
            <span className="sr-only">]</span>
          </del>
        ),
      )}
    </div>
  )
}
