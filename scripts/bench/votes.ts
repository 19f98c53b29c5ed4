// Vote writes through the real triggers (counters, tallies, scores, follows, activity), side by
// side: the schema as it is, and as it was before migrations 20261208100000 (four row triggers
// per vote) and 20261208100100 (the session checked again by every statement a trigger runs).
// Alternating rounds, so that a busy machine slows both alike.
// - benchVotes: statements of `count` new votes on as many proposals, as postgres; "before"
//   runs inside rolled-back transactions. Needs the seed's temporary tables (same connection).
// - benchMemberVotes: one vote per request through PostgREST, each as its own member with the
//   member's JWT, as the app casts them; "before" is switched on and back off in committed
//   transactions, since PostgREST's connections must see it.
import fs from 'node:fs'
import path from 'node:path'
import autocannon from 'autocannon'
import { SignJWT } from 'jose'
import type pg from 'pg'

const migrations = path.resolve(import.meta.dirname, '../../supabase/migrations')

/** `create or replace function <name>(…) … $$;` as the migration `file` defined it. */
function functionFrom(file: string, name: string) {
  const sql = fs.readFileSync(path.join(migrations, file), 'utf8')
  const start = sql.indexOf(`create or replace function ${name}(`)
  const end = sql.indexOf('$$;', start) + 3
  if (start < 0 || end < 3) throw new Error(`${name}() not found in ${file}`)
  return sql.slice(start, end)
}

const statementTriggers = [
  'votes_count_inserted',
  'votes_count_updated',
  'votes_count_deleted',
  'votes_record_new',
]

/** Back to the row triggers of before 20261208100000, and the session checked by each. */
export const before = () => [
  functionFrom('20261202100000_live-accounts.sql', 'private.refuse_ended_sessions'),
  ...statementTriggers.map((name) => `drop trigger ${name} on public.votes`),
  functionFrom('20261204500000_votes-write-less.sql', 'private.count_votes'),
  functionFrom('20261204200300_follows-and-mentions.sql', 'private.follow_supported'),
  `create trigger votes_count after insert or update or delete on public.votes
     for each row execute function private.count_votes()`,
  `create trigger votes_follow_supported after insert on public.votes
     for each row execute function private.follow_supported()`,
  `create trigger votes_record_activity_month after insert on public.votes
     for each row execute function private.record_activity_month('user_id')`,
  `create trigger votes_record_participation after insert on public.votes
     for each row execute function private.record_participation('user_id')`,
]

/** From before() back to the schema as it is: its triggers, read from the migration. */
export const now = () => {
  const sql = fs.readFileSync(
    path.join(migrations, '20261208100000_votes-counted-per-statement.sql'),
    'utf8',
  )
  const creates = sql.match(/create trigger votes_[a-z_]+\n[^;]+;/g) ?? []
  if (creates.length !== statementTriggers.length) throw new Error('Its triggers were not found.')
  return [
    functionFrom(
      '20261208100100_session-checked-once-per-statement.sql',
      'private.refuse_ended_sessions',
    ),
    ...[
      'votes_count',
      'votes_follow_supported',
      'votes_record_activity_month',
      'votes_record_participation',
    ].map((name) => `drop trigger ${name} on public.votes`),
    'drop function private.count_votes()',
    'drop function private.follow_supported()',
    ...creates,
  ]
}

async function inTransaction(db: pg.Client, statements: string[], commit: boolean) {
  await db.query('begin')
  try {
    for (const statement of statements) await db.query(statement)
  } catch (error) {
    await db.query('rollback')
    throw error
  }
  if (commit) await db.query('commit')
}

/** One statement of new votes; `round` picks voters no earlier round used. */
async function timeVotes(db: pg.Client, count: number, round: number) {
  const started = performance.now()
  const { rowCount } = await db.query(
    `insert into public.votes (proposal_id, user_id, value)
     select p.id, m.id, case when $2 % 2 = 0 then 1 else -1 end::smallint
     from bench_proposals p
     join bench_members m on m.n = (7 * p.n + (select count(*) from bench_members) - 1 - $2)
                                   % (select count(*) from bench_members)
     where p.n < $1
     on conflict do nothing`,
    [count, round],
  )
  return (rowCount ?? 0) / ((performance.now() - started) / 1000)
}

/** Where one statement's time goes: EXPLAIN ANALYZE names each trigger's total. */
async function triggerTimes(db: pg.Client, count: number, round: number) {
  const { rows } = await db.query<{ 'QUERY PLAN': string }>(
    `explain (analyze)
     insert into public.votes (proposal_id, user_id, value)
     select p.id, m.id, 1::smallint from bench_proposals p
     join bench_members m on m.n = (7 * p.n + (select count(*) from bench_members) - 1 - $2)
                                   % (select count(*) from bench_members)
     where p.n < $1 on conflict do nothing`,
    [count, round],
  )
  return rows
    .map(({ 'QUERY PLAN': line }) => line.trim())
    .filter((line) => /^(Trigger|Execution Time)/.test(line))
    .map((line) => `    ${line}`)
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]
const rates = (values: number[]) =>
  `${median(values).toFixed(0)}/s (${values.map((v) => v.toFixed(0)).join(', ')})`

