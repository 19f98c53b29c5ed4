// `npm run outage-drill`: kills PostgREST, then Postgres, under a steady load on the production
// build, and prints what visitors got: how many pages answered 200, 503 (with Retry-After) or
// anything else, and how long until pages were served again. A drill, not a test: on a
// throw-away supervised stack on free ports of 127.0.0.1, bounded to about 25 seconds, and it
// stops everything it started.
import { randomBytes } from 'node:crypto'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { findFreePort } from '../supabase/local/ports'
import { startServiceProcess } from '../supabase/local/service-process'
import { startStack } from '../supabase/local/stack'

const connections = Number(process.env.DRILL_CONNECTIONS ?? 10)
const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'policy-forum-drill-'))
await fs.chmod(dir, 0o755)
const log: string[] = []
const stack = await startStack({
  dataDir: path.join(dir, 'db'),
  apiPort: await findFreePort(),
  dbPort: await findFreePort(),
  siteUrl: 'http://127.0.0.1:1',
  jwtSecret: randomBytes(32).toString('hex'),
  supervise: { log: (line) => log.push(`${elapsed()} ms  ${line}`) },
})
const port = await findFreePort()
let began = Date.now()
const elapsed = () => Date.now() - began
type Phase = { name: string; killedAt: number; counts: Map<string, number>; backAt?: number }
const phases: Phase[] = [{ name: 'before', killedAt: 0, counts: new Map() }]
let running = true

async function worker() {
  const pages = ['/', '/groups', '/groups/buses']
  for (let i = 0; running; i++) {
    const phase = phases.at(-1)!
    let outcome: string
    try {
      const response = await fetch(`http://127.0.0.1:${port}${pages[i % pages.length]}`, {
        signal: AbortSignal.timeout(10_000),
      })
      await response.arrayBuffer()
      outcome =
        response.status === 503
          ? response.headers.get('Retry-After')
            ? '503 with Retry-After'
            : '503 without Retry-After'
          : String(response.status)
      if (response.status === 200 && phase.killedAt && phase.backAt === undefined)
        phase.backAt = elapsed()
    } catch (error) {
      outcome = `no answer (${error instanceof Error ? error.name : 'error'})`
    }
    phase.counts.set(outcome, (phase.counts.get(outcome) ?? 0) + 1)
  }
}

let app: Awaited<ReturnType<typeof startServiceProcess>> | null = null
try {
  app = await startServiceProcess({
    name: 'the app',
    command: process.execPath,
    args: ['build/server.js'],
    env: {
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      SUPABASE_URL: stack.apiUrl,
      SUPABASE_ANON_KEY: stack.anonKey,
      REQUEST_LOG: 'false',
    },
    readyUrl: `http://127.0.0.1:${port}/healthz`,
  })
  began = Date.now()
  const workers = Array.from({ length: connections }, worker)
  const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
  await wait(3000)
  for (const [name, pid] of [
    ['PostgREST killed', () => stack.processes().postgrest],
    ['Postgres killed', () => stack.processes().postgres],
  ] as const) {
    phases.push({ name, killedAt: elapsed(), counts: new Map() })
    process.kill(pid()!, 'SIGKILL')
    await wait(8000)
  }
  running = false
  await Promise.all(workers)

  console.log(`Outage drill: ${connections} connections on the production build\n`)
  for (const phase of phases) {
    const total = [...phase.counts.values()].reduce((a, b) => a + b, 0)
    const rows = [...phase.counts].map(([outcome, count]) => `${outcome}: ${count}`).join(', ')
    const recovery =
      phase.killedAt === 0
        ? ''
        : phase.backAt === undefined
          ? '; pages did not come back'
          : `; pages served again ${phase.backAt - phase.killedAt} ms after the kill`
    console.log(`${phase.name.padEnd(17)} ${total} requests (${rows})${recovery}`)
  }
  console.log(`\nThe stack's log:\n${log.join('\n')}`)
} finally {
  running = false
  await app?.stop()
  await stack.stop()
  await fs.rm(dir, { recursive: true, force: true })
}
