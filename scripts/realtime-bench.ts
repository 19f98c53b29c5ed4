// `npx tsx scripts/realtime-bench.ts`: what the local Realtime service holds on this machine,
// on a throw-away stack (temporary folder, free ports, no fsync). Clients run in a child
// process and speak the protocol supabase-js speaks (vsn 2.0.0, private channels, one token
// per member). Measures:
//   1. joins: N members join proposal:<id>, each authorised by RLS on realtime.messages;
//   2. latency: a comment inserted → every subscriber has its comment_added (p50, p95, max);
//   3. throughput: events sent by realtime.send as fast as Postgres takes them, and how many
//      reach every subscriber per second.
// Everything it starts is stopped before it exits (also on Ctrl-C). Not run by CI.
//
//   npx tsx scripts/realtime-bench.ts --subscribers 1000 --comments 20 --events 2000
import { randomBytes } from 'node:crypto'
import fsp from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { fork, type ChildProcess } from 'node:child_process'
import { SignJWT } from 'jose'
import pg from 'pg'
import WebSocket from 'ws'
import { findFreePort } from '../supabase/local/ports'
import { onShutdown } from '../supabase/local/signals'
import { startStack } from '../supabase/local/stack'

type ClientJob = { url: string; tokens: string[]; topic: string }
type Arrival = { key: string; at: number }
type FromWorker =
  | { type: 'joined'; ok: number; failed: number; ms: number }
  | { type: 'arrivals'; arrivals: Arrival[]; benchCount: number; benchLastAt: number }

if (process.env.REALTIME_BENCH_CLIENTS !== '1') await main()
else process.once('message', (job: ClientJob) => runClients(job))

function tell(message: FromWorker) {
  process.send!(message)
}

/** The worker: one WebSocket per member, each joined to the topic; arrival times kept. */
function runClients(job: ClientJob) {
  const arrivals: Arrival[] = []
  // Throughput events are only counted: keeping each arrival would measure the worker.
  let benchCount = 0
  let benchLastAt = 0
  let ok = 0
  let failed = 0
  const began = Date.now()
  const topic = `realtime:${job.topic}`
  for (const token of job.tokens) {
    const socket = new WebSocket(job.url)
    socket.on('open', () => {
      socket.send(
        JSON.stringify([
          '1',
          '1',
          topic,
          'phx_join',
          {
            config: {
              broadcast: { ack: false, self: false },
              presence: { enabled: false },
              private: true,
            },
            access_token: token,
          },
        ]),
      )
    })
    socket.on('message', (data) => {
      const [, ref, , event, payload] = JSON.parse(String(data)) as [
        string | null,
        string | null,
        string,
        string,
        { status?: string; event?: string; payload?: Record<string, unknown> },
      ]
      if (event === 'phx_reply' && ref === '1') {
        if (payload.status === 'ok') ok++
        else failed++
        if (ok + failed === job.tokens.length)
          tell({ type: 'joined', ok, failed, ms: Date.now() - began })
        return
      }
      if (event !== 'broadcast' || !payload.payload) return
      if (payload.event === 'comment_added')
        arrivals.push({ key: String(payload.payload.comment_id), at: Date.now() })
      else if (payload.event === 'bench') {
        benchCount++
        benchLastAt = Date.now()
      }
    })
    socket.on('error', () => undefined)
  }
  process.on('message', (message: string) => {
    if (message === 'arrivals') {
      tell({
        type: 'arrivals',
        arrivals: arrivals.splice(0),
        benchCount,
        benchLastAt,
      })
    }
  })
}

