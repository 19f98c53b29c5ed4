// A readable word-level diff between two revisions' plain texts, for a proposal's history.
import { diffWords as diffTokens } from 'diff'

export type WordDiffPart = { kind: 'same' | 'added' | 'removed'; text: string }

// The diff costs grow with the square of the number of edits: two unrelated 20,000-character
// texts take seconds. Past this many word edits a diff is no longer readable anyway, so
// the revision is shown as rewritten: all removed, all added.
const MAX_WORD_EDITS = 500

function kindOf(change: { added: boolean; removed: boolean }): WordDiffPart['kind'] {
  if (change.added) return 'added'
  if (change.removed) return 'removed'
  return 'same'
}

function merged(parts: WordDiffPart[]): WordDiffPart[] {
  const result: WordDiffPart[] = []
  for (const part of parts) {
    if (part.text === '') continue
    const last = result.at(-1)
    if (last?.kind === part.kind) last.text += part.text
    else result.push({ ...part })
  }
  return result
}

export function diffWords(before: string, after: string): WordDiffPart[] {
  if (before === after) return merged([{ kind: 'same', text: before }])
  const changes = diffTokens(before, after, { maxEditLength: MAX_WORD_EDITS })
  if (changes === undefined) {
    return merged([
      { kind: 'removed', text: before },
      { kind: 'added', text: after },
    ])
  }
  return merged(changes.map((change) => ({ kind: kindOf(change), text: change.value })))
}
