// Assertions for what the API lets a role do.
import type { PostgrestError } from '@supabase/supabase-js'
import { expect } from 'vitest'

type Result = { error: PostgrestError | null; data?: unknown; status?: number }

/** Postgres refused the statement outright: no privilege, or a row RLS does not allow. */
export function expectRefused(result: Result, code = '42501') {
  expect(result.error, 'expected the request to be refused').not.toBeNull()
  expect(result.error?.code).toBe(code)
}

/** RLS hid the rows from an update or delete: no error, and nothing was touched. */
export function expectNoRows(result: Result) {
  expect(result.error).toBeNull()
  expect(result.data).toEqual([])
}

export function expectOk<T extends Result>(result: T): NonNullable<T['data']> {
  expect(result.error).toBeNull()
  return result.data as NonNullable<T['data']>
}
