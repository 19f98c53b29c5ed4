// The Supabase Auth (GoTrue) endpoints that supabase-js calls, over auth.* tables.
import type pg from 'pg'
import { publicJwks } from '../signing-keys'
import {
  AuthHttpError,
  badRequest,
  checkEmail,
  checkPassword,
  forbidden,
  notFound,
  unprocessable,
} from './errors'
import {
  issueOtp,
  ok,
  sendAuthMail,
  updateRow,
  type AuthRequest,
  type AuthResponse,
  type AuthSettings,
  type Context,
  type Handler,
} from './context'
import { resend, signUp } from './signup'
import {
  issueSession,
  refreshSession,
  requireUserSession,
  signOut,
  verifyAccessToken,
} from './tokens'
import {
  asMetadata,
  findUserByEmail,
  findUserById,
  hashPassword,
  insertUser,
  isUuid,
  passwordMatches,
  userJson,
  type Metadata,
  type UserRow,
} from './users'
import { verifyGet, verifyPost } from './verify'

export type { AuthRequest, AuthResponse, AuthSettings }

const routes: Array<[string, RegExp, Handler]> = [
  [
    'GET',
    /^\/health$/,
    async () => ok({ version: 'local', name: 'GoTrue', description: 'Policy Forum local Auth' }),
  ],
  ['GET', /^\/settings$/, async ({ settings }) => ok(settingsBody(settings))],
  // The public key members' tokens are signed with (getClaims verifies them with it).
  [
    'GET',
    /^\/\.well-known\/jwks\.json$/,
    async ({ settings }) => ok(publicJwks(settings.jwtSecret)),
  ],
  ['POST', /^\/signup$/, signUp],
  ['POST', /^\/resend$/, resend],
  ['POST', /^\/token$/, token],
  ['GET', /^\/user$/, getUser],
  ['PUT', /^\/user$/, updateUser],
  ['POST', /^\/logout$/, logout],
  ['POST', /^\/recover$/, recover],
  ['POST', /^\/otp$/, otp],
  ['POST', /^\/verify$/, verifyPost],
  ['GET', /^\/verify$/, verifyGet],
  ['POST', /^\/admin\/users$/, adminCreateUser],
  ['GET', /^\/admin\/users$/, adminListUsers],
  ['GET', /^\/admin\/users\/([^/]+)$/, adminGetUser],
  ['PUT', /^\/admin\/users\/([^/]+)$/, adminUpdateUser],
  ['DELETE', /^\/admin\/users\/([^/]+)$/, adminDeleteUser],
]

/** Routes that Supabase's gateway leaves open (links followed from e-mails, health checks). */
export function isOpenRoute(method: string, path: string) {
  return (
    (method === 'GET' && ['/verify', '/health', '/.well-known/jwks.json'].includes(path)) ||
    method === 'OPTIONS'
  )
}

export async function route(ctx: Context, req: AuthRequest): Promise<AuthResponse> {
  for (const [method, pattern, handler] of routes) {
    const match = pattern.exec(req.path)
    if (match && method === req.method) return handler(ctx, req, match.slice(1))
  }
  throw new AuthHttpError(404, 'not_found', 'Not Found')
}

function settingsBody(settings: AuthSettings) {
  return {
    external: { email: true, phone: false, anonymous_users: false },
    disable_signup: false,
    mailer_autoconfirm: !settings.enableConfirmations,
    phone_autoconfirm: false,
    sms_provider: '',
    saml_enabled: false,
  }
}

async function token({ db, settings, limiter }: Context, req: AuthRequest) {
  const grant = req.query.get('grant_type')
  if (grant === 'password') {
    limiter.take('signInSignUps', req.ip)
    const { email, password } = req.body
    if (typeof email !== 'string' || typeof password !== 'string' || !email || !password) {
      throw badRequest('validation_failed', 'missing email or phone')
    }
    const user = await findUserByEmail(db, email.trim().toLowerCase())
    if (!user || !(await passwordMatches(user, password))) {
      throw badRequest('invalid_credentials', 'Invalid login credentials')
    }
    if (user.banned_until && user.banned_until > new Date())
      throw badRequest('user_banned', 'User is banned')
    if (!user.email_confirmed_at) throw badRequest('email_not_confirmed', 'Email not confirmed')
    return ok(await issueSession(db, settings, user, 'password', req.headers['user-agent']))
  }
  if (grant === 'refresh_token') {
    limiter.take('tokenRefresh', req.ip)
    return ok(await refreshSession(db, settings, req.body.refresh_token))
  }
  throw badRequest('validation_failed', 'unsupported_grant_type')
}