export async function benchVotes(db: pg.Client, count: number, rounds = 3) {
  const after: number[] = []
  const then: number[] = []
  for (let round = 0; round < rounds; round++) {
    after.push(await timeVotes(db, count, 2 * round))
    await inTransaction(db, before(), false)
    try {
      then.push(await timeVotes(db, count, 2 * round + 1))
    } finally {
      await db.query('rollback')
    }
  }
  await db.query('begin')
  const nowTimes = await triggerTimes(db, count, 2 * rounds).finally(() => db.query('rollback'))
  await inTransaction(db, before(), false)
  const thenTimes = await triggerTimes(db, count, 2 * rounds).finally(() => db.query('rollback'))
  const {
    rows: [{ drift }],
  } = await db.query<{ drift: number }>(
    `select count(*)::int as drift from private.counter_drift() d
     where d.proposal_id in (select id from bench_proposals where n < $1)`,
    [count],
  )
  return [
    `${count} votes a statement, ${rounds} rounds each, alternating (median, and each round):`,
    `  before 20261208100000/100: ${rates(then)}`,
    `  now:                       ${rates(after)}`,
    drift === 0 ? 'counters exact afterwards' : `${drift} counters drifted!`,
    `One statement of ${count} votes, by trigger:`,
    '  before:',
    ...thenTimes,
    '  now:',
    ...nowTimes,
  ]
}

type Api = { apiUrl: string; anonKey: string; jwtSecret: string }

/**
 * `seconds` of single votes at `connections` at once, voters from `offset` upward, unused so
 * far; or, with `read`, the same members reading their vote (the app's read before a vote).
 */
async function timeMemberVotes(
  api: Api,
  voters: { proposals: { id: string; n: number }[]; tokens: string[]; offset: number },
  connections: number,
  seconds: number,
  read = false,
) {
  const { proposals, tokens } = voters
  let next = 0
  const result = await autocannon({
    url: `${api.apiUrl}/rest/v1/votes?select=value`,
    connections,
    duration: seconds,
    requests: [
      {
        method: read ? 'GET' : 'POST',
        setupRequest: (request) => {
          // Request i: proposal i mod P, from a member no seeded or earlier vote used there.
          const i = next++
          const { id, n } = proposals[i % proposals.length]
          const m = (7 * n + voters.offset + Math.floor(i / proposals.length)) % tokens.length
          if (read)
            return {
              ...request,
              path: `${request.path}&proposal_id=eq.${id}`,
              headers: { apikey: api.anonKey, authorization: `Bearer ${tokens[m]}` },
            }
          return {
            ...request,
            headers: {
              apikey: api.anonKey,
              authorization: `Bearer ${tokens[m]}`,
              'content-type': 'application/json',
              prefer: 'return=representation',
            },
            body: JSON.stringify({ proposal_id: id, value: i % 3 === 0 ? -1 : 1 }),
          }
        },
      },
    ],
  })
  if (!read) voters.offset += Math.ceil(next / proposals.length) + 1
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    // autocannon's errors include its timeouts.
    errors: result.errors + result.non2xx,
  }
}

/**
 * Members' single votes through PostgREST. Voters come from `firstVoter` upward in each
 * proposal's sequence of the seed (vote k: member (k div P + 7·p) mod M), so they vote anew.
 */
export async function benchMemberVotes(
  db: pg.Client,
  api: Api,
  { connections = 10, seconds = 5, rounds = 3, firstVoter = 0 } = {},
) {
  const { rows: proposals } = await db.query<{ id: string; n: number }>(
    `select p.id, b.n from bench_proposals b join public.proposals p on p.id = b.id
      where p.status in ('open', 'shortlisted') order by b.n`,
  )
  // A session each, as signing in makes: writes check that it is still live.
  await db.query(
    'insert into auth.sessions (id, user_id) select gen_random_uuid(), id from bench_members',
  )
  const { rows: members } = await db.query<{ id: string; session: string }>(
    `select distinct on (m.n) m.id, s.id as session
       from bench_members m join auth.sessions s on s.user_id = m.id
      order by m.n, s.created_at desc`,
  )
  const key = new TextEncoder().encode(api.jwtSecret)
  const tokens = await Promise.all(
    members.map(({ id, session }) =>
      new SignJWT({ role: 'authenticated', aud: 'authenticated', session_id: session })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setSubject(id)
        .setIssuedAt()
        .setExpirationTime('1h')
        .sign(key),
    ),
  )
  const voters = { proposals, tokens, offset: firstVoter }
  const after: Awaited<ReturnType<typeof timeMemberVotes>>[] = []
  const then: typeof after = []
  // Not counted: PostgREST's connections and their plans warm up on the first requests.
  await timeMemberVotes(api, voters, connections, 1)
  for (let round = 0; round < rounds; round++) {
    after.push(await timeMemberVotes(api, voters, connections, seconds))
    await inTransaction(db, before(), true)
    try {
      then.push(await timeMemberVotes(api, voters, connections, seconds))
    } finally {
      await inTransaction(db, now(), true)
    }
  }
  const reads = await timeMemberVotes(api, voters, connections, seconds, true)
  const {
    rows: [{ drift }],
  } = await db.query<{ drift: number }>(
    'select count(*)::int as drift from private.counter_drift()',
  )
  const line = (runs: typeof after) =>
    `${rates(runs.map((r) => r.rps))}, p50 ${median(runs.map((r) => r.p50))} ms, ` +
    `p99 ${median(runs.map((r) => r.p99))} ms, ${runs.reduce((n, r) => n + r.errors, 0)} errors`
  return [
    `One vote a request through PostgREST, each as its own member, ${connections} connections, ${seconds} s a round, ${rounds} rounds each, alternating:`,
    `  before 20261208100000/100: ${line(then)}`,
    `  now:                       ${line(after)}`,
    `  for scale, the same members reading their vote (a GET): ${line([reads])}`,
    drift === 0
      ? 'counters exact afterwards (private.counter_drift() over the whole database)'
      : `${drift} counters drifted!`,
  ]
}
