// Live updates in the browser: one Realtime connection per open page (made lazily, after
// hydration), private channels joined with the member's access token, and events that are
// only ids, so the page refetches through its loaders and RLS decides what it shows.
// Refetches go through a fetcher, not the revalidator: Remix's router loses a fetcher's
// redirect (a posted comment) when a revalidation it did not start overlaps that action.
// Without JavaScript, or signed out, nothing here runs and every page works as before.
import { useRevalidator } from '@remix-run/react'
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useRef,
  useState,
  type ReactNode,
} from 'react'
import type { RealtimeClient } from '@supabase/supabase-js'
import type { LiveAccess } from '~/utils/live.server'

type LiveHub = { client: RealtimeClient | null; token: string | null }

const LiveContext = createContext<LiveHub>({ client: null, token: null })

export function LiveUpdatesProvider({
  access,
  children,
}: {
  access: LiveAccess | null
  children: ReactNode
}) {
  const [client, setClient] = useState<RealtimeClient | null>(null)
  const revalidator = useRevalidator()
  const url = access?.url
  const anonKey = access?.anonKey
  const token = access?.accessToken ?? null

  useEffect(() => {
    if (!url || !anonKey) return
    let cancelled = false
    let made: RealtimeClient | null = null
    void import('@supabase/supabase-js').then(({ RealtimeClient }) => {
      if (cancelled) return
      made = new RealtimeClient(`${url.replace(/^http/, 'ws')}/realtime/v1`, {
        params: { apikey: anonKey },
      })
      setClient(made)
    })
    return () => {
      cancelled = true
      void made?.removeAllChannels().then(() => made?.disconnect())
      setClient(null)
    }
  }, [url, anonKey])

  // Ask the server for a fresh token a minute before this one runs out (the root loader
  // refreshes the session); the channels then join again with it.
  const expiresAt = access?.expiresAt
  const revalidate = revalidator.revalidate
  useEffect(() => {
    if (!expiresAt) return
    const wait = Math.max(expiresAt * 1000 - Date.now() - 60_000, 5_000)
    const timer = setTimeout(() => revalidate(), wait)
    return () => clearTimeout(timer)
  }, [expiresAt, revalidate])

  return (
    <LiveContext.Provider value={{ client, token: client ? token : null }}>
      {children}
    </LiveContext.Provider>
  )
}

export type LiveEvent = { event: string; payload: Record<string, unknown> }

/** Calls `onEvent` for each event on a private topic while the page shows it; says whether
 * the channel is joined. */
export function useLiveTopic(topic: string | null, onEvent: (event: LiveEvent) => void) {
  const [joined, setJoined] = useState(false)
  const { client, token } = useContext(LiveContext)
  const handler = useRef(onEvent)
  useEffect(() => {
    handler.current = onEvent
  })
  const revalidator = useRevalidator()
  const revalidate = revalidator.revalidate
  useEffect(() => {
    if (!client || !token || !topic) return
    let leaving = false
    void client.setAuth(token)
    const channel = client.channel(topic, { config: { private: true } })
    channel.on('broadcast', { event: '*' }, (message) =>
      handler.current({ event: message.event, payload: message.payload ?? {} }),
    )
    channel.subscribe((status) => {
      setJoined(status === 'SUBSCRIBED')
      // The server ended the channel (its token expired): fetch a fresh token, which joins again.
      if (status === 'CLOSED' && !leaving) revalidate()
    })
    return () => {
      leaving = true
      setJoined(false)
      void client.removeChannel(channel)
    }
  }, [client, token, topic, revalidate])
  return joined
}

/** Runs `work` once for a burst of calls, `delayMs` after the first. */
export function useOnceSoon(work: () => void, delayMs = 250) {
  const latest = useRef(work)
  useEffect(() => {
    latest.current = work
  })
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current)
    },
    [],
  )
  return useCallback(() => {
    if (timer.current) return
    timer.current = setTimeout(() => {
      timer.current = null
      latest.current()
    }, delayMs)
  }, [delayMs])
}