async function getUser({ db, settings }: Context, req: AuthRequest) {
  const { user } = await requireUserSession(db, settings, req.headers.authorization)
  return ok(userJson(user))
}

function mergeMetadata(current: Metadata | null, changes: Metadata): Metadata {
  const merged: Metadata = { ...(current ?? {}) }
  for (const [key, value] of Object.entries(changes)) {
    if (value === null) delete merged[key]
    else merged[key] = value
  }
  return merged
}

async function updateUser(ctx: Context, req: AuthRequest) {
  const { db, settings } = ctx
  const { user } = await requireUserSession(db, settings, req.headers.authorization)
  let updated: UserRow = user
  if (req.body.password !== undefined) {
    const password = checkPassword(req.body.password)
    if (await passwordMatches(user, password)) {
      throw unprocessable(
        'same_password',
        'New password should be different from the old password.',
      )
    }
    const hash = await hashPassword(password, settings.bcryptCost)
    updated = await updateRow(db, user.id, 'encrypted_password = $2', [hash])
  }
  if (req.body.data !== undefined) {
    const metadata = mergeMetadata(updated.raw_user_meta_data, asMetadata(req.body.data))
    updated = await updateRow(db, user.id, 'raw_user_meta_data = $2', [metadata])
  }
  if (req.body.email !== undefined) {
    const email = checkEmail(req.body.email)
    if (email !== user.email) {
      if (await findUserByEmail(db, email)) {
        throw unprocessable(
          'email_exists',
          'A user with this email address has already been registered',
        )
      }
      const token = await issueOtp(ctx, req, user, 'email_change_token_new', email)
      updated = await updateRow(db, user.id, 'email_change = $2, email_change_sent_at = now()', [
        email,
      ])
      await sendAuthMail(ctx, req, 'email_change', email, token, {
        email: user.email,
        newEmail: email,
      })
    }
  }
  return ok(userJson(updated))
}

async function logout({ db, settings }: Context, req: AuthRequest) {
  const { user, sessionId } = await requireUserSession(db, settings, req.headers.authorization)
  await signOut(db, user.id, sessionId, req.query.get('scope') ?? 'global')
  return { status: 204 }
}

async function recover(ctx: Context, req: AuthRequest) {
  const email = checkEmail(req.body.email)
  const user = await findUserByEmail(ctx.db, email)
  // The answer is the same whether or not the address has an account.
  if (user) {
    const token = await issueOtp(ctx, req, user, 'recovery_token', user.email)
    await updateRow(ctx.db, user.id, 'recovery_sent_at = now()', [])
    await sendAuthMail(ctx, req, 'recovery', user.email, token)
  }
  return ok({})
}

async function otp(ctx: Context, req: AuthRequest) {
  const { db, settings } = ctx
  const email = checkEmail(req.body.email)
  let user = await findUserByEmail(db, email)
  if (!user) {
    if (req.body.create_user === false)
      throw unprocessable('otp_disabled', 'Signups not allowed for otp')
    ctx.limiter.take('signInSignUps', req.ip)
    user = await insertUser(
      db,
      {
        email,
        password: null,
        userMetadata: asMetadata(req.body.data),
        confirmed: !settings.enableConfirmations,
      },
      settings.bcryptCost,
      { code: 'user_already_exists', message: 'User already registered' },
    )
  }
  const token = await issueOtp(ctx, req, user, 'magiclink_token', user.email)
  await sendAuthMail(ctx, req, 'magic_link', user.email, token)
  return ok({ user: null, session: null, message_id: null })
}

