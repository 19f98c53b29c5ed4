// Sign-up and the confirmation e-mail, as GoTrue does them: with enable_confirmations the new
// user gets no session but a link; an address that already has an account gets the same answer
// (an obfuscated user, no mail), so sign-up never tells who is a member.
import { randomUUID } from 'node:crypto'
import { checkEmail, checkPassword, unprocessable } from './errors'
import { issueOtp, ok, sendAuthMail, updateRow, type Context, type AuthRequest } from './context'
import { issueSession } from './tokens'
import { asMetadata, findUserByEmail, insertUser, userJson, type UserRow } from './users'

async function sendConfirmation(ctx: Context, req: AuthRequest, user: UserRow) {
  const token = await issueOtp(ctx, req, user, 'confirmation_token', user.email)
  const updated = await updateRow(ctx.db, user.id, 'confirmation_sent_at = now()', [])
  await sendAuthMail(ctx, req, 'confirmation', user.email, token)
  return updated
}

/** What GoTrue answers for an address that is already confirmed: a user that is not one. */
function obfuscatedUser(email: string, metadata: Record<string, unknown>) {
  const now = new Date()
  return {
    id: randomUUID(),
    aud: 'authenticated',
    role: 'authenticated',
    email,
    phone: '',
    confirmation_sent_at: now,
    app_metadata: { provider: 'email', providers: ['email'] },
    user_metadata: metadata,
    identities: [],
    created_at: now,
    updated_at: now,
    is_anonymous: false,
  }
}

export async function signUp(ctx: Context, req: AuthRequest) {
  const { db, settings } = ctx
  ctx.limiter.take('signInSignUps', req.ip)
  const email = checkEmail(req.body.email)
  if (req.body.password === undefined || req.body.password === '') {
    throw unprocessable('validation_failed', 'Signup requires a valid password')
  }
  const password = checkPassword(req.body.password)
  const metadata = asMetadata(req.body.data)
  if (settings.enableConfirmations) {
    const existing = await findUserByEmail(db, email)
    if (existing?.email_confirmed_at) return ok(obfuscatedUser(email, metadata))
    // An unconfirmed account is not changed (nobody has proved the address); it gets the link again.
    const user =
      existing ??
      (await insertUser(
        db,
        { email, password, userMetadata: metadata, confirmed: false },
        settings.bcryptCost,
        { code: 'user_already_exists', message: 'User already registered' },
      ))
    return ok(userJson(await sendConfirmation(ctx, req, user)))
  }
  const user = await insertUser(
    db,
    { email, password, userMetadata: metadata, confirmed: true },
    settings.bcryptCost,
    { code: 'user_already_exists', message: 'User already registered' },
  )
  return ok(await issueSession(db, settings, user, 'password', req.headers['user-agent']))
}

/** POST /resend: the sign-up link again; the same empty answer whether or not one was sent. */
export async function resend(ctx: Context, req: AuthRequest) {
  const email = checkEmail(req.body.email)
  if (req.body.type !== 'signup') {
    throw unprocessable('validation_failed', 'Missing one of these types: signup, email_change')
  }
  const user = await findUserByEmail(ctx.db, email)
  if (user && !user.email_confirmed_at) await sendConfirmation(ctx, req, user)
  return ok({})
}
