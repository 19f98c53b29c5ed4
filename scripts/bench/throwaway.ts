// What every bench starts: a throw-away local stack in a temporary folder on free ports
// (Auth's limits raised far above what a bench sends), an owner's connection to its
// database, and the production app server against it. Each start pushes its stop on
// `stoppers`, which the bench runs in reverse when it ends or is interrupted.
import { randomBytes } from 'node:crypto'
import fsp from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { findFreePort } from '../../supabase/local/ports'
import { startServiceProcess } from '../../supabase/local/service-process'
import { startStack } from '../../supabase/local/stack'

export type Stoppers = Array<() => Promise<unknown>>

/** What a bench starts, stopped in reverse order, once, however the bench ends. */
export function createStoppers() {
  const stoppers: Stoppers = []
  let stopping: Promise<void> | null = null
  const stopAll = () => {
    stopping ??= (async () => {
      for (const stop of stoppers.splice(0).reverse()) await stop().catch(() => undefined)
    })()
    return stopping
  }
  /** Whether stopping has begun (errors after it are the bench being stopped, not failing). */
  const isStopping = () => stopping !== null
  return { stoppers, stopAll, isStopping }
}

export async function startThrowawayStack(
  name: string,
  stoppers: Stoppers,
  { demo = false }: { demo?: boolean } = {},
) {
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), `policy-forum-${name}-`))
  // Postgres runs as its own user when the bench runs as root; it must reach its data folder.
  await fsp.chmod(dir, 0o755)
  stoppers.push(() => fsp.rm(dir, { recursive: true, force: true }))
  const [apiPort, dbPort, appPort] = [
    await findFreePort(),
    await findFreePort(),
    await findFreePort(),
  ]
  const appUrl = `http://127.0.0.1:${appPort}`
  const stack = await startStack({
    dataDir: path.join(dir, 'db'),
    apiPort,
    dbPort,
    siteUrl: appUrl,
    jwtSecret: randomBytes(32).toString('hex'),
    durable: false,
    bcryptCost: 4,
    // The demo's accounts and story (supabase/local/demo), for pages worth looking at.
    demoAccounts: demo,
    auth: {
      rateLimits: {
        emailSent: 1_000_000,
        tokenRefresh: 1_000_000,
        signInSignUps: 1_000_000,
        tokenVerifications: 1_000_000,
      },
    },
  })
  stoppers.push(() => stack.stop())
  const db = new pg.Client({ connectionString: stack.dbUrl })
  // On Ctrl-C Postgres gets the signal too and ends this connection: that is no crash.
  db.on('error', () => undefined)
  await db.connect()
  stoppers.push(() => db.end())
  return { dir, stack, db, appPort, appUrl }
}

type Throwaway = Awaited<ReturnType<typeof startThrowawayStack>>

/** The built app (`entry`, build/server.js by default) served against the stack. */
export async function startProductionApp(
  { stack, appPort, appUrl }: Throwaway,
  stoppers: Stoppers,
  {
    entry,
    nodeArgs = [],
    env = {},
  }: { entry: string; nodeArgs?: string[]; env?: Record<string, string> },
) {
  const app = await startServiceProcess({
    name: 'The app server',
    command: process.execPath,
    args: [...nodeArgs, entry],
    readyUrl: `${appUrl}/healthz`,
    timeoutMs: 30_000,
    env: {
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(appPort),
      SUPABASE_URL: stack.apiUrl,
      SUPABASE_ANON_KEY: stack.anonKey,
      REQUEST_LOG: 'false',
      ...env,
    },
  })
  stoppers.push(() => app.stop())
  return app
}
