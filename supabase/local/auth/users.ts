// auth.users rows and the user JSON that Supabase Auth returns.
import { randomUUID } from 'node:crypto'
import bcrypt from 'bcryptjs'
import type pg from 'pg'
import { unprocessable } from './errors'

export type UserRow = {
  id: string
  aud: string
  role: string
  email: string
  encrypted_password: string | null
  email_confirmed_at: Date | null
  confirmed_at: Date | null
  last_sign_in_at: Date | null
  raw_app_meta_data: Record<string, unknown> | null
  raw_user_meta_data: Record<string, unknown> | null
  created_at: Date
  updated_at: Date
  email_change: string | null
  banned_until: Date | null
  confirmation_sent_at: Date | null
  recovery_sent_at: Date | null
}

export type Metadata = Record<string, unknown>

export function userJson(user: UserRow) {
  const identityData = {
    email: user.email,
    email_verified: Boolean(user.email_confirmed_at),
    phone_verified: false,
    sub: user.id,
  }
  return {
    id: user.id,
    aud: user.aud,
    role: user.role,
    email: user.email,
    email_confirmed_at: user.email_confirmed_at,
    ...(user.confirmation_sent_at ? { confirmation_sent_at: user.confirmation_sent_at } : {}),
    ...(user.recovery_sent_at ? { recovery_sent_at: user.recovery_sent_at } : {}),
    phone: '',
    confirmed_at: user.confirmed_at,
    last_sign_in_at: user.last_sign_in_at,
    app_metadata: user.raw_app_meta_data ?? {},
    user_metadata: user.raw_user_meta_data ?? {},
    identities: [
      {
        identity_id: user.id,
        id: user.id,
        user_id: user.id,
        identity_data: identityData,
        provider: 'email',
        last_sign_in_at: user.last_sign_in_at,
        created_at: user.created_at,
        updated_at: user.updated_at,
        email: user.email,
      },
    ],
    created_at: user.created_at,
    updated_at: user.updated_at,
    is_anonymous: false,
    ...(user.email_change ? { new_email: user.email_change } : {}),
  }
}

export async function findUserByEmail(db: pg.Pool | pg.PoolClient, email: string) {
  const { rows } = await db.query<UserRow>('select * from auth.users where lower(email) = $1', [
    email,
  ])
  return rows[0] ?? null
}

export async function findUserById(db: pg.Pool | pg.PoolClient, id: string) {
  if (!isUuid(id)) return null
  const { rows } = await db.query<UserRow>('select * from auth.users where id = $1', [id])
  return rows[0] ?? null
}

export function isUuid(value: string) {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)
}

export function asMetadata(value: unknown): Metadata {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Metadata) : {}
}

export type NewUser = {
  email: string
  password: string | null
  userMetadata: Metadata
  appMetadata?: Metadata
  confirmed: boolean
  id?: string
}

export async function insertUser(
  db: pg.Pool | pg.PoolClient,
  user: NewUser,
  bcryptCost: number,
  duplicate: { code: string; message: string },
) {
  const hash = user.password ? await bcrypt.hash(user.password, bcryptCost) : null
  const appMetadata = { provider: 'email', providers: ['email'], ...(user.appMetadata ?? {}) }
  try {
    const { rows } = await db.query<UserRow>(
      `insert into auth.users
         (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
          raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
       values ('00000000-0000-0000-0000-000000000000', $1, 'authenticated', 'authenticated', $2, $3,
          case when $4 then now() end, $5, $6, now(), now())
       returning *`,
      [user.id ?? randomUUID(), user.email, hash, user.confirmed, appMetadata, user.userMetadata],
    )
    return rows[0]
  } catch (error) {
    if ((error as { code?: string }).code === '23505')
      throw unprocessable(duplicate.code, duplicate.message)
    throw error
  }
}

export async function passwordMatches(user: UserRow, password: string) {
  if (!user.encrypted_password) return false
  return bcrypt.compare(password, user.encrypted_password)
}

export function hashPassword(password: string, bcryptCost: number) {
  return bcrypt.hash(password, bcryptCost)
}
