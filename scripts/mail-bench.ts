// `npm run mail-bench`: the mail worker's throughput and the digest query's time, on a
// throw-away stack (temporary folder, free ports, no fsync) seeded with 5,000 members in five
// groups, a day of new proposals and notifications. Measures:
//   1. private.schedule_digests() making every member's daily digest (the first run of the day)
//      and then finding nothing new (what every minute costs after that);
//   2. the worker sending those digests to the local SMTP catcher (mails/s);
//   3. the worker sending immediate mail for replies (mails/s).
// Everything it starts is stopped before it exits (also on Ctrl-C). Not run by CI.
//
//   npm run mail-bench -- --members 5000 --immediate 2000 --concurrency 4
import { randomBytes } from 'node:crypto'
import fsp from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import pg from 'pg'
import { startMailCatcher } from '../supabase/local/mail-catcher'
import { findFreePort } from '../supabase/local/ports'
import { onShutdown } from '../supabase/local/signals'
import { startStack } from '../supabase/local/stack'
import { startMailWorker } from '../worker/run'

const { values: flags } = parseArgs({
  options: {
    members: { type: 'string', default: '5000' },
    immediate: { type: 'string', default: '2000' },
    concurrency: { type: 'string', default: '4' },
  },
})
const members = Number(flags.members)
const immediate = Number(flags.immediate)
const concurrency = Number(flags.concurrency)

const stoppers: Array<() => Promise<void>> = []
let stopping: Promise<void> | null = null
function stopAll() {
  stopping ??= (async () => {
    for (const stop of stoppers.splice(0).reverse()) await stop().catch(() => undefined)
  })()
  return stopping
}
onShutdown(async (signal) => {
  console.log(`\n${signal}: stopping what the bench started…`)
  await stopAll()
})

function log(line: string) {
  console.log(line)
}

