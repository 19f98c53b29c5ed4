import { describe, expect, it } from 'vitest'
import {
  HOT_SCORE_EPOCH_MS,
  HOT_SCORE_SECONDS_PER_DECADE,
  WILSON_Z,
  crossBoroughScore,
  hotScore,
  wilsonLowerBound,
} from './ranking'

// Reference values below were computed with mpmath at 30 significant digits from
// (p + z²/2n − z·√((p(1−p) + z²/4n)/n)) / (1 + z²/n), z = 1.96. With no opposition this
// reduces to n / (n + z²), which gives the by-hand checks: 1/0 → 1 / 4.8416.
describe('wilsonLowerBound', () => {
  it('is 0 with no votes', () => {
    expect(wilsonLowerBound(0, 0)).toBe(0)
  })

  it('matches high-precision reference values', () => {
    const cases: Array<[number, number, number]> = [
      [1, 0, 0.20654329147389291],
      [10, 0, 0.7224598312333834],
      [20, 0, 0.8388698745050668],
      [100, 0, 0.9630051925239981],
      [95, 5, 0.8882480347279118],
      [3, 1, 0.30063605244263664],
      [5, 5, 0.23658959361548726],
      [50, 50, 0.40382982859014716],
      [1000, 1000, 0.4781075492434439],
      [2147483647, 0, 0.9999999982111156],
    ]
    for (const [support, oppose, expected] of cases) {
      expect(wilsonLowerBound(support, oppose)).toBeCloseTo(expected, 12)
    }
    expect(wilsonLowerBound(1, 0)).toBeCloseTo(1 / (1 + WILSON_Z * WILSON_Z), 15)
  })

  it('is 0 when everyone opposes, however many', () => {
    for (const oppose of [1, 2, 7, 100, 123457, 2147483647]) {
      expect(wilsonLowerBound(0, oppose)).toBe(0)
    }
  })

  it('is below 1 when everyone supports, and approaches 1 as support grows', () => {
    const bounds = [1, 10, 100, 10_000, 1_000_000].map((n) => wilsonLowerBound(n, 0))
    for (const bound of bounds) expect(bound).toBeLessThan(1)
    expect(bounds).toEqual([...bounds].sort((a, b) => a - b))
    expect(bounds[4]).toBeGreaterThan(0.99999)
  })

  it('ranks a tie below one half, and a bigger tie closer to it', () => {
    expect(wilsonLowerBound(5, 5)).toBeLessThan(wilsonLowerBound(50, 50))
    expect(wilsonLowerBound(50, 50)).toBeLessThan(wilsonLowerBound(1000, 1000))
    expect(wilsonLowerBound(1000, 1000)).toBeLessThan(0.5)
  })

  it('ranks a small perfect sample below a large strong one', () => {
    expect(wilsonLowerBound(1, 0)).toBeLessThan(wilsonLowerBound(95, 5))
    expect(wilsonLowerBound(5, 0)).toBeLessThan(wilsonLowerBound(80, 20))
  })

  it('falls with opposition and rises with support', () => {
    expect(wilsonLowerBound(10, 1)).toBeLessThan(wilsonLowerBound(10, 0))
    expect(wilsonLowerBound(11, 1)).toBeGreaterThan(wilsonLowerBound(10, 1))
  })

  it('is wider (lower) at a higher confidence', () => {
    expect(wilsonLowerBound(10, 2, 2.58)).toBeLessThan(wilsonLowerBound(10, 2))
  })

  it('refuses negative or fractional counts', () => {
    expect(() => wilsonLowerBound(-1, 0)).toThrow(RangeError)
    expect(() => wilsonLowerBound(0, -1)).toThrow(RangeError)
    expect(() => wilsonLowerBound(1.5, 0)).toThrow(RangeError)
    expect(() => wilsonLowerBound(Number.NaN, 0)).toThrow(RangeError)
  })
})

describe('hotScore', () => {
  const epoch = new Date(HOT_SCORE_EPOCH_MS)
  const later = (seconds: number) => new Date(HOT_SCORE_EPOCH_MS + seconds * 1000)

  it('matches exact values: log10 of net support plus periods of 12.5 hours', () => {
    expect(HOT_SCORE_EPOCH_MS).toBe(Date.parse('2026-01-01T00:00:00Z'))
    expect(HOT_SCORE_SECONDS_PER_DECADE).toBe(45000)
    expect(hotScore(0, 0, epoch)).toBe(0)
    expect(hotScore(10, 0, epoch)).toBeCloseTo(1, 15)
    expect(hotScore(150, 50, epoch)).toBeCloseTo(2, 15)
    expect(hotScore(0, 100, epoch)).toBeCloseTo(-2, 15)
    expect(hotScore(0, 0, later(45000))).toBeCloseTo(1, 15)
    expect(hotScore(1000, 0, later(-90000))).toBeCloseTo(1, 15)
  })

  it('ranks the newer of two proposals with the same votes higher', () => {
    expect(hotScore(12, 3, later(3600))).toBeGreaterThan(hotScore(12, 3, later(0)))
    expect(hotScore(0, 0, later(1))).toBeGreaterThan(hotScore(0, 0, later(0)))
  })

  it('ranks net opposition below no net support, and that below net support', () => {
    const when = later(86400)
    expect(hotScore(0, 5, when)).toBeLessThan(hotScore(3, 3, when))
    expect(hotScore(3, 3, when)).toBeLessThan(hotScore(8, 3, when))
  })

  it('treats a single net vote either way as noise', () => {
    expect(hotScore(1, 0, epoch)).toBe(hotScore(0, 0, epoch))
    expect(hotScore(0, 1, epoch)).toBe(hotScore(0, 0, epoch))
  })

  it('trades tenfold net support for 12.5 hours of recency', () => {
    const older = hotScore(100, 0, later(0))
    const newer = hotScore(10, 0, later(45000))
    expect(newer).toBeCloseTo(older, 12)
  })

  it('refuses an invalid date', () => {
    expect(() => hotScore(1, 0, new Date('nope'))).toThrow(RangeError)
  })
})

