import { describe, expect, it } from 'vitest'
import { diffWords, type WordDiffPart } from './word-diff'

function side(parts: WordDiffPart[], skip: WordDiffPart['kind']): string {
  return parts
    .filter((part) => part.kind !== skip)
    .map((part) => part.text)
    .join('')
}

const revisions: Array<[string, string]> = [
  ['The quick brown fox jumps.', 'The slow brown fox leaps!'],
  ['Run buses later.', 'Run night buses later, every day.'],
  [
    'Remove the tolls.\n\n- Mersey\n- Kingsway',
    'Remove both tolls.\n\n- Mersey\n- Kingsway\n- Silver Jubilee',
  ],
  ['Delete all of this', ''],
  ['', 'Write all of this'],
]

describe('diffWords', () => {
  it('marks an unchanged text as the same, and nothing as nothing', () => {
    expect(diffWords('Same words.', 'Same words.')).toEqual([{ kind: 'same', text: 'Same words.' }])
    expect(diffWords('', '')).toEqual([])
  })

  it('shows a replaced word as removed then added, between unchanged words', () => {
    expect(diffWords('Buses every hour', 'Buses every half hour')).toEqual([
      { kind: 'same', text: 'Buses every ' },
      { kind: 'added', text: 'half ' },
      { kind: 'same', text: 'hour' },
    ])
    expect(diffWords('The quick fox', 'The slow fox')).toEqual([
      { kind: 'same', text: 'The ' },
      { kind: 'removed', text: 'quick' },
      { kind: 'added', text: 'slow' },
      { kind: 'same', text: ' fox' },
    ])
  })

  it.each(revisions)(
    'merges neighbours of one kind and keeps both texts: %j → %j',
    (before, after) => {
      const parts = diffWords(before, after)
      parts.forEach((part, index) => {
        expect(part.text).not.toBe('')
        if (index > 0) expect(part.kind).not.toBe(parts[index - 1].kind)
      })
      expect(side(parts, 'removed')).toBe(after)
      // The old text comes back word for word; only its spacing may follow the new text.
      const words = (value: string) => value.split(/\s+/).filter(Boolean)
      expect(words(side(parts, 'added'))).toEqual(words(before))
    },
  )

  it('ignores changes of whitespace alone, showing the new spacing', () => {
    expect(diffWords('one  two', 'one two')).toEqual([{ kind: 'same', text: 'one two' }])
  })

  it('shows a complete rewrite of a long text as removed then added, quickly', () => {
    const words = (seed: number) =>
      Array.from({ length: 3500 }, (_, index) => `w${(index * seed) % 997}`).join(' ')
    const started = performance.now()
    expect(diffWords(words(7), words(13))).toEqual([
      { kind: 'removed', text: words(7) },
      { kind: 'added', text: words(13) },
    ])
    expect(performance.now() - started).toBeLessThan(2000)
  })
})
