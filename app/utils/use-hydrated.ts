// Whether the page runs with JavaScript: false in the server's HTML and before hydration, so
// the page first renders what works without it.
import { useSyncExternalStore } from 'react'

const noSubscription = () => () => {}

export function useHydrated() {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  )
}
