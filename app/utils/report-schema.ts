// What a member's report says: a kind of problem and, for "something else", their words.
// Shared by the report form and its action; Postgres (flag_content) checks the same.
import { z } from 'zod'

export const reportCategories = ['spam', 'abuse', 'off_topic', 'personal_data', 'other'] as const
export type ReportCategory = (typeof reportCategories)[number]

export const reportCategoryLabels: Record<ReportCategory, string> = {
  spam: 'Spam or advertising',
  abuse: 'Abuse, harassment or hate',
  off_topic: 'Off-topic for this group',
  personal_data: 'Personal details about someone',
  other: 'Something else',
}

export const REPORT_REASON_MAX_LENGTH = 500

export const reportSchema = z
  .object({
    category: z.enum(reportCategories, { error: 'Choose what is wrong with it.' }),
    reason: z
      .string()
      .trim()
      .max(REPORT_REASON_MAX_LENGTH, { error: 'Keep the reason to 500 characters.' })
      .optional()
      .default(''),
  })
  .refine((report) => report.category !== 'other' || report.reason.length > 0, {
    path: ['reason'],
    error: 'Say what is wrong with it.',
  })
