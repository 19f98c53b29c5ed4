// A cheap, iterative look at untrusted input before zod sees it. Zod validates the
// document recursively, so depth and size are bounded here first: 10,000 nested quotes
// or a million-element array are refused in microseconds, without touching the stack.

export type ShapeProblem =
  { kind: 'too-deep' } | { kind: 'too-large' } | { kind: 'forbidden-key'; key: string }

type Limits = {
  /** Lists and quotes inside lists and quotes, counted along one path. */
  maxNesting: number
  /** A lower bound on the JSON size: the characters of every string and key. */
  maxCharacters: number
}

// Nodes that hold other blocks; each one along a path is one level of nesting.
const CONTAINER_TYPES = new Set(['blockquote', 'bulletList', 'orderedList'])
// Refused outright, even where zod would drop them, so they never reach code that merges.
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype'])
// Arrays and objects along one path. A legal document at the nesting limit needs about 50
// (each list level adds list, content, item, content); anything deeper is garbage.
const MAX_STRUCTURE_DEPTH = 64
// Every value takes at least two bytes of JSON, so a 100 KB document has fewer than this.
const MAX_VALUES = 60_000

type Pending = { value: unknown; depth: number; nesting: number }

export function inspectShape(input: object, limits: Limits): ShapeProblem | null {
  const pending: Pending[] = [{ value: input, depth: 1, nesting: 0 }]
  let values = 0
  let characters = 0

  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const { value, depth, nesting } = next
    values += 1
    if (values > MAX_VALUES) return { kind: 'too-large' }
    if (typeof value === 'string') {
      characters += value.length
      if (characters > limits.maxCharacters) return { kind: 'too-large' }
      continue
    }
    if (typeof value !== 'object' || value === null) continue
    if (depth > MAX_STRUCTURE_DEPTH) return { kind: 'too-deep' }

    if (Array.isArray(value)) {
      if (values + pending.length + value.length > MAX_VALUES) return { kind: 'too-large' }
      for (const item of value) pending.push({ value: item, depth: depth + 1, nesting })
      continue
    }

    const record = value as Record<string, unknown>
    const type = record.type
    const innerNesting =
      typeof type === 'string' && CONTAINER_TYPES.has(type) ? nesting + 1 : nesting
    if (innerNesting > limits.maxNesting) return { kind: 'too-deep' }

    const keys = Object.keys(record)
    if (values + pending.length + keys.length > MAX_VALUES) return { kind: 'too-large' }
    for (const key of keys) {
      if (FORBIDDEN_KEYS.has(key)) return { kind: 'forbidden-key', key }
      characters += key.length
      pending.push({ value: record[key], depth: depth + 1, nesting: innerNesting })
    }
  }
  return null
}
