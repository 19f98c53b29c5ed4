// /verify: spends an e-mailed link (token_hash) or a six-digit code (email + token) and signs the
// member in. Wrong codes for one address are capped: after settings.maxWrongCodes of them the
// address's outstanding codes are voided, so guessing across many IPs cannot reach the right
// one. GET /verify (links followed from mail) redirects only where redirect_to is allowed.
import { AuthHttpError, badRequest, checkEmail, forbidden, unprocessable } from './errors'
import { ok, redirectOf, updateRow, type AuthRequest, type Context } from './context'
import { consumeOtp, tokenHash, voidOtps, type OtpType } from './otp'
import { issueSession, type AuthMethod } from './tokens'
import { findUserByEmail, findUserById } from './users'

const otpTypes: Record<string, { tokens: OtpType[]; method: AuthMethod }> = {
  signup: { tokens: ['confirmation_token'], method: 'otp' },
  email: { tokens: ['confirmation_token', 'magiclink_token'], method: 'otp' },
  recovery: { tokens: ['recovery_token'], method: 'recovery' },
  magiclink: { tokens: ['magiclink_token'], method: 'otp' },
  email_change: { tokens: ['email_change_token_new'], method: 'otp' },
}

async function verifyToken(ctx: Context, req: AuthRequest, type: unknown, hash: string) {
  const { db, settings } = ctx
  const kind = typeof type === 'string' ? otpTypes[type] : undefined
  if (!kind) throw badRequest('validation_failed', 'Verify requires a verification type')
  const consumed = await consumeOtp(db, kind.tokens, hash, settings.otpExpirySeconds)
  let user = await findUserById(db, consumed.user_id)
  if (!user) throw forbidden('otp_expired', 'Email link is invalid or has expired')
  if (consumed.token_type === 'email_change_token_new') {
    try {
      user = await updateRow(
        db,
        user.id,
        'email = $2, email_change = null, email_confirmed_at = now()',
        [consumed.relates_to],
      )
    } catch (error) {
      if ((error as { code?: string }).code === '23505') {
        throw unprocessable(
          'email_exists',
          'A user with this email address has already been registered',
        )
      }
      throw error
    }
  } else if (!user.email_confirmed_at) {
    // Following any link sent to the address proves the member reads it.
    user = await updateRow(db, user.id, 'email_confirmed_at = now()', [])
  }
  if (user.banned_until && user.banned_until > new Date())
    throw forbidden('otp_expired', 'Email link is invalid or has expired')
  return issueSession(db, settings, user, kind.method, req.headers['user-agent'])
}

async function verifyCode(
  ctx: Context,
  req: AuthRequest,
  type: unknown,
  email: string,
  code: string,
) {
  try {
    const session = await verifyToken(ctx, req, type, tokenHash(email, code))
    ctx.wrongCodes.delete(email)
    return session
  } catch (error) {
    if (!(error instanceof AuthHttpError) || error.code !== 'otp_expired') throw error
    const wrong = (ctx.wrongCodes.get(email) ?? 0) + 1
    if (wrong >= ctx.settings.maxWrongCodes) {
      ctx.wrongCodes.delete(email)
      const user = await findUserByEmail(ctx.db, email)
      if (user) await voidOtps(ctx.db, user.id)
    } else ctx.wrongCodes.set(email, wrong)
    throw forbidden('otp_expired', 'Token has expired or is invalid')
  }
}

export async function verifyPost(ctx: Context, req: AuthRequest) {
  ctx.limiter.take('tokenVerifications', req.ip)
  const { type, token_hash: hash, token: code, email } = req.body
  if (typeof hash === 'string' && hash) return ok(await verifyToken(ctx, req, type, hash))
  if (typeof code === 'string' && code && typeof email === 'string') {
    return ok(await verifyCode(ctx, req, type, checkEmail(email), code))
  }
  throw badRequest('validation_failed', 'Verify requires either a token or a token hash')
}

export async function verifyGet(ctx: Context, req: AuthRequest) {
  const redirectTo = redirectOf(ctx.settings, req)
  const type = req.query.get('type') ?? ''
  try {
    ctx.limiter.take('tokenVerifications', req.ip)
    const session = await verifyToken(ctx, req, type, req.query.get('token') ?? '')
    const fragment = new URLSearchParams({
      access_token: session.access_token,
      expires_at: String(session.expires_at),
      expires_in: String(session.expires_in),
      refresh_token: session.refresh_token,
      token_type: 'bearer',
      type,
    })
    return { status: 303, headers: { location: `${redirectTo}#${fragment}` } }
  } catch (error) {
    if (!(error instanceof AuthHttpError)) throw error
    const fragment = new URLSearchParams({
      error: error.status === 429 ? 'over_request_rate_limit' : 'access_denied',
      error_code: error.code,
      error_description: error.message,
    })
    return { status: 303, headers: { location: `${redirectTo}#${fragment}` } }
  }
}
