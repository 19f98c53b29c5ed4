// `npx tsx scripts/review-load.ts seed|measure`: the candidate's review page at scale, on the
// LOCAL stack only. `seed` adds 1,000 forwarded proposals across the seeded groups with about
// 40,000 votes from 500 members in every borough (the real triggers keep counts, tallies and
// scores). `measure` signs in as the demo candidate and times ten requests of each address,
// the route's loader alone (?_data) and the whole page, and prints the medians.
// DATABASE_URL and APP_URL point it at a stack and an app on other ports.
import pg from 'pg'
import { ensureLoadMembers } from './load-members'

const databaseUrl =
  process.env.DATABASE_URL ?? 'postgresql://postgres:postgres@127.0.0.1:54322/postgres'
const appUrl = process.env.APP_URL ?? 'http://127.0.0.1:3000'
const proposals = Number(process.env.PROPOSALS ?? 1000)
const voters = 500

async function seed() {
  const db = new pg.Client({ connectionString: databaseUrl })
  await db.connect()
  const started = Date.now()
  const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`
  try {
    await ensureLoadMembers(db, voters)
    const {
      rows: [{ count }],
    } = await db.query(
      `select count(*)::int from public.proposals where title like 'Review load %'`,
    )
    if (count >= proposals) return console.log(`already seeded: ${count} proposals`)
    await db.query(
      `with groups as (select id, row_number() over (order by position) - 1 as i, count(*) over () as n
                         from public.groups where archived_at is null and slug <> 'load-test')
       insert into public.proposals (group_id, author_id, title, summary, body, status, published_at)
       select g.id, (select id from auth.users where email = 'load' || (1 + s % $2) || '@load.test'),
         'Review load proposal ' || s, 'A forwarded proposal made to measure the review page.',
         jsonb_build_object('type', 'doc', 'content', jsonb_build_array(jsonb_build_object('type', 'paragraph',
           'content', jsonb_build_array(jsonb_build_object('type', 'text', 'text', repeat('Words of a proposal. ', 40)))))),
         'forwarded', now() - (s || ' minutes')::interval
       from generate_series($1 + 1, $3) s join groups g on g.i = s % g.n`,
      [count, voters, proposals],
    )
    console.log(`proposals ready (${elapsed()})`)
    // Each proposal gets 5 to 75 voters, skewed towards some boroughs, so rankings differ.
    await db.query(
      `insert into public.votes (proposal_id, user_id, value)
       select p.id, u.id, case when random() < 0.7 then 1 else -1 end
       from (select id, row_number() over (order by id) as rn from public.proposals where title like 'Review load %') p
       join (select id, row_number() over (order by id) as rn from auth.users where email like 'load%@load.test') u
         on (u.rn * 13 + p.rn * 7) % $1 < 5 + (p.rn % 15) * 5
       on conflict do nothing`,
      [voters],
    )
    const {
      rows: [{ n }],
    } = await db.query(
      `select count(*)::int as n from public.votes v join public.proposals p on p.id = v.proposal_id where p.title like 'Review load %'`,
    )
    console.log(`${n} votes (${elapsed()})`)
    await db.query('analyze')
  } finally {
    await db.end()
  }
}

async function signIn() {
  const response = await fetch(new URL('/signin', appUrl), {
    method: 'POST',
    redirect: 'manual',
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      Origin: new URL(appUrl).origin,
    },
    body: new URLSearchParams({
      email: 'candidate@demo.policyforum.local',
      password: 'policy-forum-demo',
    }),
  })
  if (response.status !== 302) throw new Error(`sign-in failed: ${response.status}`)
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0])
    .join('; ')
}

async function median(url: string, cookie: string, times = 10) {
  await fetch(url, { headers: { cookie } }).then((r) => r.arrayBuffer()) // warm up
  const durations: number[] = []
  for (let i = 0; i < times; i++) {
    const began = performance.now()
    const response = await fetch(url, { headers: { cookie } })
    await response.arrayBuffer()
    if (response.status !== 200) throw new Error(`${url}: ${response.status}`)
    durations.push(performance.now() - began)
  }
  durations.sort((a, b) => a - b)
  return (durations[4] + durations[5]) / 2
}

async function measure() {
  const cookie = await signIn()
  for (const path of [
    '/review',
    '/review?sort=region',
    '/review?borough=wirral',
    '/review?horizon=strategic&page=3',
    '/review?tab=answered',
  ]) {
    const data = new URL(path, appUrl)
    data.searchParams.set('_data', 'routes/review')
    const [loader, page] = [
      await median(data.href, cookie),
      await median(new URL(path, appUrl).href, cookie),
    ]
    console.log(
      `${path.padEnd(36)} loader ${loader.toFixed(1)} ms · whole page ${page.toFixed(1)} ms (medians of 10)`,
    )
  }
}

const command = process.argv[2]
if (command === 'seed') await seed()
else if (command === 'measure') await measure()
else {
  console.error('Usage: npx tsx scripts/review-load.ts seed|measure')
  process.exit(2)
}
