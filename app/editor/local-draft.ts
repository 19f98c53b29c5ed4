// A copy of what a member is typing, kept in this browser's storage so a closed tab, a crash
// or a lost connection never loses it. Pure functions over a Storage-like object; they never
// throw, because storage can be missing, full or forbidden (private browsing).
import { parseProposalDocument, type ProposalDocument } from './document'

export type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>

export type LocalDraft = {
  doc: ProposalDocument
  /** The proposal's version when the member started typing (0 for a new proposal). */
  baseVersion: number
  /** Milliseconds since the epoch. */
  savedAt: number
}

// Marks the stored shape, so a future change of format is read as "no draft", not garbage.
const FORMAT = 'proposal-draft/1'

/**
 * Stores the draft under the key; false when the browser refused (quota, privacy mode). The
 * document is the editor's JSON as it is: loadDraft validates it on the way back.
 */
export function saveDraft(
  storage: DraftStorage,
  key: string,
  draft: Omit<LocalDraft, 'doc'> & { doc: unknown },
): boolean {
  try {
    const { doc, baseVersion, savedAt } = draft
    storage.setItem(key, JSON.stringify({ format: FORMAT, doc, baseVersion, savedAt }))
    return true
  } catch {
    return false
  }
}

/** The draft stored under the key, or null when there is none or it is not a valid draft. */
export function loadDraft(storage: DraftStorage, key: string): LocalDraft | null {
  let stored: unknown
  try {
    const raw = storage.getItem(key)
    if (raw === null) return null
    stored = JSON.parse(raw)
  } catch {
    return null
  }
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return null
  const { format, doc, baseVersion, savedAt } = stored as Record<string, unknown>
  if (format !== FORMAT) return null
  if (typeof baseVersion !== 'number' || !Number.isSafeInteger(baseVersion) || baseVersion < 0) {
    return null
  }
  if (typeof savedAt !== 'number' || !Number.isFinite(savedAt) || savedAt < 0) return null
  const parsed = parseProposalDocument(doc)
  if (!parsed.ok) return null
  return { doc: parsed.doc, baseVersion, savedAt }
}

export function clearDraft(storage: DraftStorage, key: string): void {
  try {
    storage.removeItem(key)
  } catch {
    // Nothing to do: a draft that cannot be removed is found stale or equal next time.
  }
}

/** JSON with object keys sorted, so documents compare by content, not by key order. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) => {
    if (typeof inner !== 'object' || inner === null || Array.isArray(inner)) return inner
    const record = inner as Record<string, unknown>
    return Object.fromEntries(
      Object.keys(record)
        .sort()
        .map((name) => [name, record[name]]),
    )
  })
}

/** True when both documents hold the same content, whatever the order of their keys. */
export function isSameDocument(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b)
}

/**
 * Offer the draft back only when it was started from the version now on screen (a draft of
 * an older version would silently undo someone's later edit) and says something else.
 */
export function shouldOfferRestore(
  draft: LocalDraft | null,
  current: { currentVersion: number; currentDocument: unknown },
): boolean {
  if (draft === null) return false
  if (draft.baseVersion !== current.currentVersion) return false
  return !isSameDocument(draft.doc, current.currentDocument)
}
