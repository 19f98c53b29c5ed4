// What a member picker shows of each member found, shared by the search (server) and the
// picker (browser).
export type FoundMember = {
  id: string
  displayName: string
  borough: string | null
  joinedAt: string
  email: string | null
}

/** What members.search answers. */
export type MemberSearchAnswer = { query: string; results: FoundMember[]; error: string | null }

/** The shortest search a picker runs: one letter would match half the membership. */
export const memberQueryMinimum = 2

/** The most co-authors a new proposal's author invites in one go. */
export const coauthorChoiceMost = 10
