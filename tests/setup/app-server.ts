// Starts the production build (build/server.js) against the test stack, for app and browser
// tests. `npm test` builds first; without a build there is no app server to test.
import fs from 'node:fs'
import path from 'node:path'
import { startServiceProcess } from '../../supabase/local/service-process'
import type { LocalStack } from '../../supabase/local/stack'

const entry = path.resolve(import.meta.dirname, '../../build/server.js')

export async function startAppServer({ port, stack }: { port: number; stack: LocalStack }) {
  if (!fs.existsSync(entry)) return null
  return startServiceProcess({
    name: 'The app server',
    command: process.execPath,
    args: [entry],
    readyUrl: `http://127.0.0.1:${port}/healthz`,
    timeoutMs: 30_000,
    env: {
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      SUPABASE_URL: stack.apiUrl,
      SUPABASE_ANON_KEY: stack.anonKey,
      REQUEST_LOG: 'false',
      // Tests change data and look again at once; tests/app/page-cache.test.ts runs its own
      // server with the cache on.
      PAGE_CACHE_SECONDS: '0',
    },
  })
}
