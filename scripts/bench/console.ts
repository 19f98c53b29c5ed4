// `npx tsx scripts/bench/console.ts --proposals 10000`: the facilitators' console's listing
// queries in one crowded group, EXPLAIN ANALYZE as the group's facilitator through RLS — the
// old console's one read (500 rows, Top) beside the table's page for every ranking, status
// filter and title search — then the console page itself through the production build.
// A throw-away stack (temporary folder, free ports); everything it starts is stopped.
// The app server loads build/ from the working folder: to time another version's console,
// run this from that version's folder with --build build/server.js.
import path from 'node:path'
import { parseArgs } from 'node:util'
import { proposalSorts } from '../../app/utils/proposal-listing'
import { answeredStatuses, liveStatuses } from '../../app/utils/proposal-statuses'
import { seed } from './seed'
import { startProductionApp, startThrowawayStack, type Stoppers } from './throwaway'

const { values: flags } = parseArgs({
  options: {
    proposals: { type: 'string', default: '10000' },
    // Another build's server (e.g. the console before the table) against the same seed.
    build: { type: 'string', default: '' },
  },
})
const proposals = Number(flags.proposals)
const root = path.resolve(import.meta.dirname, '../..')
const quoted = (statuses: readonly string[]) => statuses.map((s) => `'${s}'`).join(',')
const live = quoted(liveStatuses)
const columns =
  'id, title, status, pinned, hidden_at, published_at, support_count, oppose_count, comment_count, top_score, region_score'
const rankings = Object.fromEntries(
  Object.entries(proposalSorts).map(([name, sort]) => [name, sort.column]),
)

function page(group: string, column: string, where = `status in (${live})`, offset = 0) {
  // As supabase-js sends it (listConsoleProposals): the ranking nulls last, then the newest.
  return `select ${columns} from public.proposals where group_id = '${group}' and ${where}
    order by pinned desc, ${column} desc nulls last, published_at desc limit 25 offset ${offset}`
}

async function main() {
  const stoppers: Stoppers = []
  try {
    const throwaway = await startThrowawayStack('console-bench', stoppers)
    const { db, appUrl } = throwaway
    const seeded = await seed(
      db,
      {
        proposals,
        votes: proposals * 20,
        members: 300,
        comments: proposals * 2,
        longThread: 20,
        shortThread: 10,
      },
      () => undefined,
    )
    await db.query('analyze')
    const g = seeded.groupId
    const { rows } = await db.query<{ id: string }>('select id from auth.users where email = $1', [
      seeded.facilitatorEmail,
    ])
    const queries: Record<string, string> = {
      'old console (500 rows, Top)': `select ${columns} from public.proposals where group_id = '${g}'
        and status in (${live}) order by pinned desc, top_score desc nulls last, published_at desc limit 500`,
      ...Object.fromEntries(
        Object.entries(rankings).map(([name, column]) => [
          `table, ${name}, page 1`,
          page(g, column),
        ]),
      ),
      'table, top, page 40': page(g, 'top_score', `status in (${live})`, 975),
      'table, top, shortlisted': page(g, 'top_score', `status in ('shortlisted')`),
      'table, new, answered': page(g, 'published_at', `status in (${quoted(answeredStatuses)})`),
      'table, top, search "proposal" (every title)': page(
        g,
        'top_score',
        `status in (${live}) and title ilike '%proposal%'`,
      ),
      'table, top, search "number 777" (rare)': page(
        g,
        'top_score',
        `status in (${live}) and title ilike '%number%' and title ilike '%777%'`,
      ),
      'search count (rare)': `select count(*) from public.proposals where group_id = '${g}'
        and status in (${live}) and title ilike '%number%' and title ilike '%777%'`,
    }
    const claims = JSON.stringify({ role: 'authenticated', sub: rows[0].id })
    console.log(`\n${proposals} proposals in one group; EXPLAIN ANALYZE as its facilitator:`)
    for (const [label, sql] of Object.entries(queries)) {
      await db.query('begin')
      try {
        await db.query(`select set_config('request.jwt.claims', $1, true)`, [claims])
        await db.query('set local role authenticated')
        await db.query(`explain (analyze) ${sql}`)
        const plan = await db.query<{ 'QUERY PLAN': string }>(`explain (analyze, buffers) ${sql}`)
        const lines = plan.rows.map((r) => r['QUERY PLAN'])
        const time = lines.find((l) => l.startsWith('Execution Time'))
        const sorts = lines.filter((l) => /Sort Method|Sort Key/.test(l)).map((l) => l.trim())
        const scans = lines
          .filter((l) => /Index Scan|Bitmap Index Scan|Seq Scan/.test(l))
          .map((l) => l.trim().replace(/\s+\(cost.*$/, ''))
        console.log(`  ${label}: ${time}`)
        for (const line of [...scans, ...sorts]) console.log(`      ${line}`)
      } finally {
        await db.query('rollback')
      }
    }
    // The page itself, through the production build (npm run build first).
    await startProductionApp(throwaway, stoppers, {
      entry: flags.build ? path.resolve(flags.build) : path.join(root, 'build/server.js'),
    })
    const signIn = await fetch(`${appUrl}/signin`, {
      method: 'POST',
      body: new URLSearchParams({
        email: seeded.facilitatorEmail,
        password: seeded.memberPassword,
      }),
      redirect: 'manual',
    })
    const cookie = signIn.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ')
    console.log('\nThe console page (median of 5, after one warm-up):')
    for (const query of [
      '',
      '?sort=discussed',
      '?status=shortlisted',
      '?q=proposal',
      '?q=number+777',
      '?page=40',
    ]) {
      const times: number[] = []
      let size = 0
      for (let i = 0; i < 6; i++) {
        const started = performance.now()
        const response = await fetch(`${appUrl}/groups/${seeded.groupSlug}/console${query}`, {
          headers: { cookie },
        })
        size = (await response.text()).length
        if (response.status !== 200) throw new Error(`console${query}: ${response.status}`)
        if (i) times.push(performance.now() - started)
      }
      times.sort((a, b) => a - b)
      console.log(
        `  console${query || ' (top, all live, page 1)'}: ${times[2].toFixed(0)} ms, ${(size / 1024).toFixed(0)} kB`,
      )
    }
  } finally {
    for (const stop of stoppers.reverse()) await stop().catch(() => undefined)
  }
}

await main()
