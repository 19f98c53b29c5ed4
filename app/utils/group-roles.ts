// The roles a member can hold on the site and in one group, as the permission checks name them
// (app/models/permissions.server.ts). Postgres has the same rules in its helpers
// (private.can_curate and friends); these only choose what a page offers and which answer it
// gives.

export type SiteRole = 'admin' | 'candidate'
/** How a sentence names the holder of a site role: "They are now the candidate." */
export const siteRoleLabels: Record<SiteRole, string> = {
  admin: 'admin',
  candidate: 'the candidate',
}
/** A role in one group: an active member, one of its facilitators, or a site role that
 * reaches every group. */
export type GroupRole = 'member' | 'facilitator' | SiteRole
/** Who curates a group: its facilitators and the admins. */
export const curators: readonly GroupRole[] = ['facilitator', 'admin']

export type GroupStanding = {
  isActiveMember: boolean
  isFacilitator: boolean
  isAdmin: boolean
  isCandidate: boolean
}

export function holdsGroupRole(standing: GroupStanding, roles: readonly GroupRole[]) {
  return roles.some(
    (role) =>
      (role === 'member' && standing.isActiveMember) ||
      (role === 'facilitator' && standing.isFacilitator) ||
      (role === 'admin' && standing.isAdmin) ||
      (role === 'candidate' && standing.isCandidate),
  )
}
