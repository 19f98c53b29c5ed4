// One-time tokens for sign-up confirmations, recovery, magic links and e-mail changes: a 6-digit code and its hash,
// as Supabase Auth makes them (hash = hex(sha224(email + code))).
import { createHash, randomInt } from 'node:crypto'
import type pg from 'pg'
import { forbidden, tooManyRequests } from './errors'
import type { UserRow } from './users'

export type OtpType =
  'confirmation_token' | 'recovery_token' | 'magiclink_token' | 'email_change_token_new'

export function tokenHash(email: string, code: string) {
  return createHash('sha224')
    .update(email + code)
    .digest('hex')
}

export async function createOtp(
  db: pg.Pool,
  user: UserRow,
  type: OtpType,
  email: string,
  minIntervalSeconds: number,
  /** Runs once the token may be issued, before the old one is replaced (the e-mail limit). */
  beforeIssue: () => void = () => undefined,
) {
  const { rows: recent } = await db.query<{ age: number }>(
    `select extract(epoch from now() - max(created_at))::float8 as age
       from auth.one_time_tokens where user_id = $1 and token_type = $2`,
    [user.id, type],
  )
  const age = recent[0]?.age
  if (age !== null && age !== undefined && age < minIntervalSeconds) {
    const wait = Math.ceil(minIntervalSeconds - age)
    throw tooManyRequests(
      'over_email_send_rate_limit',
      `For security purposes, you can only request this after ${wait} seconds.`,
    )
  }
  beforeIssue()
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0')
  const hash = tokenHash(email, code)
  await db.query('delete from auth.one_time_tokens where user_id = $1 and token_type = $2', [
    user.id,
    type,
  ])
  await db.query(
    'insert into auth.one_time_tokens (user_id, token_type, token_hash, otp_hash, relates_to) values ($1, $2, $3, $3, $4)',
    [user.id, type, hash, email],
  )
  return { code, hash }
}

/** Finds and consumes a token; expired, unknown or already used tokens are all refused alike. */
export async function consumeOtp(
  db: pg.Pool,
  types: OtpType[],
  hash: string,
  expirySeconds: number,
) {
  const { rows } = await db.query<{ user_id: string; token_type: OtpType; relates_to: string }>(
    `delete from auth.one_time_tokens
      where token_hash = $1 and token_type = any($2) and created_at > now() - make_interval(secs => $3)
      returning user_id, token_type, relates_to`,
    [hash, types, expirySeconds],
  )
  if (!rows[0]) throw forbidden('otp_expired', 'Email link is invalid or has expired')
  return rows[0]
}

/** Voids every outstanding e-mailed link and code of a user. */
export async function voidOtps(db: pg.Pool, userId: string) {
  await db.query('delete from auth.one_time_tokens where user_id = $1', [userId])
}
