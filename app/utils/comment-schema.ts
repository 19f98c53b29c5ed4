// The comment form, shared by browser and server.
import { z } from 'zod'
import { COMMENT_MAX_LENGTH } from './comment-limits'

export const commentSchema = z.object({
  body: z
    .string({ error: 'Write your comment first.' })
    .trim()
    .min(1, { error: 'Write your comment first.' })
    .max(COMMENT_MAX_LENGTH, { error: 'Keep a comment to 5,000 characters.' }),
  stance: z
    .enum(['for', 'against', 'neutral', ''])
    .optional()
    .transform((value) => (value ? value : null)),
  parentId: z.uuid().optional(),
  commentId: z.uuid().optional(),
})
