// Boots one throw-away stack for the whole test run (temporary folder, free ports on
// 127.0.0.1, a random JWT secret) and stops it afterwards, whether the tests pass or not.
import { randomBytes } from 'node:crypto'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { TestProject } from 'vitest/node'
import { findFreePort } from '../../supabase/local/ports'
import { startStack } from '../../supabase/local/stack'
import { testRateLimits } from '../support/own-stack'
import { startAppServer } from './app-server'
import './stack-info'

export default async function setup(project: TestProject) {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'policy-forum-test-'))
  // Postgres runs as its own user when the tests run as root; it must reach its data folder.
  await fs.chmod(dir, 0o755)
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
    // Still bcrypt, at a cost that keeps hundreds of test sign-ups fast.
    bcryptCost: 4,
    emailMinIntervalSeconds: 0,
    // Sign-up confirmations stay on, as hosted Supabase has them (config.toml); every request of
    // a run comes from 127.0.0.1, so the per-IP limits are raised far above what a run needs.
    // tests/stack/auth-limits.test.ts boots its own stack with tight ones.
    auth: { rateLimits: testRateLimits },
  })
  let app: Awaited<ReturnType<typeof startAppServer>> = null
  try {
    // NO_APP_SERVER=1 skips it (database-only runs while a build is in progress).
    app = process.env.NO_APP_SERVER ? null : await startAppServer({ port: appPort, stack })
  } catch (error) {
    await stack.stop()
    throw error
  }
  project.provide('stack', {
    apiUrl: stack.apiUrl,
    anonKey: stack.anonKey,
    serviceRoleKey: stack.serviceRoleKey,
    dbUrl: stack.dbUrl,
    jwtSecret: stack.jwtSecret,
    appUrl: app ? appUrl : null,
  })
  return async () => {
    await app?.stop()
    // The app server logs nothing but its errors (request logging is off). When a browser test
    // saw a 500, what the server said is kept here (its last 200 writes).
    const said = app?.output.join('') ?? ''
    if (/Error/.test(said)) {
      await fs.mkdir('test-results', { recursive: true })
      await fs.writeFile('test-results/app-server.log', said)
      console.warn('The app server logged errors during the run: see test-results/app-server.log')
    }
    await stack.stop()
    await fs.rm(dir, { recursive: true, force: true })
  }
}
