// `npm run seed:load`: fills the LOCAL database (npm run dev / db:start must be running) with
// a heavy group — 1,000 proposals, 100,000 votes from 500 members, comments — to measure
// page times. Counters and scores are kept by the real triggers. Never for production.
import pg from 'pg'
import { ensureLoadMembers } from './load-members'

const databaseUrl =
  process.env.DATABASE_URL ?? 'postgresql://postgres:postgres@127.0.0.1:54322/postgres'
const proposals = Number(process.env.PROPOSALS ?? 1000)
const voters = Number(process.env.VOTERS ?? 500)
const votes = Number(process.env.VOTES ?? 100_000)

const db = new pg.Client({ connectionString: databaseUrl })
await db.connect()
const started = Date.now()
try {
  await db.query(`insert into public.groups (slug, name, summary, horizon)
    values ('load-test', 'Load test', 'A heavy group for measuring page times.', 'strategic') on conflict (slug) do nothing`)
  const {
    rows: [group],
  } = await db.query(`select id from public.groups where slug = 'load-test'`)
  await ensureLoadMembers(db, voters)
  await db.query(
    `insert into public.group_members (group_id, user_id)
     select $1, u.id from auth.users u where u.email like 'load%@load.test' on conflict do nothing`,
    [group.id],
  )
  console.log(`members ready (${((Date.now() - started) / 1000).toFixed(1)} s)`)
  const {
    rows: [{ count }],
  } = await db.query('select count(*)::int from public.proposals where group_id = $1', [group.id])
  if (count < proposals) {
    await db.query(
      `insert into public.proposals (group_id, author_id, title, summary, body, status, published_at)
       select $1, (select id from auth.users where email = 'load' || (1 + n % $3) || '@load.test'),
         'Load proposal number ' || n, 'A proposal made to measure page times.',
         jsonb_build_object('type', 'doc', 'content', jsonb_build_array(jsonb_build_object('type', 'paragraph',
           'content', jsonb_build_array(jsonb_build_object('type', 'text', 'text', repeat('Words of a proposal. ', 40)))))),
         'open', now() - (n || ' minutes')::interval
       from generate_series($2 + 1, $4) n`,
      [group.id, count, voters, proposals],
    )
  }
  console.log(`proposals ready (${((Date.now() - started) / 1000).toFixed(1)} s)`)
  // Votes in batches so progress shows; a skewed spread, so rankings differ.
  const batch = 5000
  for (let done = 0; done < votes; done += batch) {
    await db.query(
      `insert into public.votes (proposal_id, user_id, value)
       select p.id, u.id, case when random() < 0.7 then 1 else -1 end
       from (select id, row_number() over (order by id) as rn from public.proposals where group_id = $1) p
       join (select id, row_number() over (order by id) as rn from auth.users where email like 'load%@load.test') u
         on (u.rn + p.rn * 7) % $2 < (case when p.rn % 10 = 0 then 400 else 90 end)
       where (p.rn * 31 + u.rn) % $3 = $4 % $3
       on conflict do nothing`,
      [group.id, voters, Math.ceil(votes / batch), done / batch],
    )
    const {
      rows: [{ n }],
    } = await db.query(
      'select count(*)::int as n from public.votes v join public.proposals p on p.id = v.proposal_id where p.group_id = $1',
      [group.id],
    )
    console.log(`${n} votes (${((Date.now() - started) / 1000).toFixed(1)} s)`)
    if (n >= votes) break
  }
  await db.query('analyze')
} finally {
  await db.end()
}
