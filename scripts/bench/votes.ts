// Vote writes through the real triggers (counters, tallies, scores), in one statement of
// `count` new votes on as many proposals, as postgres — once with every index, once inside
// a rolled-back transaction without the listing indexes of migration 20261203300000, to show
// what those indexes cost each vote. Needs the seed's temporary tables (same connection).
import type pg from 'pg'

const listingIndexes = ['top', 'hot', 'new', 'discussed', 'region'].map(
  (name) => `public.proposals_listing_${name}_idx`,
)

async function timeVotes(db: pg.Client, count: number, value: 1 | -1) {
  const started = performance.now()
  const { rowCount } = await db.query(
    `insert into public.votes (proposal_id, user_id, value)
     select p.id, m.id, $2::smallint
     from bench_proposals p
     join bench_members m on m.n = (7 * p.n + (select count(*) from bench_members) - 1 - ($2 + 1) / 2)
                                   % (select count(*) from bench_members)
     where p.n < $1
     on conflict do nothing`,
    [count, value],
  )
  return {
    rows: rowCount ?? 0,
    perSecond: (rowCount ?? 0) / ((performance.now() - started) / 1000),
  }
}

export async function benchVotes(db: pg.Client, count: number) {
  const out: string[] = []
  await db.query('begin')
  try {
    for (const index of listingIndexes) await db.query(`drop index if exists ${index}`)
    const without = await timeVotes(db, count, -1)
    out.push(
      `without the listing indexes: ${without.rows} votes, ${without.perSecond.toFixed(0)}/s`,
    )
  } finally {
    await db.query('rollback')
  }
  const withAll = await timeVotes(db, count, 1)
  out.push(`with every index:            ${withAll.rows} votes, ${withAll.perSecond.toFixed(0)}/s`)
  const {
    rows: [{ drift }],
  } = await db.query<{ drift: number }>(
    `select count(*)::int as drift from private.counter_drift() d
     where d.proposal_id in (select id from bench_proposals where n < 20)`,
  )
  out.push(drift === 0 ? 'counters exact afterwards' : `${drift} counters drifted!`)
  return out
}
