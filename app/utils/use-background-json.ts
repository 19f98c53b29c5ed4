// Background lookups while a member types (similar proposals, members to pick): a plain
// fetch of a resource route's JSON, the newest request winning. Not a Remix fetcher: a
// fetcher goes through route discovery and, when that or the lookup fails, throws to the
// page's error boundary — a page with a half-typed proposal must never be swapped for an
// error over a hint. A failed lookup shows nothing; without JavaScript the page's own forms
// do the same work.
import { useCallback, useEffect, useRef, useState } from 'react'

export function useBackgroundJson<T>() {
  const [data, setData] = useState<T | undefined>(undefined)
  const current = useRef<AbortController | null>(null)
  useEffect(() => () => current.current?.abort(), [])
  const load = useCallback((url: string) => {
    current.current?.abort()
    const controller = new AbortController()
    current.current = controller
    fetch(url, { headers: { Accept: 'application/json' }, signal: controller.signal })
      .then((response) => (response.ok ? (response.json() as Promise<T>) : undefined))
      .then((json) => {
        if (json !== undefined && !controller.signal.aborted) setData(json)
      })
      .catch(() => {
        // Aborted by a newer lookup, or the network failed: the hint simply does not show.
      })
  }, [])
  return { data, load }
}
