// Settings of the local stack that `npm run dev` and `npm run db:start` use, from the
// environment, with the ports the Supabase CLI uses by default.
import path from 'node:path'
import { defaultDataDir } from './paths'
import type { LocalStack, StackOptions } from './stack'

export function localStackOptions(): StackOptions {
  return {
    dataDir: path.join(process.env.LOCAL_STACK_DIR ?? defaultDataDir, 'db'),
    apiPort: Number(process.env.SUPABASE_API_PORT ?? 54321),
    dbPort: Number(process.env.SUPABASE_DB_PORT ?? 54322),
    siteUrl: process.env.SITE_URL ?? `http://localhost:${process.env.PORT ?? 3000}`,
    demoAccounts: true,
    // `npm run dev` and `db:start` heal: a Postgres or PostgREST that dies is started again.
    supervise: { log: logLine },
    log: logLine,
  }
}

function logLine(line: string) {
  console.log(`[local stack] ${line}`)
}

export function describeStack(stack: LocalStack) {
  const rows = [
    ['API URL', stack.apiUrl],
    ['DB URL', stack.dbUrl],
    ['anon key', stack.anonKey],
    ['service_role key', stack.serviceRoleKey],
  ]
  return rows.map(([name, value]) => `${name.padStart(16)}: ${value}`).join('\n')
}
