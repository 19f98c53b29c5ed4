// Keeps the editor's content in localStorage while a member types, offers it back after a
// crash or a closed tab, and forgets it once the form is sent.
import { useCallback, useEffect, useRef, useState } from 'react'
import {
  clearDraft,
  type DraftStorage,
  isSameDocument,
  loadDraft,
  type LocalDraft,
  saveDraft,
  shouldOfferRestore,
} from './local-draft'

const SAVE_DELAY_MS = 400

// localStorage itself throws in some privacy modes, so even reaching it is guarded.
function browserStorage(): DraftStorage | null {
  try {
    return window.localStorage
  } catch {
    return null
  }
}

export type LocalDraftControls = {
  /** A saved draft the member may restore, or null. */
  offer: LocalDraft | null
  /**
   * Call once the editor holds the document on screen: offers the draft, or drops a stale
   * one. `original` is the document as loaded (it differs when text was typed before the
   * editor ran); typing back to it needs no draft.
   */
  inspect: (currentDocument: unknown, original: unknown) => void
  /** Call on every change: saves after a pause in typing. */
  schedule: (doc: unknown) => void
  /** Hides the offer (after restoring it, the editor's next change saves it again). */
  dismiss: () => void
  /** Hides the offer and deletes the draft. */
  discard: () => void
  /** Deletes the draft and anything waiting to be saved: the form has been sent. */
  forget: () => void
}

export function useLocalDraft({
  key,
  baseVersion,
}: {
  key: string
  baseVersion: number
}): LocalDraftControls {
  const [offer, setOffer] = useState<LocalDraft | null>(null)
  const pending = useRef<{ doc: unknown } | null>(null)
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  // The document as it was when the page loaded: typing back to it needs no draft.
  const original = useRef<{ doc: unknown } | null>(null)

  const flush = useCallback(() => {
    clearTimeout(timer.current)
    const waiting = pending.current
    pending.current = null
    const storage = browserStorage()
    if (waiting === null || storage === null) return
    if (original.current !== null && isSameDocument(waiting.doc, original.current.doc)) {
      clearDraft(storage, key)
    } else {
      saveDraft(storage, key, { doc: waiting.doc, baseVersion, savedAt: Date.now() })
    }
  }, [key, baseVersion])

  const inspect = useCallback(
    (currentDocument: unknown, originalDocument: unknown) => {
      original.current = { doc: originalDocument }
      const storage = browserStorage()
      if (storage === null) return
      const draft = loadDraft(storage, key)
      if (shouldOfferRestore(draft, { currentVersion: baseVersion, currentDocument })) {
        setOffer(draft)
      } else if (draft !== null) {
        // Started from another version (restoring it would undo a later edit), or the same
        // as what is on screen: either way there is nothing to offer.
        clearDraft(storage, key)
      }
    },
    [key, baseVersion],
  )

  const schedule = useCallback(
    (doc: unknown) => {
      pending.current = { doc }
      clearTimeout(timer.current)
      timer.current = setTimeout(flush, SAVE_DELAY_MS)
    },
    [flush],
  )

  const dismiss = useCallback(() => setOffer(null), [])

  const discard = useCallback(() => {
    setOffer(null)
    const storage = browserStorage()
    if (storage !== null) clearDraft(storage, key)
  }, [key])

  const forget = useCallback(() => {
    clearTimeout(timer.current)
    pending.current = null
    const storage = browserStorage()
    if (storage !== null) clearDraft(storage, key)
  }, [key])

  // Whatever is still waiting is saved when the page goes away or the editor unmounts.
  useEffect(() => {
    window.addEventListener('pagehide', flush)
    return () => {
      window.removeEventListener('pagehide', flush)
      flush()
    }
  }, [flush])

  return { offer, inspect, schedule, dismiss, discard, forget }
}
