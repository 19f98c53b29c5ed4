// supabase-js clients for tests, each as a real client would be: anon, a signed-in member,
// or the service role (admin API only).
import { createClient } from '@supabase/supabase-js'
import { inject } from 'vitest'
import type { Database } from '../../app/types/database'
import { nodeRealtime } from '../../app/utils/node-realtime.server'

export type Client = ReturnType<typeof newClient>

export function stackInfo() {
  return inject('stack')
}

export function newClient(key?: string, options: { fetch?: typeof fetch } = {}) {
  const { apiUrl, anonKey } = stackInfo()
  return createClient<Database>(apiUrl, key ?? anonKey, {
    global: options.fetch ? { fetch: options.fetch } : undefined,
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
    realtime: nodeRealtime,
  })
}

export function anonClient(): Client {
  return newClient()
}

/** The service role: for the Auth admin API in test set-up, never for assertions about RLS. */
export function serviceClient(): Client {
  return newClient(stackInfo().serviceRoleKey)
}
