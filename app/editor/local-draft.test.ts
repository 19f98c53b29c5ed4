import { describe, expect, it } from 'vitest'
import { documentFromPlainText, emptyDocument } from './document'
import {
  clearDraft,
  type DraftStorage,
  isSameDocument,
  loadDraft,
  type LocalDraft,
  saveDraft,
  shouldOfferRestore,
} from './local-draft'

function memoryStorage(): DraftStorage & { items: Map<string, string> } {
  const items = new Map<string, string>()
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, String(value)),
    removeItem: (key) => void items.delete(key),
  }
}

function refusingStorage(): DraftStorage {
  const refuse = () => {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
  }
  return { getItem: refuse, setItem: refuse, removeItem: refuse }
}

const key = 'proposal-draft:test'
const draft: LocalDraft = {
  doc: documentFromPlainText('Free buses for under-18s.\n\nPaid for by the levy.'),
  baseVersion: 3,
  savedAt: Date.UTC(2025, 2, 4, 14, 32),
}

describe('saveDraft and loadDraft', () => {
  it('round-trips a draft', () => {
    const storage = memoryStorage()
    expect(saveDraft(storage, key, draft)).toBe(true)
    expect(loadDraft(storage, key)).toEqual(draft)
  })

  it('keeps drafts of different proposals apart', () => {
    const storage = memoryStorage()
    saveDraft(storage, key, draft)
    expect(loadDraft(storage, 'proposal-draft:other')).toBeNull()
  })

  it('stores nothing but the draft', () => {
    const storage = memoryStorage()
    saveDraft(storage, key, { ...draft, extra: 'ignored' } as LocalDraft)
    expect(Object.keys(JSON.parse(storage.items.get(key) ?? '{}')).sort()).toEqual([
      'baseVersion',
      'doc',
      'format',
      'savedAt',
    ])
  })

  it('reports a storage that refuses to save, without throwing', () => {
    expect(saveDraft(refusingStorage(), key, draft)).toBe(false)
    expect(loadDraft(refusingStorage(), key)).toBeNull()
    expect(() => clearDraft(refusingStorage(), key)).not.toThrow()
  })

  it.each([
    ['not JSON', '{"format":'],
    ['JSON null', 'null'],
    ['an array', '[]'],
    ['a string', '"hello"'],
    ['another format', JSON.stringify({ ...draft, format: 'something-else' })],
    ['no format', JSON.stringify(draft)],
  ])('reads %s as no draft', (_name, raw) => {
    const storage = memoryStorage()
    storage.items.set(key, raw)
    expect(loadDraft(storage, key)).toBeNull()
  })

  it.each([
    ['a negative base version', { baseVersion: -1 }],
    ['a fractional base version', { baseVersion: 1.5 }],
    ['a base version as text', { baseVersion: '3' }],
    ['no saved time', { savedAt: undefined }],
    ['a saved time that is not a number', { savedAt: 'yesterday' }],
    ['a document that is not a document', { doc: { type: 'doc', content: 'hello' } }],
    ['a document with a forbidden link', { doc: javascriptLinkDocument() }],
    ['no document', { doc: undefined }],
  ])('reads a draft with %s as no draft', (_name, change) => {
    const storage = memoryStorage()
    storage.items.set(key, JSON.stringify({ format: 'proposal-draft/1', ...draft, ...change }))
    expect(loadDraft(storage, key)).toBeNull()
  })

  it('accepts the document as a JSON string too, as the schema does', () => {
    const storage = memoryStorage()
    const stored = { format: 'proposal-draft/1', ...draft, doc: JSON.stringify(draft.doc) }
    storage.items.set(key, JSON.stringify(stored))
    expect(loadDraft(storage, key)?.doc).toEqual(draft.doc)
  })
})

describe('clearDraft', () => {
  it('removes the draft and only that one', () => {
    const storage = memoryStorage()
    saveDraft(storage, key, draft)
    saveDraft(storage, 'proposal-draft:other', draft)
    clearDraft(storage, key)
    expect(loadDraft(storage, key)).toBeNull()
    expect(loadDraft(storage, 'proposal-draft:other')).toEqual(draft)
  })
})

describe('shouldOfferRestore', () => {
  const current = { currentVersion: 3, currentDocument: emptyDocument }

  it('offers a draft of the same version that says something else', () => {
    expect(shouldOfferRestore(draft, current)).toBe(true)
  })

  it('does not offer when there is no draft', () => {
    expect(shouldOfferRestore(null, current)).toBe(false)
  })

  it('does not offer a draft started from another version', () => {
    expect(shouldOfferRestore(draft, { ...current, currentVersion: 4 })).toBe(false)
    expect(shouldOfferRestore(draft, { ...current, currentVersion: 2 })).toBe(false)
  })

  it('does not offer a draft that equals what is on screen, whatever its key order', () => {
    const reordered = JSON.parse(
      JSON.stringify(draft.doc, (_key, value: unknown) =>
        typeof value === 'object' && value !== null && !Array.isArray(value)
          ? Object.fromEntries(Object.entries(value).reverse())
          : value,
      ),
    ) as unknown
    expect(shouldOfferRestore(draft, { currentVersion: 3, currentDocument: reordered })).toBe(false)
  })

  it('offers a draft that differs only in formatting', () => {
    const bold = {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'Free', marks: [{ type: 'bold' }] }] },
      ],
    }
    const plain = documentFromPlainText('Free')
    expect(isSameDocument(bold, plain)).toBe(false)
    expect(
      shouldOfferRestore({ ...draft, doc: plain }, { ...current, currentDocument: bold }),
    ).toBe(true)
  })
})

function javascriptLinkDocument(): unknown {
  const mark = { type: 'link', attrs: { href: 'javascript:alert(1)' } }
  return {
    type: 'doc',
    content: [{ type: 'paragraph', content: [{ type: 'text', text: 'click', marks: [mark] }] }],
  }
}
