// A second, throw-away stack for the tests that need other Auth settings than the run's own
// (confirmations off, tight rate limits): its own folder, free ports and secret.
import { randomBytes } from 'node:crypto'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { createClient } from '@supabase/supabase-js'
import type { Database } from '../../app/types/database'
import { nodeRealtime } from '../../app/utils/node-realtime.server'
import type { RateLimits } from '../../supabase/local/auth/config'
import { findFreePort } from '../../supabase/local/ports'
import {
  startStack,
  type AuthOverrides,
  type LocalStack,
  type StackOptions,
} from '../../supabase/local/stack'

/** Limits no test run reaches: every request of a run comes from 127.0.0.1. */
export const testRateLimits: RateLimits = {
  emailSent: 1_000_000,
  tokenRefresh: 1_000_000,
  signInSignUps: 1_000_000,
  tokenVerifications: 1_000_000,
}

export type OwnStack = LocalStack & { siteUrl: string; remove(): Promise<void> }

export async function startOwnStack(
  auth: AuthOverrides,
  siteUrl?: (port: number) => string,
  more: Pick<StackOptions, 'supervise' | 'durable' | 'demoAccounts'> = {},
): Promise<OwnStack> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'policy-forum-own-stack-'))
  await fs.chmod(dir, 0o755)
  const [apiPort, dbPort, sitePort] = [
    await findFreePort(),
    await findFreePort(),
    await findFreePort(),
  ]
  const site = siteUrl?.(sitePort) ?? `http://127.0.0.1:${sitePort}`
  const stack = await startStack({
    dataDir: path.join(dir, 'db'),
    apiPort,
    dbPort,
    siteUrl: site,
    jwtSecret: randomBytes(32).toString('hex'),
    durable: false,
    bcryptCost: 4,
    emailMinIntervalSeconds: 0,
    auth: { ...auth, rateLimits: { ...testRateLimits, ...auth.rateLimits } },
    ...more,
  })
  return {
    ...stack,
    siteUrl: site,
    async remove() {
      await stack.stop()
      await fs.rm(dir, { recursive: true, force: true })
    },
  }
}

export function clientOf(stack: LocalStack, key = stack.anonKey) {
  return createClient<Database>(stack.apiUrl, key, {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
    realtime: nodeRealtime,
  })
}

export async function outboxOf(stack: LocalStack, to: string) {
  const response = await fetch(`${stack.apiUrl}/outbox/v1/messages`, {
    headers: { apikey: stack.anonKey },
  })
  const messages = (await response.json()) as Array<{
    to_email: string
    link: string | null
    body: string
  }>
  return messages.filter((message) => message.to_email === to.toLowerCase())
}
