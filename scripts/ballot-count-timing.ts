// `npx tsx scripts/ballot-count-timing.ts`: how long the alternative-vote count takes for a
// big ballot — 5,000 ballots over 10 options by default (BALLOTS, OPTIONS) — on a throw-away
// Postgres with the migrations. Times the whole count as the worker runs it (rounds,
// transfers, turnout by borough and the voters' notifications stored) and the recount alone.
// Rankings are random but skewed, of random length, so several rounds and exhausted ballots
// occur. Then participation by borough for the same group, as its facilitator reads it.
// A measurement, not a test: it prints the numbers.
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { migrate } from '../supabase/local/migrate'
import { findFreePort } from '../supabase/local/ports'
import { startPostgres } from '../supabase/local/postgres'
import { ensureLoadMembers } from './load-members'

const ballots = Number(process.env.BALLOTS ?? 5000)
const optionCount = Number(process.env.OPTIONS ?? 10)

const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'policy-forum-count-'))
await fs.chmod(dir, 0o755)
const postgres = await startPostgres({
  dataDir: path.join(dir, 'db'),
  port: await findFreePort(),
  password: 'postgres',
  durable: false,
})
const db = new pg.Client({ connectionString: postgres.url })
try {
  await migrate(postgres.url, { authenticatorPassword: 'unused-here', seed: false })
  await db.connect()
  await db.query(`insert into public.regions (slug, name, position) values
    ('liverpool', 'Liverpool', 1), ('sefton', 'Sefton', 2), ('knowsley', 'Knowsley', 3),
    ('st-helens', 'St Helens', 4), ('halton', 'Halton', 5), ('wirral', 'Wirral', 6),
    ('elsewhere', 'Elsewhere', 7) on conflict do nothing`)
  await ensureLoadMembers(db, ballots)
  const {
    rows: [group],
  } = await db.query(`insert into public.groups (slug, name, summary, horizon)
    values ('count-timing', 'Count timing', 'A group for timing the count.', 'strategic') returning id`)
  await db.query(
    `insert into public.group_members (group_id, user_id, joined_at, participated_at)
     select $1, u.id, now() - interval '30 days', now() - interval '20 days'
       from auth.users u where u.email like 'load%@load.test'`,
    [group.id],
  )
  const { rows: options } = await db.query<{ id: string }>(
    `insert into public.proposals (group_id, author_id, title, summary, body, status, published_at)
     select $1, (select id from auth.users where email = 'load1@load.test'), 'Option ' || n,
            'An option to rank.',
            '{"type":"doc","content":[{"type":"paragraph","content":[{"type":"text","text":"An option."}]}]}',
            'open', now()
       from generate_series(1, $2) n
     returning id`,
    [group.id, optionCount],
  )
  const {
    rows: [ballot],
  } = await db.query(
    `insert into public.ballots (group_id, question, opens_at, closes_at)
     values ($1, 'Which should come first?', now() - interval '2 days', now() - interval '1 second')
     returning id`,
    [group.id],
  )
  await db.query(
    `insert into public.ballot_options (ballot_id, proposal_id, position)
     select $1, o.id, o.n from unnest($2::uuid[]) with ordinality as o (id, n)`,
    [ballot.id, options.map((o) => o.id)],
  )
  // Each voter ranks a random number of options, the earlier options a little more often first.
  await db.query(
    `insert into public.ballot_papers (ballot_id, voter_id, ranking, region)
     select $1, u.id,
            (select array_agg(o.id order by random() * (1 + o.n * 0.05))
               from (select id, n from unnest($2::uuid[]) with ordinality as x (id, n)
                      -- u.id makes the subquery per voter: uncorrelated, it would run once
                      where u.id is not null
                      order by random() limit 1 + floor(random() * $3)::int) as o),
            (u.raw_user_meta_data ->> 'region')
       from auth.users u where u.email like 'load%@load.test'`,
    [ballot.id, options.map((o) => o.id), optionCount],
  )
  await db.query('analyze')

  let started = performance.now()
  await db.query('select private.count_ballot($1)', [ballot.id])
  const countMs = performance.now() - started
  const {
    rows: [{ rounds }],
  } = await db.query(
    'select count(*)::int as rounds from public.ballot_rounds where ballot_id = $1',
    [ballot.id],
  )
  const recounts: number[] = []
  for (let i = 0; i < 3; i++) {
    started = performance.now()
    await db.query('select private.recount_ballot($1)', [ballot.id])
    recounts.push(performance.now() - started)
  }
  // Participation by borough for the same group (5,000 members), as its facilitator reads it.
  const {
    rows: [facilitator],
  } = await db.query<{ id: string }>(
    `update public.group_members set role = 'facilitator'
      where group_id = $1 and user_id = (select id from auth.users where email = 'load1@load.test')
      returning user_id as id`,
    [group.id],
  )
  await db.query('begin')
  await db.query(`select set_config('request.jwt.claims', $1, true)`, [
    JSON.stringify({ sub: facilitator!.id, role: 'authenticated' }),
  ])
  await db.query('set local role authenticated')
  const participation: number[] = []
  for (let i = 0; i < 3; i++) {
    started = performance.now()
    await db.query('select * from public.group_participation($1)', [group.id])
    participation.push(performance.now() - started)
  }
  await db.query('rollback')
  console.log(
    `${ballots.toLocaleString('en-GB')} ballots over ${optionCount} options: ${rounds} rounds.\n` +
      `Count, stored (rounds, transfers, turnout, notifications): ${countMs.toFixed(0)} ms\n` +
      `Recount from the stored ballots (3 runs): ${recounts.map((ms) => ms.toFixed(0)).join(', ')} ms\n` +
      `Participation by borough of the group (3 runs): ${participation.map((ms) => ms.toFixed(0)).join(', ')} ms`,
  )
} finally {
  await db.end().catch(() => undefined)
  await postgres.stop()
  await fs.rm(dir, { recursive: true, force: true })
}
