// The admin's group form, shared by browser and server.
import { z } from 'zod'

export const groupSchema = z.object({
  name: z
    .string({ error: 'Give the group a name.' })
    .trim()
    .min(2, { error: 'The name needs at least 2 characters.' })
    .max(80, { error: 'The name can have at most 80 characters.' }),
  slug: z
    .string({ error: 'Choose the address of the group page.' })
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, {
      error: 'Use lower-case letters, digits and single hyphens, like "bus-fares".',
    })
    .min(2, { error: 'The address needs at least 2 characters.' })
    .max(60, { error: 'The address can have at most 60 characters.' }),
  summary: z
    .string({ error: 'Write a one-line summary.' })
    .trim()
    .min(1, { error: 'Write a one-line summary.' })
    .max(280, { error: 'Keep the summary to 280 characters.' }),
  description: z
    .string()
    .trim()
    .max(5000, { error: 'Keep the description to 5,000 characters.' })
    .optional()
    .transform((value) => value ?? ''),
  horizon: z.enum(['quick_win', 'strategic', 'long_term'], { error: 'Choose a horizon.' }),
  joinPolicy: z.enum(['open', 'request'], { error: 'Choose who can join.' }),
})

export type GroupForm = z.infer<typeof groupSchema>
