// Postgres refusals, in words a member understands. Rules raised by our own triggers and
// functions (SQLSTATE P0001, and 22023 for a value they do not take) already speak plainly
// and are shown as they are.
import type { PostgrestError } from '@supabase/supabase-js'
import { refused, succeeded, type Outcome } from './outcome'
import { outageCode, outageFormMessage } from './outage.server'

export function describeDbError(
  error: PostgrestError,
  fallback = 'That could not be saved. Please try again.',
) {
  switch (error.code) {
    case outageCode:
      return outageFormMessage
    case 'P0001':
    case '22023':
      return error.message
    case '42501':
      return error.message && !/permission denied|row-level security/i.test(error.message)
        ? error.message
        : 'You are not allowed to do that.'
    case '23505':
      return 'That already exists.'
    case '23514':
    case '22001':
    case '22P02':
      return 'Some of what you entered is not allowed. Check the form and try again.'
    case '23503':
      return 'Something this refers to no longer exists.'
    default:
      return fallback
  }
}

/** A refusal our triggers tie to one form field (raised with `hint = '<column>'`), else null. */
export function fieldOfDbError(error: PostgrestError, column: string) {
  return error.hint === column && error.message ? error.message : null
}

/** A write Postgres refused, with the sentence for its error. */
export function refusedByDb(error: PostgrestError, fallback?: string) {
  return refused(describeDbError(error, fallback))
}

/** A write's answer: refused with the sentence for Postgres's error, or done with `message`. */
export function outcomeOfWrite(
  error: PostgrestError | null,
  message: string,
  fallback?: string,
): Outcome {
  return error ? refusedByDb(error, fallback) : succeeded(message)
}
