import type { PostgrestError } from '@supabase/supabase-js'
import { describe, expect, it } from 'vitest'
import { describeDbError, outcomeOfWrite, refusedByDb } from './db-errors.server'

const error = (code: string, message = 'raw message from Postgres') =>
  ({ code, message, details: '', hint: '', name: 'PostgrestError' }) as PostgrestError

describe('a Postgres refusal, in words a member understands', () => {
  it('shows the rules our triggers and functions raise as they say them', () => {
    expect(describeDbError(error('P0001', 'Voting is closed on this proposal.'))).toBe(
      'Voting is closed on this proposal.',
    )
    expect(describeDbError(error('22023', 'Choose a time zone from the list.'))).toBe(
      'Choose a time zone from the list.',
    )
  })

  it('never shows Postgres’s own wording for a refusal by row-level security', () => {
    expect(
      describeDbError(error('42501', 'new row violates row-level security policy for table x')),
    ).toBe('You are not allowed to do that.')
  })

  it('falls back to the sentence the write chose', () => {
    expect(describeDbError(error('XX000'), 'Your vote could not be counted.')).toBe(
      'Your vote could not be counted.',
    )
  })
})

describe('the outcome of a write', () => {
  it('is a success with its sentence when Postgres took it', () => {
    expect(outcomeOfWrite(null, 'Group restored.')).toEqual({
      ok: true,
      message: 'Group restored.',
    })
  })

  it('is a refusal with the sentence for the error otherwise', () => {
    expect(outcomeOfWrite(error('23505'), 'Saved.')).toEqual({
      ok: false,
      message: 'That already exists.',
    })
    expect(refusedByDb(error('XX000'), 'Try again.')).toEqual({ ok: false, message: 'Try again.' })
  })
})
