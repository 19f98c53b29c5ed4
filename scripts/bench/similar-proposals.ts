// `npx tsx scripts/bench/similar-proposals.ts [--proposals 10000]`: how long the "similar
// proposals" check before publishing takes (public.similar_proposals, pg_trgm). Boots a
// throw-away Postgres with the migrations and seed, adds that many published proposals with
// made-up titles spread over the groups, and times the call as a signed-in member (RLS on),
// printing its plan. A measurement, not a test: nothing runs it automatically.
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import pg from 'pg'
import { migrate } from '../../supabase/local/migrate'
import { findFreePort } from '../../supabase/local/ports'
import { startPostgres } from '../../supabase/local/postgres'

const { values } = parseArgs({ options: { proposals: { type: 'string', default: '10000' } } })
const proposals = Number(values.proposals)
if (!Number.isInteger(proposals) || proposals < 1) throw new Error('--proposals takes a number.')

const words = [
  'bus',
  'buses',
  'tram',
  'ferry',
  'tickets',
  'season',
  'part-time',
  'night',
  'routes',
  'fares',
  'cap',
  'children',
  'schools',
  'skills',
  'apprenticeships',
  'housing',
  'damp',
  'repairs',
  'tolls',
  'tunnel',
  'bridge',
  'cycling',
  'lanes',
  'stations',
  'lifts',
  'step-free',
  'Halton',
  'Wirral',
  'Sefton',
  'Knowsley',
  'Liverpool',
  'St Helens',
  'free',
  'cheaper',
  'safer',
  'better',
  'more',
  'local',
  'jobs',
  'colleges',
  'employers',
  'levy',
  'rents',
  'landlords',
]
const queries = [
  'Part-time season tickets',
  'Cheaper bus fares for children',
  'Free tunnel tolls for Wirral',
  'Damp repairs for renters',
  'Night buses for shift workers',
]

const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'policy-forum-similar-'))
await fs.chmod(dir, 0o755)
const postgres = await startPostgres({
  dataDir: path.join(dir, 'db'),
  port: await findFreePort(),
  password: 'postgres',
  durable: false,
})
const db = new pg.Client({ connectionString: postgres.url })
try {
  await migrate(postgres.url, { authenticatorPassword: 'unused-here', seed: true })
  await db.connect()
  const { rows: groups } = await db.query<{ id: string; slug: string }>(
    'select id, slug from public.groups order by slug',
  )
  const { rows: authors } = await db.query<{ id: string }>(
    `insert into auth.users (id, email, raw_user_meta_data)
     values (gen_random_uuid(), 'bench-author@example.test', '{"display_name": "Bench Author"}')
     returning id`,
  )
  const began = Date.now()
  await db.query(
    `insert into public.proposals (group_id, author_id, title, summary, body, status, published_at)
     select ($1::uuid[])[1 + i % array_length($1::uuid[], 1)], $2,
            initcap(array_to_string(array(
              select ($3::text[])[1 + ((i * 7 + k * 13 + (i / 7) * k) % array_length($3::text[], 1))]
                from generate_series(1, 3 + i % 4) as k), ' ')) || ' ' || i,
            'A summary.', '{"type":"doc","content":[{"type":"paragraph","content":[{"type":"text","text":"Body."}]}]}',
            case when i % 10 = 0 then 'shortlisted' else 'open' end::public.proposal_status, now()
       from generate_series(1, $4) as i`,
    [groups.map((g) => g.id), authors[0].id, words, proposals],
  )
  await db.query('analyze public.proposals')
  console.log(`Added ${proposals} published proposals in ${Date.now() - began} ms.`)

  const member = authors[0].id
  await db.query('begin')
  await db.query(`set local role authenticated`)
  await db.query(`select set_config('request.jwt.claims', $1, true)`, [
    JSON.stringify({ sub: member, role: 'authenticated' }),
  ])
  const buses = groups.find((g) => g.slug === 'buses') ?? groups[0]
  const times: number[] = []
  for (let round = 0; round < 20; round++) {
    for (const query of queries) {
      const start = process.hrtime.bigint()
      await db.query('select * from public.similar_proposals($1, $2)', [buses.id, query])
      times.push(Number(process.hrtime.bigint() - start) / 1e6)
    }
  }
  times.sort((a, b) => a - b)
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]
  console.log(
    `similar_proposals at ${proposals} proposals, ${times.length} calls: median ${at(0.5).toFixed(2)} ms, p95 ${at(0.95).toFixed(2)} ms, max ${at(1).toFixed(2)} ms`,
  )
  const { rows: top } = await db.query(
    'select title, round(similarity::numeric, 2) as similarity from public.similar_proposals($1, $2)',
    [buses.id, queries[0]],
  )
  console.log(`Most similar to “${queries[0]}”:`, top)
  const { rows: plan } = await db.query(
    `explain (analyze, buffers, costs off)
     select p.id from public.proposals p
      where p.group_id = $1 and p.status in ('open', 'shortlisted') and p.hidden_at is null
      order by p.title operator(extensions.<->) $2 limit 5`,
    [buses.id, queries[0]],
  )
  console.log(plan.map((r) => r['QUERY PLAN']).join('\n'))
  await db.query('rollback')
} finally {
  await db.end().catch(() => undefined)
  await postgres.stop()
  await fs.rm(dir, { recursive: true, force: true })
}