async function requireServiceRole(settings: AuthSettings, req: AuthRequest) {
  const claims = await verifyAccessToken(settings, req.headers.authorization)
  if (claims.role !== 'service_role') throw forbidden('not_admin', 'User not allowed')
}

async function adminCreateUser({ db, settings }: Context, req: AuthRequest) {
  await requireServiceRole(settings, req)
  const email = checkEmail(req.body.email)
  const password = req.body.password === undefined ? null : checkPassword(req.body.password)
  const id = typeof req.body.id === 'string' && isUuid(req.body.id) ? req.body.id : undefined
  const user = await insertUser(
    db,
    {
      email,
      password,
      id,
      userMetadata: asMetadata(req.body.user_metadata ?? req.body.data),
      appMetadata: asMetadata(req.body.app_metadata),
      confirmed: req.body.email_confirm === true,
    },
    settings.bcryptCost,
    { code: 'email_exists', message: 'A user with this email address has already been registered' },
  )
  return ok(userJson(user))
}

async function adminListUsers({ db, settings }: Context, req: AuthRequest) {
  await requireServiceRole(settings, req)
  const page = Math.max(1, Number(req.query.get('page')) || 1)
  const perPage = Math.min(1000, Math.max(1, Number(req.query.get('per_page')) || 50))
  const { rows } = await db.query<UserRow>(
    'select * from auth.users order by created_at, id limit $1 offset $2',
    [perPage, (page - 1) * perPage],
  )
  const { rows: count } = await db.query<{ total: number }>(
    'select count(*)::int as total from auth.users',
  )
  const total = count[0].total
  const lastPage = Math.max(1, Math.ceil(total / perPage))
  const link = (p: number, rel: string) =>
    `</admin/users?page=${p}&per_page=${perPage}>; rel="${rel}"`
  const links = [link(lastPage, 'last')]
  if (page < lastPage) links.unshift(link(page + 1, 'next'))
  return {
    status: 200,
    body: { users: rows.map(userJson), aud: 'authenticated' },
    headers: { 'x-total-count': String(total), link: links.join(', ') },
  }
}

async function requireUserParam(db: pg.Pool, id: string) {
  if (!isUuid(id)) throw badRequest('validation_failed', 'user_id must be an UUID')
  const user = await findUserById(db, id)
  if (!user) throw notFound('user_not_found', 'User not found')
  return user
}

async function adminGetUser({ db, settings }: Context, req: AuthRequest, [id]: string[]) {
  await requireServiceRole(settings, req)
  return ok(userJson(await requireUserParam(db, id)))
}

async function adminUpdateUser({ db, settings }: Context, req: AuthRequest, [id]: string[]) {
  await requireServiceRole(settings, req)
  let user = await requireUserParam(db, id)
  if (req.body.password !== undefined) {
    const hash = await hashPassword(checkPassword(req.body.password), settings.bcryptCost)
    user = await updateRow(db, id, 'encrypted_password = $2', [hash])
  }
  if (req.body.email !== undefined) {
    const email = checkEmail(req.body.email)
    const other = await findUserByEmail(db, email)
    if (other && other.id !== id) {
      throw unprocessable(
        'email_exists',
        'A user with this email address has already been registered',
      )
    }
    user = await updateRow(db, id, 'email = $2', [email])
  }
  if (req.body.user_metadata !== undefined) {
    user = await updateRow(db, id, 'raw_user_meta_data = $2', [
      mergeMetadata(user.raw_user_meta_data, asMetadata(req.body.user_metadata)),
    ])
  }
  if (req.body.app_metadata !== undefined) {
    user = await updateRow(db, id, 'raw_app_meta_data = $2', [
      mergeMetadata(user.raw_app_meta_data, asMetadata(req.body.app_metadata)),
    ])
  }
  if (req.body.email_confirm === true)
    user = await updateRow(db, id, 'email_confirmed_at = coalesce(email_confirmed_at, now())', [])
  return ok(userJson(user))
}

async function adminDeleteUser({ db, settings }: Context, req: AuthRequest, [id]: string[]) {
  await requireServiceRole(settings, req)
  await requireUserParam(db, id)
  await db.query('delete from auth.users where id = $1', [id])
  return ok({})
}