async function waitUntilSent(db: pg.Client, total: number, label: string) {
  const began = Date.now()
  for (;;) {
    const { rows } = await db.query<{ done: number }>(
      `select count(*)::int as done from private.mail_outbox where sent_at is not null or skipped_reason is not null`,
    )
    if (rows[0].done >= total) break
    if (Date.now() - began > 15 * 60_000) throw new Error(`${label}: not sent after 15 minutes`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  return (Date.now() - began) / 1000
}

async function main() {
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'policy-forum-mail-bench-'))
  await fsp.chmod(dir, 0o755)
  stoppers.push(() => fsp.rm(dir, { recursive: true, force: true }))
  const [apiPort, dbPort, smtpPort] = [
    await findFreePort(),
    await findFreePort(),
    await findFreePort(),
  ]
  log(`Starting a throw-away stack in ${dir}…`)
  const stack = await startStack({
    dataDir: path.join(dir, 'db'),
    apiPort,
    dbPort,
    siteUrl: 'http://127.0.0.1:3000',
    jwtSecret: randomBytes(32).toString('hex'),
    durable: false,
    bcryptCost: 4,
  })
  stoppers.push(() => stack.stop())
  const db = new pg.Client({ connectionString: stack.dbUrl })
  db.on('error', () => undefined)
  await db.connect()
  stoppers.push(() => db.end())

  log(`Seeding ${members} members in 5 groups, a day of proposals and notifications…`)
  // Digests fall due at 08:00 London (the default); the bench asks at 08:30 today, and the day's
  // items happened in the 20 hours before.
  const {
    rows: [{ at }],
  } = await db.query<{ at: Date }>(
    `select (date_trunc('day', now() at time zone 'Europe/London') + interval '8 hours 30 minutes') at time zone 'Europe/London' as at`,
  )
  await db.query(
    `insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
       raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
     select '00000000-0000-0000-0000-000000000000', gen_random_uuid(), 'authenticated', 'authenticated',
       'mailbench' || n || '@bench.test', '', now(), '{"provider":"email"}',
       jsonb_build_object('display_name', 'Bench member ' || n, 'region', 'liverpool'), now(), now()
     from generate_series(1, $1) n`,
    [members],
  )
  await db.query(`create temporary table bench_members as
    select (row_number() over (order by u.email) - 1)::int as n, u.id
      from auth.users u where u.email like 'mailbench%@bench.test'`)
  await db.query(
    `insert into public.groups (slug, name, summary, horizon)
     select 'bench-' || g, 'Bench group ' || g, 'A group for the mail bench.', 'strategic'
       from generate_series(1, 5) g`,
  )
  // Each member in two of the five groups.
  await db.query(
    `insert into public.group_members (group_id, user_id)
     select g.id, m.id from bench_members m
       join public.groups g on g.slug in ('bench-' || (1 + m.n % 5), 'bench-' || (1 + (m.n + 1) % 5))`,
  )
  // 50 new proposals a group in the day, by the first members.
  await db.query(
    `insert into public.proposals (group_id, author_id, title, summary, body, status, published_at)
     select g.id, m.id, 'Bench proposal ' || g.slug || ' ' || i, 'A summary.',
            '{"type":"doc","content":[{"type":"paragraph","content":[{"type":"text","text":"Body."}]}]}'::jsonb,
            'open', $1::timestamptz - make_interval(mins => 60 + i * 20)
       from public.groups g cross join generate_series(1, 50) i
       join bench_members m on m.n = i
      where g.slug like 'bench-%'`,
    [at],
  )
  // Four comments a member on their proposals' threads: notifications taken daily.
  await db.query(
    `insert into public.notifications (user_id, kind, group_id, proposal_id, actor_id, body, created_at)
     select m.id, 'comment_on_proposal', p.group_id, p.id, a.id, 'Someone commented on your proposal',
            $1::timestamptz - make_interval(mins => 60 + k * 30)
       from bench_members m
       cross join generate_series(1, 4) k
       join lateral (select id, group_id from public.proposals where title like 'Bench proposal %'
                      order by id offset (m.n * 4 + k) % 250 limit 1) p on true
       join bench_members a on a.n = (m.n + k) % $2`,
    [at, members],
  )
  await db.query('analyze')

  log('\nThe digest query (private.schedule_digests) for every member:')
  let began = performance.now()
  const {
    rows: [{ made }],
  } = await db.query<{ made: number }>('select private.schedule_digests($1) as made', [at])
  const firstRun = performance.now() - began
  log(`  first run of the day: ${made} digests made in ${firstRun.toFixed(0)} ms`)
  const again: number[] = []
  for (let i = 0; i < 3; i++) {
    began = performance.now()
    await db.query('select private.schedule_digests($1)', [
      new Date(at.getTime() + (i + 1) * 60_000),
    ])
    again.push(performance.now() - began)
  }
  log(`  each later minute (nothing new): ${again.map((t) => t.toFixed(0)).join(', ')} ms`)

  const outboxDb = new pg.Pool({ connectionString: stack.dbUrl, max: 4 })
  stoppers.push(() => outboxDb.end())
  let caught = 0
  const catcher = await startMailCatcher({ port: smtpPort, db: outboxDb, onMail: () => caught++ })
  stoppers.push(() => catcher.stop())
  log(`\nThe worker (concurrency ${concurrency}) sending the ${made} digests to the catcher…`)
  const worker = await startMailWorker({
    databaseUrl: stack.dbUrl,
    smtpUrl: catcher.url,
    siteUrl: 'http://127.0.0.1:3000',
    concurrency,
  })
  stoppers.push(() => worker.stop())
  const digestSeconds = await waitUntilSent(db, made, 'digests')
  log(
    `  ${made} digests in ${digestSeconds.toFixed(1)} s: ${(made / digestSeconds).toFixed(0)} mails/s (caught ${caught})`,
  )

  log(`\n${immediate} replies mailed at once…`)
  const before = made
  await db.query(
    `insert into public.notifications (user_id, kind, group_id, proposal_id, actor_id, body)
     select m.id, 'reply_to_comment', p.group_id, p.id, a.id, 'Someone replied to your comment'
       from bench_members m
       join lateral (select id, group_id from public.proposals where title like 'Bench proposal %'
                      order by id offset m.n % 250 limit 1) p on true
       join bench_members a on a.n = (m.n + 1) % $2
      where m.n < $1`,
    [immediate, members],
  )
  const immediateSeconds = await waitUntilSent(db, before + immediate, 'immediate mail')
  log(
    `  ${immediate} mails in ${immediateSeconds.toFixed(1)} s: ${(immediate / immediateSeconds).toFixed(0)} mails/s (caught ${caught})`,
  )
}

try {
  await main()
} finally {
  await stopAll()
}
