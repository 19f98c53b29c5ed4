// Support in one borough as the API gives it: exact counts, or null when fewer than 5 people
// there voted (or when showing them would let someone work out a smaller borough's votes).
export type BoroughTally = { support: number | null; oppose: number | null; fewerThan5: boolean }

/** A borough the API returned nothing for has no votes yet: fewer than 5. */
export const withheldTally: BoroughTally = { support: null, oppose: null, fewerThan5: true }

export function isShown(
  tally: BoroughTally,
): tally is BoroughTally & { support: number; oppose: number } {
  return tally.support !== null && tally.oppose !== null
}

/** What stands in place of withheld numbers, in words. */
export function withheldText(tally: BoroughTally) {
  return tally.fewerThan5 ? 'fewer than 5 votes' : 'held back to protect smaller boroughs'
}

/** The sentence under every support-by-borough table. */
export const withheldNote =
  'Where fewer than 5 people voted, we show “fewer than 5 votes” so that no one’s vote can be worked out.'
