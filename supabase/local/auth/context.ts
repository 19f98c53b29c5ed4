// What every local Auth handler gets: the database, the settings (from config.toml and the
// stack's options), the per-IP limiter, and the request as the gateway saw it.
import type pg from 'pg'
import type { MailKind, RateLimits } from './config'
import { sendMail } from './mail'
import { createOtp, type OtpType } from './otp'
import type { RateLimiter } from './rate-limit'
import { chooseRedirect } from './redirect'
import type { TokenSettings } from './tokens'
import type { UserRow } from './users'

export type AuthSettings = TokenSettings & {
  siteUrl: string
  additionalRedirectUrls: string[]
  bcryptCost: number
  otpExpirySeconds: number
  emailMinIntervalSeconds: number
  enableConfirmations: boolean
  rateLimits: RateLimits
  subjects: Record<MailKind, string>
  /** Wrong one-time codes for one address before its outstanding codes are voided. */
  maxWrongCodes: number
}

export type AuthRequest = {
  method: string
  path: string
  query: URLSearchParams
  headers: Record<string, string | undefined>
  body: Record<string, unknown>
  /** The client's address as the gateway determined it (never a header the client chose). */
  ip: string
}

export type AuthResponse = {
  status: number
  body?: unknown
  headers?: Record<string, string>
}

export type Context = {
  db: pg.Pool
  settings: AuthSettings
  limiter: RateLimiter
  /** Wrong codes per address since its last success or voiding. */
  wrongCodes: Map<string, number>
}

export type Handler = (ctx: Context, req: AuthRequest, params: string[]) => Promise<AuthResponse>

export const ok = (body: unknown): AuthResponse => ({ status: 200, body })

/** The redirect_to of the request, when Auth honours it; otherwise the site URL. */
export function redirectOf(settings: AuthSettings, req: AuthRequest) {
  return chooseRedirect(
    req.query.get('redirect_to'),
    settings.siteUrl,
    settings.additionalRedirectUrls,
  )
}

export async function updateRow(db: pg.Pool, id: string, assignments: string, values: unknown[]) {
  const { rows } = await db.query<UserRow>(
    `update auth.users set ${assignments}, updated_at = now() where id = $1 returning *`,
    [id, ...values],
  )
  return rows[0]
}

/** A new one-time token for `email`, counted against the project's email_sent limit. */
export function issueOtp(
  { db, settings, limiter }: Context,
  req: AuthRequest,
  user: UserRow,
  type: OtpType,
  email: string,
) {
  return createOtp(db, user, type, email, settings.emailMinIntervalSeconds, () =>
    limiter.take('emailSent', req.ip),
  )
}

/** Sends one of Auth's e-mails (the local outbox stands for SMTP). */
export async function sendAuthMail(
  { db, settings }: Context,
  req: AuthRequest,
  kind: MailKind,
  to: string,
  token: { code: string; hash: string },
  extra: { email?: string; newEmail?: string } = {},
) {
  await sendMail(db, to, kind, settings.subjects[kind], {
    SiteURL: settings.siteUrl,
    Email: extra.email ?? to,
    Token: token.code,
    TokenHash: token.hash,
    RedirectTo: redirectOf(settings, req),
    NewEmail: extra.newEmail,
  })
}
