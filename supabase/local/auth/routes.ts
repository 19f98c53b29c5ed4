// The Supabase Auth (GoTrue) endpoints that supabase-js calls, over auth.* tables.
import type pg from 'pg'
import {
  AuthHttpError,
  badRequest,
  checkEmail,
  checkPassword,
  forbidden,
  notFound,
  unprocessable,
} from './errors'
import { sendMail } from './mail'
import { consumeOtp, createOtp, tokenHash, type OtpType } from './otp'
import {
  issueSession,
  refreshSession,
  requireUserSession,
  signOut,
  verifyAccessToken,
  type AuthMethod,
  type TokenSettings,
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

export type AuthSettings = TokenSettings & {
  siteUrl: string
  bcryptCost: number
  otpExpirySeconds: number
  emailMinIntervalSeconds: number
}

export type AuthRequest = {
  method: string
  path: string
  query: URLSearchParams
  headers: Record<string, string | undefined>
  body: Record<string, unknown>
}

export type AuthResponse = {
  status: number
  body?: unknown
  headers?: Record<string, string>
}

type Context = { db: pg.Pool; settings: AuthSettings }
type Handler = (ctx: Context, req: AuthRequest, params: string[]) => Promise<AuthResponse>

const ok = (body: unknown): AuthResponse => ({ status: 200, body })

const routes: Array<[string, RegExp, Handler]> = [
  [
    'GET',
    /^\/health$/,
    async () => ok({ version: 'local', name: 'GoTrue', description: 'Policy Forum local Auth' }),
  ],
  ['GET', /^\/settings$/, async () => ok(settingsBody())],
  ['POST', /^\/signup$/, signUp],
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
  return (method === 'GET' && (path === '/verify' || path === '/health')) || method === 'OPTIONS'
}

export async function route(ctx: Context, req: AuthRequest): Promise<AuthResponse> {
  for (const [method, pattern, handler] of routes) {
    const match = pattern.exec(req.path)
    if (match && method === req.method) return handler(ctx, req, match.slice(1))
  }
  throw new AuthHttpError(404, 'not_found', 'Not Found')
}

function settingsBody() {
  return {
    external: { email: true, phone: false, anonymous_users: false },
    disable_signup: false,
    mailer_autoconfirm: true,
    phone_autoconfirm: false,
    sms_provider: '',
    saml_enabled: false,
  }
}

async function signUp({ db, settings }: Context, req: AuthRequest) {
  const email = checkEmail(req.body.email)
  if (req.body.password === undefined || req.body.password === '') {
    throw unprocessable('validation_failed', 'Signup requires a valid password')
  }
  const password = checkPassword(req.body.password)
  const user = await insertUser(
    db,
    { email, password, userMetadata: asMetadata(req.body.data), confirmed: true },
    settings.bcryptCost,
    { code: 'user_already_exists', message: 'User already registered' },
  )
  return ok(await issueSession(db, settings, user, 'password', req.headers['user-agent']))
}

async function token({ db, settings }: Context, req: AuthRequest) {
  const grant = req.query.get('grant_type')
  if (grant === 'password') {
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
    return ok(await issueSession(db, settings, user, 'password', req.headers['user-agent']))
  }
  if (grant === 'refresh_token')
    return ok(await refreshSession(db, settings, req.body.refresh_token))
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

async function updateUser({ db, settings }: Context, req: AuthRequest) {
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
      const { hash, code } = await createOtp(
        db,
        user,
        'email_change_token_new',
        email,
        settings.emailMinIntervalSeconds,
      )
      updated = await updateRow(db, user.id, 'email_change = $2, email_change_sent_at = now()', [
        email,
      ])
      await sendMail(
        db,
        email,
        'email_change',
        mailValues(settings, req, user.email, code, hash, email),
      )
    }
  }
  return ok(userJson(updated))
}

async function updateRow(db: pg.Pool, id: string, assignments: string, values: unknown[]) {
  const { rows } = await db.query<UserRow>(
    `update auth.users set ${assignments}, updated_at = now() where id = $1 returning *`,
    [id, ...values],
  )
  return rows[0]
}

async function logout({ db, settings }: Context, req: AuthRequest) {
  const { user, sessionId } = await requireUserSession(db, settings, req.headers.authorization)
  await signOut(db, user.id, sessionId, req.query.get('scope') ?? 'global')
  return { status: 204 }
}

function mailValues(
  settings: AuthSettings,
  req: AuthRequest,
  email: string,
  code: string,
  hash: string,
  newEmail?: string,
) {
  return {
    SiteURL: settings.siteUrl,
    Email: email,
    Token: code,
    TokenHash: hash,
    RedirectTo: req.query.get('redirect_to') ?? settings.siteUrl,
    NewEmail: newEmail,
  }
}

async function recover({ db, settings }: Context, req: AuthRequest) {
  const email = checkEmail(req.body.email)
  const user = await findUserByEmail(db, email)
  // The answer is the same whether or not the address has an account.
  if (user) {
    const { code, hash } = await createOtp(
      db,
      user,
      'recovery_token',
      user.email,
      settings.emailMinIntervalSeconds,
    )
    await db.query('update auth.users set recovery_sent_at = now() where id = $1', [user.id])
    await sendMail(db, user.email, 'recovery', mailValues(settings, req, user.email, code, hash))
  }
  return ok({})
}

async function otp({ db, settings }: Context, req: AuthRequest) {
  const email = checkEmail(req.body.email)
  let user = await findUserByEmail(db, email)
  if (!user) {
    if (req.body.create_user === false)
      throw unprocessable('otp_disabled', 'Signups not allowed for otp')
    user = await insertUser(
      db,
      { email, password: null, userMetadata: asMetadata(req.body.data), confirmed: true },
      settings.bcryptCost,
      { code: 'user_already_exists', message: 'User already registered' },
    )
  }
  const { code, hash } = await createOtp(
    db,
    user,
    'magiclink_token',
    user.email,
    settings.emailMinIntervalSeconds,
  )
  await sendMail(db, user.email, 'magic_link', mailValues(settings, req, user.email, code, hash))
  return ok({ user: null, session: null, message_id: null })
}

const otpTypes: Record<string, { tokens: OtpType[]; method: AuthMethod }> = {
  recovery: { tokens: ['recovery_token'], method: 'recovery' },
  magiclink: { tokens: ['magiclink_token'], method: 'otp' },
  email: { tokens: ['magiclink_token'], method: 'otp' },
  email_change: { tokens: ['email_change_token_new'], method: 'otp' },
}

async function verifyToken(
  { db, settings }: Context,
  req: AuthRequest,
  type: unknown,
  hash: string,
) {
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
  }
  return issueSession(db, settings, user, kind.method, req.headers['user-agent'])
}

async function verifyPost(ctx: Context, req: AuthRequest) {
  const { type, token_hash: hash, token: code, email } = req.body
  if (typeof hash === 'string' && hash) return ok(await verifyToken(ctx, req, type, hash))
  if (typeof code === 'string' && code && typeof email === 'string') {
    return ok(await verifyToken(ctx, req, type, tokenHash(checkEmail(email), code)))
  }
  throw badRequest('validation_failed', 'Verify requires either a token or a token hash')
}

async function verifyGet(ctx: Context, req: AuthRequest) {
  const redirectTo = req.query.get('redirect_to') || ctx.settings.siteUrl
  const type = req.query.get('type') ?? ''
  try {
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
      error: 'access_denied',
      error_code: error.code,
      error_description: error.message,
    })
    return { status: 303, headers: { location: `${redirectTo}#${fragment}` } }
  }
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
