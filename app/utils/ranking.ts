// The ranking maths for proposals. Postgres keeps the stored scores current with the same
// formulas (supabase/migrations/20261122130000_ranking-functions.sql); tests/db/ranking-sql.test.ts
// proves the two agree, so change both together or neither.

/** z for a 95% two-sided interval. */
export const WILSON_Z = 1.96

/** Hot scores count recency from here, so that stored values stay small for decades. */
export const HOT_SCORE_EPOCH_MS = Date.UTC(2026, 0, 1)

/** Seconds of recency worth tenfold net support: 45000 s is 12.5 hours. */
export const HOT_SCORE_SECONDS_PER_DECADE = 45000

function assertTally(support: number, oppose: number) {
  if (!Number.isInteger(support) || !Number.isInteger(oppose) || support < 0 || oppose < 0) {
    throw new RangeError(`Vote counts must be whole numbers from 0: got ${support}, ${oppose}`)
  }
}

/**
 * The lower bound of the 95% Wilson score interval for the share of support: a cautious
 * estimate of the share. Unlike the raw share, 1 vote for and none against (0.21) ranks below 95
 * for and 5 against (0.89), because a small sample earns little certainty.
 */
export function wilsonLowerBound(support: number, oppose: number, z = WILSON_Z): number {
  assertTally(support, oppose)
  const n = support + oppose
  if (n === 0) return 0
  const share = support / n
  const z2 = z * z
  const bound =
    (share + z2 / (2 * n) - z * Math.sqrt((share * (1 - share) + z2 / (4 * n)) / n)) / (1 + z2 / n)
  // All-oppose is exactly 0 in real arithmetic; rounding can land a hair below it.
  return Math.max(0, bound)
}

/**
 * "Rising": log-scaled net support plus recency. The score is stored when votes change and
 * never decays in place; newer proposals simply start higher, so each 12.5 hours of age
 * costs as much as a tenfold drop in net support. Net support of -1, 0 and +1 score alike:
 * a single vote either way is noise.
 */
export function hotScore(support: number, oppose: number, publishedAt: Date): number {
  assertTally(support, oppose)
  const publishedMs = publishedAt.getTime()
  if (Number.isNaN(publishedMs)) throw new RangeError('publishedAt is not a valid date')
  const net = support - oppose
  const magnitude = Math.log10(Math.max(Math.abs(net), 1))
  const seconds = (publishedMs - HOT_SCORE_EPOCH_MS) / 1000
  return Math.sign(net) * magnitude + seconds / HOT_SCORE_SECONDS_PER_DECADE
}

export type BoroughTally = { support: number; oppose: number }

/**
 * "Unites the region": the mean, over all `boroughCount` boroughs of the region, of each
 * borough's own Wilson lower bound. `tallies` holds only boroughs (never "elsewhere" or an
 * unknown region); boroughs without votes may be left out, they count as 0.
 *
 * Why this formula:
 * - Dividing by every borough, not by those that voted, caps what one borough can give at
 *   1/boroughCount: a proposal carried by a single borough can never pass for a broad one.
 * - Each borough is judged by the cautious Wilson bound, so a handful of votes in a borough
 *   earns little and one friend per borough cannot buy breadth.
 * - With support only, a borough's bound is n / (n + z²), which is concave in n: the same
 *   number of supporters always scores higher spread over more boroughs.
 * - Opposition within a borough lowers that borough's bound, so the score stays a measure
 *   of agreement, not of turnout; it lies in [0, 1] and ties are rare.
 * Counting boroughs with a majority for would ignore sample size (1 vote makes a majority),
 * ignore margin (51% counts as 100%), and move in steps that tie most proposals. The minimum
 * or geometric mean over boroughs would make one silent borough zero out everything.
 */
export function crossBoroughScore(tallies: BoroughTally[], boroughCount: number): number {
  if (!Number.isInteger(boroughCount) || boroughCount < tallies.length) {
    throw new RangeError(
      `boroughCount must be a whole number of at least ${tallies.length}: got ${boroughCount}`,
    )
  }
  if (boroughCount === 0) return 0
  // Summed in order, as the SQL function does, so both round alike.
  let total = 0
  for (const { support, oppose } of tallies) total += wilsonLowerBound(support, oppose)
  return total / boroughCount
}
