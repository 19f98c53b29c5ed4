// A word-level comparison as members read it: added words marked green, removed words struck
// through in red, each also announced in words for screen readers.
import type { WordDiffPart } from '~/utils/word-diff'

export function WordDiffLegend() {
  return (
    <>
      <span className="rounded bg-green-100 px-1 text-green-900">Added words</span> and{' '}
      <span className="rounded bg-rose-100 px-1 text-rose-900 line-through">removed words</span> are
      marked.
    </>
  )
}

export function WordDiffView({ diff, sameText }: { diff: WordDiffPart[]; sameText: string }) {
  const changed = diff.some((part) => part.kind !== 'same')
  return (
    <div
      className="mt-3 whitespace-pre-wrap rounded-xl border border-stone-300 bg-white p-5 leading-7"
      data-testid="diff"
    >
      {changed
        ? diff.map((part, index) =>
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
          )
        : sameText}
    </div>
  )
}
