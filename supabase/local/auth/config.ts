// The [auth] settings of supabase/config.toml, read as the Supabase CLI reads them, so the local
// Auth behaves as the hosted project that `supabase config push` configures from the same file.
import fs from 'node:fs'
import path from 'node:path'
import { parse } from 'smol-toml'
import { supabaseDir } from '../paths'

export type RateLimits = {
  /** E-mails sent per hour, by the whole project (GoTrue's RATE_LIMIT_EMAIL_SENT). */
  emailSent: number
  /** Refresh-token grants per 5 minutes per IP address. */
  tokenRefresh: number
  /** Sign-ups and password sign-ins per 5 minutes per IP address. */
  signInSignUps: number
  /** /verify calls (links and one-time codes) per 5 minutes per IP address. */
  tokenVerifications: number
}

export type MailKind = 'confirmation' | 'recovery' | 'magic_link' | 'email_change'

export type AuthConfig = {
  siteUrl: string
  additionalRedirectUrls: string[]
  jwtExpirySeconds: number
  refreshTokenReuseInterval: number
  enableConfirmations: boolean
  /** Minimum seconds between two e-mails of one kind to one user (max_frequency). */
  emailMinIntervalSeconds: number
  otpExpirySeconds: number
  rateLimits: RateLimits
  subjects: Record<MailKind, string>
}

type Table = Record<string, unknown>

function table(value: unknown): Table {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Table) : {}
}

function number(value: unknown, fallback: number) {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback
}

/** Durations as the CLI writes them: "1s", "90s", "5m", "1h". */
export function seconds(value: unknown, fallback: number) {
  if (typeof value === 'number') return value
  if (typeof value !== 'string') return fallback
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h)$/.exec(value.trim())
  if (!match) throw new Error(`config.toml: cannot read the duration "${value}"`)
  const scale = { ms: 0.001, s: 1, m: 60, h: 3600 }[match[2] as 'ms' | 's' | 'm' | 'h']
  return Number(match[1]) * scale
}

const defaultSubjects: Record<MailKind, string> = {
  confirmation: 'Confirm Your Signup',
  recovery: 'Reset Your Password',
  magic_link: 'Your Magic Link',
  email_change: 'Confirm Email Change',
}

/** Parses config.toml text; defaults are the Supabase CLI's where the file is silent. */
export function parseAuthConfig(text: string): AuthConfig {
  const root = table(parse(text))
  const auth = table(root.auth)
  const email = table(auth.email)
  const templates = table(email.template)
  const limits = table(auth.rate_limit)
  const subjects = { ...defaultSubjects }
  for (const kind of Object.keys(subjects) as MailKind[]) {
    const subject = table(templates[kind]).subject
    if (typeof subject === 'string') subjects[kind] = subject
  }
  const redirects = Array.isArray(auth.additional_redirect_urls)
    ? auth.additional_redirect_urls.filter((url): url is string => typeof url === 'string')
    : []
  return {
    siteUrl: typeof auth.site_url === 'string' ? auth.site_url : 'http://127.0.0.1:3000',
    additionalRedirectUrls: redirects,
    jwtExpirySeconds: number(auth.jwt_expiry, 3600),
    refreshTokenReuseInterval: number(auth.refresh_token_reuse_interval, 10),
    enableConfirmations: email.enable_confirmations === true,
    emailMinIntervalSeconds: seconds(email.max_frequency, 1),
    otpExpirySeconds: number(email.otp_expiry, 3600),
    rateLimits: {
      emailSent: number(limits.email_sent, 2),
      tokenRefresh: number(limits.token_refresh, 150),
      signInSignUps: number(limits.sign_in_sign_ups, 30),
      tokenVerifications: number(limits.token_verifications, 30),
    },
    subjects,
  }
}

export function readAuthConfig(file = path.join(supabaseDir, 'config.toml')): AuthConfig {
  return parseAuthConfig(fs.readFileSync(file, 'utf8'))
}