async function main() {
  const { values: flags } = parseArgs({
    options: {
      subscribers: { type: 'string', default: '1000' },
      comments: { type: 'string', default: '20' },
      events: { type: 'string', default: '2000' },
    },
  })
  const subscribers = Number(flags.subscribers)
  const comments = Number(flags.comments)
  const events = Number(flags.events)

  const stoppers: Array<() => Promise<void>> = []
  let stopping: Promise<void> | null = null
  const stopAll = () =>
    (stopping ??= (async () => {
      for (const stop of stoppers.splice(0).reverse()) await stop().catch(() => undefined)
    })())
  onShutdown(async (signal) => {
    console.log(`\n${signal}: stopping what the bench started…`)
    await stopAll()
  })

  try {
    const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'policy-forum-realtime-bench-'))
    await fsp.chmod(dir, 0o755)
    stoppers.push(() => fsp.rm(dir, { recursive: true, force: true }))
    const jwtSecret = randomBytes(32).toString('hex')
    console.log(`Starting a throw-away stack in ${dir}…`)
    const stack = await startStack({
      dataDir: path.join(dir, 'db'),
      apiPort: await findFreePort(),
      dbPort: await findFreePort(),
      siteUrl: 'http://127.0.0.1:3000',
      jwtSecret,
      durable: false,
      bcryptCost: 4,
    })
    stoppers.push(() => stack.stop())
    const db = new pg.Client({ connectionString: stack.dbUrl })
    await db.connect()
    stoppers.push(() => db.end())

    const { rows: members } = await db.query<{ id: string }>(
      `insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
         raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
       select '00000000-0000-0000-0000-000000000000', gen_random_uuid(), 'authenticated', 'authenticated',
         'livebench' || n || '@bench.test', '', now(), '{"provider":"email"}',
         jsonb_build_object('display_name', 'Bench member ' || n, 'region', 'liverpool'), now(), now()
       from generate_series(1, $1) n
       returning id`,
      [subscribers + 1],
    )
    const {
      rows: [proposal],
    } = await db.query<{ id: string }>(
      `insert into public.proposals (group_id, author_id, title, summary, body, status, published_at)
       select (select id from public.groups order by position limit 1), $1, 'A proposal many read at once',
              '', $2::jsonb, 'open', now()
       returning id`,
      [
        members[0].id,
        JSON.stringify({
          type: 'doc',
          content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Body.' }] }],
        }),
      ],
    )
    const key = new TextEncoder().encode(jwtSecret)
    const exp = Math.floor(Date.now() / 1000) + 3600
    const tokens = await Promise.all(
      members
        .slice(1)
        .map((member) =>
          new SignJWT({ role: 'authenticated', aud: 'authenticated' })
            .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
            .setSubject(member.id)
            .setExpirationTime(exp)
            .sign(key),
        ),
    )

    const url = `${stack.apiUrl.replace('http', 'ws')}/realtime/v1/websocket?apikey=${stack.anonKey}&vsn=2.0.0`
    console.log(`\n1. ${subscribers} members join proposal:${proposal.id} (private, RLS-checked)…`)
    const worker: ChildProcess = fork(fileURLToPath(import.meta.url), [], {
      execArgv: ['--import', 'tsx'],
      env: { ...process.env, REALTIME_BENCH_CLIENTS: '1' },
    })
    worker.send({ url, tokens, topic: `proposal:${proposal.id}` } satisfies ClientJob)
    stoppers.push(async () => {
      if (worker.exitCode === null) {
        const exited = new Promise((resolve) => worker.once('exit', resolve))
        worker.kill('SIGTERM')
        await exited
      }
    })
    // A worker that fails must not leave the stack running.
    const failed = new Promise<never>((_, reject) =>
      worker.once('exit', (code) => reject(new Error(`the clients exited (${code})`))),
    )
    failed.catch(() => undefined)
    const next = (type: FromWorker['type']) =>
      new Promise<FromWorker>((resolve) => {
        const listener = (message: FromWorker) => {
          if (message.type !== type) return
          worker.off('message', listener)
          resolve(message)
        }
        worker.on('message', listener)
      })
    const joined = (await Promise.race([next('joined'), failed])) as Extract<
      FromWorker,
      { type: 'joined' }
    >
    console.log(
      `   joined ${joined.ok}, refused ${joined.failed}, in ${joined.ms} ms ` +
        `(${Math.round((joined.ok / joined.ms) * 1000)} joins/s)`,
    )
    const report = async () => {
      worker.send('arrivals')
      return (await next('arrivals')) as Extract<FromWorker, { type: 'arrivals' }>
    }
    const arrivals = async () => (await report()).arrivals

    console.log(`\n2. ${comments} comments, one at a time: insert → every subscriber has it…`)
    const perClient: number[] = []
    const toLast: number[] = []
    for (let i = 0; i < comments; i++) {
      const sentAt = Date.now()
      const {
        rows: [comment],
      } = await db.query<{ id: string }>(
        `insert into public.comments (proposal_id, author_id, body) values ($1, $2, $3) returning id`,
        [proposal.id, members[1 + (i % subscribers)].id, `Bench comment ${i}`],
      )
      let got: Arrival[] = []
      const deadline = Date.now() + 10_000
      while (got.length < joined.ok && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 20))
        got = got.concat((await arrivals()).filter((a) => a.key === comment.id))
      }
      for (const arrival of got) perClient.push(arrival.at - sentAt)
      toLast.push(Math.max(...got.map((a) => a.at)) - sentAt)
    }
    perClient.sort((a, b) => a - b)
    toLast.sort((a, b) => a - b)
    const pct = (values: number[], p: number) =>
      values[Math.min(values.length - 1, Math.floor((values.length * p) / 100))]
    console.log(
      `   per subscriber: p50 ${pct(perClient, 50)} ms, p95 ${pct(perClient, 95)} ms, max ${perClient.at(-1)} ms` +
        ` (${perClient.length} deliveries)`,
    )
    console.log(`   to the last subscriber: p50 ${pct(toLast, 50)} ms, max ${toLast.at(-1)} ms`)

    console.log(`\n3. ${events} events by realtime.send, in transactions of 50…`)
    await arrivals()
    const began = Date.now()
    for (let n = 0; n < events; n += 50) {
      await db.query(
        `select realtime.send(jsonb_build_object('n', i), 'bench', $1) from generate_series($2::int, $3::int) i`,
        [`proposal:${proposal.id}`, n, Math.min(n + 49, events - 1)],
      )
    }
    const sentMs = Date.now() - began
    let delivered = 0
    let lastAt = began
    const deadline = Date.now() + 120_000
    while (delivered < events * joined.ok && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200))
      const now = await report()
      delivered = now.benchCount
      lastAt = Math.max(lastAt, now.benchLastAt)
    }
    const deliveryMs = Math.max(lastAt - began, 1)
    console.log(
      `   sent ${events} in ${sentMs} ms (${Math.round((events / sentMs) * 1000)} events/s into Postgres)`,
    )
    console.log(
      `   delivered ${delivered} of ${events * joined.ok} in ${deliveryMs} ms: ` +
        `${Math.round((events / deliveryMs) * 1000)} events/s to every subscriber, ` +
        `${Math.round((delivered / deliveryMs) * 1000)} messages/s out`,
    )
  } finally {
    await stopAll()
  }
}