describe('crossBoroughScore', () => {
  const boroughs = 6
  const supportOnly = (...counts: number[]) => counts.map((support) => ({ support, oppose: 0 }))

  it('is 0 with no votes, whether boroughs are listed or not', () => {
    expect(crossBoroughScore([], boroughs)).toBe(0)
    expect(crossBoroughScore(supportOnly(0, 0, 0, 0, 0, 0), boroughs)).toBe(0)
    expect(crossBoroughScore([], 0)).toBe(0)
  })

  it('matches high-precision reference values', () => {
    // wilson(1, 0) / 6
    expect(crossBoroughScore(supportOnly(1), boroughs)).toBeCloseTo(0.03442388191231549, 12)
    // (wilson(10, 2) + wilson(3, 0) + wilson(0, 4)) / 6
    const mixed = [
      { support: 10, oppose: 2 },
      { support: 3, oppose: 0 },
      { support: 0, oppose: 4 },
    ]
    expect(crossBoroughScore(mixed, boroughs)).toBeCloseTo(0.16507626036105158, 12)
  })

  it('ranks 100 supporters in one borough below 20 in each of 5 boroughs', () => {
    const concentrated = crossBoroughScore(supportOnly(100), boroughs)
    const broad = crossBoroughScore(supportOnly(20, 20, 20, 20, 20), boroughs)
    // wilson(100, 0) / 6 and 5 · wilson(20, 0) / 6, from mpmath
    expect(concentrated).toBeCloseTo(0.16050086542066636, 12)
    expect(broad).toBeCloseTo(0.6990582287542223, 12)
    expect(concentrated).toBeLessThan(broad)
  })

  it('caps one borough at 1/boroughCount, however large its support', () => {
    expect(crossBoroughScore(supportOnly(2147483647), boroughs)).toBeLessThan(1 / boroughs)
    expect(crossBoroughScore(supportOnly(2147483647), boroughs)).toBeLessThan(
      crossBoroughScore(supportOnly(5, 5), boroughs),
    )
  })

  it('ranks the same total higher the more boroughs it is spread over', () => {
    const spreads = [
      supportOnly(60),
      supportOnly(30, 30),
      supportOnly(20, 20, 20),
      supportOnly(15, 15, 15, 15),
      supportOnly(12, 12, 12, 12, 12),
      supportOnly(10, 10, 10, 10, 10, 10),
    ].map((tallies) => crossBoroughScore(tallies, boroughs))
    for (let i = 1; i < spreads.length; i++) expect(spreads[i]).toBeGreaterThan(spreads[i - 1])
    // Even the smallest numbers: two supporters in two boroughs beat two in one.
    expect(crossBoroughScore(supportOnly(1, 1), boroughs)).toBeGreaterThan(
      crossBoroughScore(supportOnly(2), boroughs),
    )
  })

  it('does not depend on the order of the boroughs', () => {
    const tallies = [
      { support: 9, oppose: 1 },
      { support: 0, oppose: 3 },
      { support: 4, oppose: 4 },
    ]
    expect(crossBoroughScore([...tallies].reverse(), boroughs)).toBeCloseTo(
      crossBoroughScore(tallies, boroughs),
      15,
    )
  })

  it('falls when a borough that supports it also opposes it', () => {
    const base = supportOnly(20, 20, 20)
    const opposed = [...supportOnly(20, 20), { support: 20, oppose: 10 }]
    expect(crossBoroughScore(opposed, boroughs)).toBeLessThan(crossBoroughScore(base, boroughs))
  })

  it('counts a borough that only opposes as one that did not vote (Top counts the opposition)', () => {
    const base = supportOnly(20, 20, 20)
    const withOpposingBorough = [...base, { support: 0, oppose: 50 }]
    expect(crossBoroughScore(withOpposingBorough, boroughs)).toBe(crossBoroughScore(base, boroughs))
  })

  it('never exceeds 1, even with overwhelming support everywhere', () => {
    const everywhere = supportOnly(...Array.from({ length: boroughs }, () => 2147483647))
    const score = crossBoroughScore(everywhere, boroughs)
    expect(score).toBeLessThan(1)
    expect(score).toBeGreaterThan(0.99999)
  })

  it('refuses more tallies than boroughs, which means a non-borough slipped in', () => {
    expect(() => crossBoroughScore(supportOnly(1, 1, 1), 2)).toThrow(RangeError)
    expect(() => crossBoroughScore([], 1.5)).toThrow(RangeError)
    expect(() => crossBoroughScore([{ support: -1, oppose: 0 }], 6)).toThrow(RangeError)
  })
})
