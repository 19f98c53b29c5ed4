import { z } from 'zod'

export const profileSchema = z.object({
  displayName: z
    .string({ error: 'Tell us the name to show with your posts.' })
    .trim()
    .min(1, { error: 'Tell us the name to show with your posts.' })
    .max(80, { error: 'Your name can have at most 80 characters.' }),
  region: z.string({ error: 'Choose where you live.' }).min(1, { error: 'Choose where you live.' }),
  // A checkbox: sent as "on" when ticked, absent when not.
  boroughPublic: z
    .literal('on')
    .optional()
    .transform((value) => value === 'on'),
  bio: z
    .string()
    .trim()
    .max(1000, { error: 'Keep it to 1,000 characters.' })
    .optional()
    .transform((value) => value ?? ''),
})

/** What a member types to delete their account (shown in the label, checked by the action). */
export const deleteAccountPhrase = 'delete my account'
