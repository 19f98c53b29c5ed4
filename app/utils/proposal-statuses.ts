// The proposal statuses in the groups the app talks about, named once. The statuses
// themselves are Postgres's enum (Enums<'proposal_status'>, generated into app/types).
import type { Enums } from '~/types/database'

export type ProposalStatus = Enums<'proposal_status'>

/** What each status is called on the page. */
export const statusLabels: Record<ProposalStatus, string> = {
  draft: 'Draft',
  open: 'Open for discussion',
  shortlisted: 'Shortlisted',
  forwarded: 'With the candidate',
  adopted: 'Adopted',
  considering: 'Under consideration',
  declined: 'Not taken forward',
  archived: 'Archived',
  merged: 'Merged',
}

/** The candidate's three answers. */
export const answeredStatuses = [
  'adopted',
  'considering',
  'declined',
] as const satisfies readonly ProposalStatus[]

/** The candidate's answers as the answer form and lists name them. Here rather than beside
 * the answer's schema, so pages that only show answers load no zod. */
export const decisionLabels: Record<(typeof answeredStatuses)[number], string> = {
  adopted: 'Adopted',
  considering: 'Under consideration',
  declined: 'Not taken forward',
}

/** Published and still part of the group's work: open through answered. */
export const liveStatuses = [
  'open',
  'shortlisted',
  'forwarded',
  ...answeredStatuses,
] as const satisfies readonly ProposalStatus[]

/** No longer in play: archived with a reason, or merged into another. */
export const closedStatuses = ['archived', 'merged'] as const satisfies readonly ProposalStatus[]

/** Everything a published proposal can be: what visitors may list. */
export const publishedStatuses = [
  ...liveStatuses,
  ...closedStatuses,
] as const satisfies readonly ProposalStatus[]

export function isAnswered(status: ProposalStatus) {
  return (answeredStatuses as readonly ProposalStatus[]).includes(status)
}

export function isLive(status: ProposalStatus) {
  return (liveStatuses as readonly ProposalStatus[]).includes(status)
}
