// The candidate's answer form, shared by browser and server. Postgres checks the same rules
// in answer_proposal; this gives the message before the round trip.
import { z } from 'zod'
import { answeredStatuses } from './proposal-statuses'

/** The candidate's decisions are the answered statuses a proposal takes. */
export const decisions = answeredStatuses
export type Decision = (typeof decisions)[number]

export const EXPLANATION_MAX_LENGTH = 5000

export const answerSchema = z.object({
  proposalId: z.uuid({ error: 'This answer is not for a proposal we know.' }),
  decision: z.enum(decisions, { error: 'Choose a decision.' }),
  explanation: z
    .string({ error: 'Write a public explanation of your decision.' })
    .trim()
    .min(1, { error: 'Write a public explanation of your decision.' })
    .max(EXPLANATION_MAX_LENGTH, { error: 'Keep the explanation to 5,000 characters.' }),
})
