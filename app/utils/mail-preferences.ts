// Mail preferences as the settings page and the unsubscribe page offer them (shared with the
// browser): the kinds of mail, the choices for each, and the form's schema.
import { z } from 'zod'

export const mailTopics = [
  'replies',
  'my_proposals',
  'supported',
  'group_activity',
  'facilitation',
] as const
export type MailTopic = (typeof mailTopics)[number]

export const mailCadences = ['immediately', 'daily', 'weekly', 'off'] as const
export type MailCadence = (typeof mailCadences)[number]

export const topicLabels: Record<MailTopic, { title: string; hint: string }> = {
  replies: {
    title: 'Replies and mentions',
    hint: 'When someone replies to something you wrote, or mentions you by name.',
  },
  my_proposals: {
    title: 'Activity on my proposals',
    hint: 'Comments and suggested changes on proposals you wrote, their changes of status, reaching the support threshold, invitations to co-author; and what became of changes you suggested.',
  },
  supported: {
    title: 'Proposals I support',
    hint: 'The candidate’s answers and merges of proposals you support, changes to proposals you voted on, and new comments on proposals you follow.',
  },
  group_activity: {
    title: 'New proposals in my groups',
    hint: 'New proposals in the groups you follow, and answers to your requests to join.',
  },
  facilitation: {
    title: 'Facilitator and candidate work',
    hint: 'For the groups you facilitate: requests to join, new reports, proposals that reached the support threshold; for the candidate, proposals forwarded for an answer.',
  },
}

export const cadenceLabels: Record<MailCadence, string> = {
  immediately: 'At once',
  daily: 'In a daily digest',
  weekly: 'In a weekly digest',
  off: 'Never',
}

export const weekdays = [
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
] as const

/** The time zones offered; a member's current one is offered too if it is not among them. */
export const timeZones = [
  'Europe/London',
  'Europe/Dublin',
  'Europe/Paris',
  'Europe/Berlin',
  'Europe/Madrid',
  'Europe/Warsaw',
  'America/New_York',
  'America/Los_Angeles',
  'Asia/Kolkata',
  'Australia/Sydney',
  'UTC',
] as const

const cadence = z.enum(mailCadences, { error: 'Choose how you want this mail.' })

export const mailPreferencesSchema = z.object({
  replies: cadence,
  my_proposals: cadence,
  supported: cadence,
  group_activity: cadence,
  facilitation: cadence,
  digest_hour: z.coerce
    .number({ error: 'Choose an hour.' })
    .int({ error: 'Choose an hour.' })
    .min(0, { error: 'Choose an hour.' })
    .max(23, { error: 'Choose an hour.' }),
  digest_weekday: z.coerce
    .number({ error: 'Choose a day.' })
    .int({ error: 'Choose a day.' })
    .min(1, { error: 'Choose a day.' })
    .max(7, { error: 'Choose a day.' }),
  time_zone: z
    .string({ error: 'Choose a time zone.' })
    .min(1, { error: 'Choose a time zone.' })
    .max(64, { error: 'Choose a time zone from the list.' }),
})
export type MailPreferences = z.infer<typeof mailPreferencesSchema>
