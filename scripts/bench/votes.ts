// Vote writes through the real triggers (counters, tallies, scores), in statements of `count`
// new votes on as many proposals, as postgres. Measured side by side, alternating so that a
// busy machine slows both alike: the schema as it is, and — inside rolled-back transactions —
// as it was before migration 20261204500000 (edit triggers on every update, the five ranking
// indexes it dropped, the vote trigger calling private.region_score()). Needs the seed's temporary tables (same connection).
import fs from 'node:fs'
import path from 'node:path'
import type pg from 'pg'

/** The vote trigger's function as migration 20261122160200 defined it, read from that file. */
function oldCountVotes() {
  const file = path.resolve(
    import.meta.dirname,
    '../../supabase/migrations/20261122160200_votes-and-scores.sql',
  )
  const sql = fs.readFileSync(file, 'utf8')
  const start = sql.indexOf('create or replace function private.count_votes()')
  const end = sql.indexOf('$$;', start) + 3
  if (start < 0 || end < 3) throw new Error(`count_votes() not found in ${file}`)
  return sql.slice(start, end)
}

const before = () => [
  oldCountVotes(),
  'create index on public.proposals (group_id, top_score desc) where status <> $$draft$$',
  'create index on public.proposals (group_id, hot_score desc) where status <> $$draft$$',
  'create index on public.proposals (group_id, region_score desc) where status <> $$draft$$',
  'create index on public.proposals (group_id, comment_count desc) where status <> $$draft$$',
  'create index on public.proposals (top_score desc) where status <> $$draft$$',
  'drop trigger proposals_prepare on public.proposals',
  `create trigger proposals_prepare before insert or update on public.proposals
     for each row execute function private.prepare_proposal()`,
  'drop trigger proposals_record_revision on public.proposals',
  `create trigger proposals_record_revision after update on public.proposals
     for each row execute function private.record_revision()`,
]

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

export async function benchVotes(db: pg.Client, count: number, rounds = 3) {
  const now: number[] = []
  const then: number[] = []
  for (let round = 0; round < rounds; round++) {
    now.push(await timeVotes(db, count, 2 * round))
    await db.query('begin')
    try {
      for (const statement of before()) await db.query(statement)
      then.push(await timeVotes(db, count, 2 * round + 1))
    } finally {
      await db.query('rollback')
    }
  }
  // Where a vote's time goes: EXPLAIN ANALYZE names each trigger's total.
  await db.query('begin')
  const triggers: string[] = []
  try {
    const { rows } = await db.query<{ 'QUERY PLAN': string }>(
      `explain (analyze)
       insert into public.votes (proposal_id, user_id, value)
       select p.id, m.id, 1::smallint from bench_proposals p
       join bench_members m on m.n = (7 * p.n + (select count(*) from bench_members) - 1 - $2)
                                     % (select count(*) from bench_members)
       where p.n < $1 on conflict do nothing`,
      [count, 2 * rounds],
    )
    for (const { 'QUERY PLAN': line } of rows)
      if (/^(Trigger|Execution Time)/.test(line.trim())) triggers.push(`  ${line.trim()}`)
  } finally {
    await db.query('rollback')
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]
  const {
    rows: [{ drift }],
  } = await db.query<{ drift: number }>(
    `select count(*)::int as drift from private.counter_drift() d
     where d.proposal_id in (select id from bench_proposals where n < 20)`,
  )
  return [
    `${count} votes a statement, ${rounds} rounds each, alternating (median, and each round):`,
    `  as before 20261204500000: ${median(then).toFixed(0)}/s (${then.map((v) => v.toFixed(0)).join(', ')})`,
    `  now:                      ${median(now).toFixed(0)}/s (${now.map((v) => v.toFixed(0)).join(', ')})`,
    drift === 0 ? 'counters exact afterwards' : `${drift} counters drifted!`,
    `One statement of ${count} votes, now, by trigger:`,
    ...triggers,
  ]
}
