// The SQL ranking functions that triggers store scores with agree with app/utils/ranking.ts.
import { describe, expect, it } from 'vitest'
import {
  crossBoroughScore,
  hotScore,
  wilsonLowerBound,
  type BoroughTally,
} from '../../app/utils/ranking'
import { sql } from '../support/sql'

const tolerance = 1e-9
const counts = [0, 1, 2, 3, 5, 10, 95, 1000, 123457, 2147483647]
const pairs = counts.flatMap((support) => counts.map((oppose) => ({ support, oppose })))
const publishedAts = [
  '2025-06-15T12:34:56.789Z',
  '2026-01-01T00:00:00.000Z',
  '2026-03-01T08:00:00.001Z',
  '2031-12-31T23:59:59.999Z',
]

function expectAgreement(fromSql: number[], fromTs: number[]) {
  expect(fromSql).toHaveLength(fromTs.length)
  const worst = Math.max(...fromSql.map((value, i) => Math.abs(value - fromTs[i])))
  expect(worst).toBeLessThanOrEqual(tolerance)
}

async function sqlErrorCode(text: string, values: unknown[]) {
  try {
    await sql().query(text, values)
  } catch (error) {
    return (error as { code?: string }).code
  }
  return 'no error'
}

describe('private.wilson_lower_bound', () => {
  it(`agrees with wilsonLowerBound on ${pairs.length} tallies`, async () => {
    const { rows } = await sql().query<{ score: number }>(
      `select private.wilson_lower_bound(s, o) as score
         from unnest($1::integer[], $2::integer[]) with ordinality as t(s, o, i) order by i`,
      [pairs.map((p) => p.support), pairs.map((p) => p.oppose)],
    )
    expectAgreement(
      rows.map((r) => r.score),
      pairs.map((p) => wilsonLowerBound(p.support, p.oppose)),
    )
  })

  it('is null for an unknown tally and refuses negative counts', async () => {
    const { rows } = await sql().query<{ score: number | null }>(
      'select private.wilson_lower_bound(null, 3) as score',
    )
    expect(rows[0].score).toBeNull()
    expect(await sqlErrorCode('select private.wilson_lower_bound($1, $2)', [-1, 0])).toBe('22023')
  })
})

describe('private.hot_score', () => {
  const cases = publishedAts.flatMap((publishedAt) => pairs.map((p) => ({ ...p, publishedAt })))

  it(`agrees with hotScore on ${cases.length} tallies and dates`, async () => {
    const { rows } = await sql().query<{ score: number }>(
      `select private.hot_score(s, o, at) as score
         from unnest($1::integer[], $2::integer[], $3::timestamptz[])
              with ordinality as t(s, o, at, i) order by i`,
      [cases.map((c) => c.support), cases.map((c) => c.oppose), cases.map((c) => c.publishedAt)],
    )
    expectAgreement(
      rows.map((r) => r.score),
      cases.map((c) => hotScore(c.support, c.oppose, new Date(c.publishedAt))),
    )
  })

  it('does not depend on the session time zone', async () => {
    const client = await sql().connect()
    try {
      await client.query(`set time zone 'Pacific/Auckland'`)
      const { rows } = await client.query<{ score: number }>(
        `select private.hot_score(7, 2, '2026-07-01T10:00:00+01') as score`,
      )
      expect(
        Math.abs(rows[0].score - hotScore(7, 2, new Date('2026-07-01T09:00:00Z'))),
      ).toBeLessThanOrEqual(tolerance)
    } finally {
      await client.query('reset time zone')
      client.release()
    }
  })

  it('is null for a proposal never published and refuses negative counts', async () => {
    const { rows } = await sql().query<{ score: number | null }>(
      'select private.hot_score(3, 1, null) as score',
    )
    expect(rows[0].score).toBeNull()
    expect(await sqlErrorCode('select private.hot_score($1, $2, now())', [0, -5])).toBe('22023')
  })
})

describe('private.cross_borough_score', () => {
  // A small deterministic generator, so a failure names the same cases on every run.
  function* tallySets(seed: number, howMany: number): Generator<BoroughTally[]> {
    let state = seed
    const next = (below: number) => {
      // Park–Miller: the product stays below 2^53, so it is exact in a double.
      state = (state * 48271) % 2147483647
      return state % below
    }
    const scales = [1, 10, 1000, 2147483647]
    for (let k = 0; k < howMany; k++) {
      const scale = scales[k % scales.length]
      yield Array.from({ length: next(7) }, () => ({
        support: next(scale + 1),
        oppose: next(scale + 1),
      }))
    }
  }

  const cases: Array<{ tallies: BoroughTally[]; boroughCount: number }> = [
    { tallies: [], boroughCount: 6 },
    { tallies: [], boroughCount: 0 },
    { tallies: [{ support: 0, oppose: 0 }], boroughCount: 1 },
    { tallies: [{ support: 1, oppose: 0 }], boroughCount: 6 },
    { tallies: [{ support: 100, oppose: 0 }], boroughCount: 6 },
    { tallies: Array.from({ length: 5 }, () => ({ support: 20, oppose: 0 })), boroughCount: 6 },
    { tallies: [{ support: 0, oppose: 2147483647 }], boroughCount: 6 },
    {
      tallies: Array.from({ length: 6 }, () => ({ support: 2147483647, oppose: 2147483647 })),
      boroughCount: 6,
    },
    {
      tallies: Array.from({ length: 6 }, () => ({ support: 2147483647, oppose: 0 })),
      boroughCount: 6,
    },
    ...Array.from(tallySets(20261122, 40), (tallies) => ({ tallies, boroughCount: 6 })),
  ]

  it(`agrees with crossBoroughScore on ${cases.length} sets of borough tallies`, async () => {
    const fromSql = await Promise.all(
      cases.map(async ({ tallies, boroughCount }) => {
        const { rows } = await sql().query<{ score: number }>(
          'select private.cross_borough_score($1::integer[], $2::integer[], $3) as score',
          [tallies.map((t) => t.support), tallies.map((t) => t.oppose), boroughCount],
        )
        return rows[0].score
      }),
    )
    expectAgreement(
      fromSql,
      cases.map(({ tallies, boroughCount }) => crossBoroughScore(tallies, boroughCount)),
    )
  })

  it('scores no votes as 0 when a trigger aggregates over no rows', async () => {
    // array_agg over no rows is null, not an empty array: the shape a trigger will pass.
    const { rows } = await sql().query<{ score: number }>(
      `select private.cross_borough_score(array_agg(s), array_agg(o), 6) as score
         from (select 1 as s, 0 as o where false) as none`,
    )
    expect(rows[0].score).toBe(0)
  })

  it('refuses tallies that do not line up, nulls, negatives, and more tallies than boroughs', async () => {
    const call = 'select private.cross_borough_score($1::integer[], $2::integer[], $3)'
    expect(await sqlErrorCode(call, [[1, 2], [0], 6])).toBe('22023')
    expect(await sqlErrorCode(call, [[1, 2, 3], [0, 0, 0], 2])).toBe('22023')
    expect(await sqlErrorCode(call, [[1], [0], null])).toBe('22023')
    expect(await sqlErrorCode(call, [[1, null], [0, 0], 6])).toBe('22023')
    expect(await sqlErrorCode(call, [[1, -1], [0, 0], 6])).toBe('22023')
  })
})

describe('the ranking functions in Postgres', () => {
  const signatures = [
    'private.wilson_lower_bound(integer, integer)',
    'private.hot_score(integer, integer, timestamptz)',
    'private.cross_borough_score(integer[], integer[], integer)',
  ]

  it('are immutable and parallel safe, so stored scores and indexes can rely on them', async () => {
    const { rows } = await sql().query<{ volatility: string; parallel: string }>(
      `select provolatile as volatility, proparallel as parallel
         from pg_proc where oid = any($1::regprocedure[])`,
      [signatures],
    )
    expect(rows).toEqual(signatures.map(() => ({ volatility: 'i', parallel: 's' })))
  })

  it('are executable by authenticated and the service role, never by anon', async () => {
    const { rows } = await sql().query<{ role: string; allowed: boolean }>(
      `select role, has_function_privilege(role, fn, 'execute') as allowed
         from unnest($1::text[]) as fn, unnest(array['anon', 'authenticated', 'service_role']) as role`,
      [signatures],
    )
    for (const { role, allowed } of rows) expect(allowed).toBe(role !== 'anon')
    expect(rows).toHaveLength(9)
  })
})
