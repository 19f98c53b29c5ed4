// Sessions, access tokens (ES256 JWTs with Supabase's claims, see ../signing-keys) and rotating refresh tokens.
import { randomBytes, randomUUID } from 'node:crypto'
import { SignJWT, jwtVerify, errors as joseErrors } from 'jose'
import type pg from 'pg'
import { badRequest, forbidden, unauthorized } from './errors'
import { findUserById, userJson, type UserRow } from './users'
import { acceptedAlgorithms, signingKeyFor, verificationKey } from '../signing-keys'

export type TokenSettings = {
  jwtSecret: string
  jwtExpirySeconds: number
  issuer: string
  /** Seconds during which a just-rotated refresh token may be presented again (concurrent
   * requests racing to refresh); after that, reuse revokes the session. */
  refreshTokenReuseInterval: number
}

export type AccessClaims = {
  sub: string
  role: string
  session_id?: string
  email?: string
  aal?: string
  exp: number
}

export type AuthMethod =
  'password' | 'otp' | 'magiclink' | 'recovery' | 'token_refresh' | 'email/signup'

async function signAccessToken(
  settings: TokenSettings,
  user: UserRow,
  sessionId: string,
  method: AuthMethod,
  methodAt: number,
) {
  const now = Math.floor(Date.now() / 1000)
  const exp = now + settings.jwtExpirySeconds
  const token = await new SignJWT({
    aud: 'authenticated',
    email: user.email,
    phone: '',
    app_metadata: user.raw_app_meta_data ?? {},
    user_metadata: user.raw_user_meta_data ?? {},
    role: user.role,
    aal: 'aal1',
    amr: [{ method, timestamp: methodAt }],
    session_id: sessionId,
    is_anonymous: false,
  })
    .setProtectedHeader({ alg: 'ES256', typ: 'JWT', kid: signingKeyFor(settings.jwtSecret).kid })
    .setIssuer(settings.issuer)
    .setSubject(user.id)
    .setIssuedAt(now)
    .setExpirationTime(exp)
    .sign(signingKeyFor(settings.jwtSecret).privateKey)
  return { token, exp }
}

function newRefreshToken() {
  return randomBytes(16).toString('base64url')
}

async function sessionResponse(
  settings: TokenSettings,
  user: UserRow,
  sessionId: string,
  refreshToken: string,
  method: AuthMethod,
  methodAt: number,
) {
  const { token, exp } = await signAccessToken(settings, user, sessionId, method, methodAt)
  return {
    access_token: token,
    token_type: 'bearer',
    expires_in: settings.jwtExpirySeconds,
    expires_at: exp,
    refresh_token: refreshToken,
    user: userJson(user),
  }
}

export async function issueSession(
  db: pg.Pool,
  settings: TokenSettings,
  user: UserRow,
  method: AuthMethod,
  userAgent?: string,
) {
  const sessionId = randomUUID()
  const refreshToken = newRefreshToken()
  const client = await db.connect()
  try {
    await client.query('begin')
    await client.query('insert into auth.sessions (id, user_id, user_agent) values ($1, $2, $3)', [
      sessionId,
      user.id,
      userAgent ?? null,
    ])
    await client.query(
      'insert into auth.refresh_tokens (token, user_id, session_id) values ($1, $2, $3)',
      [refreshToken, user.id, sessionId],
    )
    const { rows } = await client.query<UserRow>(
      'update auth.users set last_sign_in_at = now(), updated_at = now() where id = $1 returning *',
      [user.id],
    )
    await client.query('commit')
    return sessionResponse(
      settings,
      rows[0],
      sessionId,
      refreshToken,
      method,
      Math.floor(Date.now() / 1000),
    )
  } catch (error) {
    await client.query('rollback')
    throw error
  } finally {
    client.release()
  }
}

type RefreshRow = {
  id: string
  token: string
  user_id: string
  session_id: string
  revoked: boolean
  updated_at: Date
}

export async function refreshSession(db: pg.Pool, settings: TokenSettings, presented: unknown) {
  if (typeof presented !== 'string' || presented === '') {
    throw badRequest('validation_failed', 'refresh_token required')
  }
  const client = await db.connect()
  try {
    await client.query('begin')
    const { rows } = await client.query<RefreshRow>(
      'select * from auth.refresh_tokens where token = $1 for update',
      [presented],
    )
    const current = rows[0]
    if (!current)
      throw badRequest('refresh_token_not_found', 'Invalid Refresh Token: Refresh Token Not Found')
    let nextToken: string
    if (current.revoked) {
      // A revoked token is accepted only as the parent of the session's live token, within the
      // reuse interval (two requests refreshing at once). Anything else is token theft.
      const { rows: children } = await client.query<RefreshRow>(
        'select * from auth.refresh_tokens where parent = $1 and revoked = false',
        [current.token],
      )
      const child = children[0]
      const withinInterval =
        Date.now() - current.updated_at.getTime() <= settings.refreshTokenReuseInterval * 1000
      if (!child || !withinInterval) {
        await client.query('delete from auth.sessions where id = $1', [current.session_id])
        await client.query('commit')
        throw badRequest('refresh_token_already_used', 'Invalid Refresh Token: Already Used')
      }
      nextToken = child.token
    } else {
      nextToken = newRefreshToken()
      await client.query(
        'update auth.refresh_tokens set revoked = true, updated_at = now() where id = $1',
        [current.id],
      )
      await client.query(
        'insert into auth.refresh_tokens (token, user_id, session_id, parent) values ($1, $2, $3, $4)',
        [nextToken, current.user_id, current.session_id, current.token],
      )
    }
    await client.query(
      'update auth.sessions set refreshed_at = now(), updated_at = now() where id = $1',
      [current.session_id],
    )
    const user = await findUserById(client, current.user_id)
    if (!user)
      throw badRequest('refresh_token_not_found', 'Invalid Refresh Token: Refresh Token Not Found')
    await client.query('commit')
    return sessionResponse(
      settings,
      user,
      current.session_id,
      nextToken,
      'token_refresh',
      Math.floor(Date.now() / 1000),
    )
  } catch (error) {
    await client.query('rollback').catch(() => undefined)
    throw error
  } finally {
    client.release()
  }
}

/** Verifies a bearer token's signature and expiry. */
export async function verifyAccessToken(
  settings: TokenSettings,
  authorization: string | undefined,
): Promise<AccessClaims> {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')
  if (!match) throw unauthorized('no_authorization', 'This endpoint requires a Bearer token')
  try {
    const { payload } = await jwtVerify(match[1], verificationKey(settings.jwtSecret), {
      algorithms: acceptedAlgorithms,
    })
    if (
      typeof payload.sub !== 'string' &&
      payload.role !== 'service_role' &&
      payload.role !== 'anon'
    ) {
      throw forbidden('bad_jwt', 'invalid claim: missing sub claim')
    }
    return payload as unknown as AccessClaims
  } catch (error) {
    if (error instanceof joseErrors.JWTExpired) {
      throw forbidden(
        'bad_jwt',
        'invalid JWT: unable to parse or verify signature, token has invalid claims: token is expired',
      )
    }
    if (error instanceof joseErrors.JOSEError) {
      throw forbidden(
        'bad_jwt',
        'invalid JWT: unable to parse or verify signature, signature is invalid',
      )
    }
    throw error
  }
}

/** A signed-in user's token: valid signature, a session that still exists, a user that exists. */
export async function requireUserSession(
  db: pg.Pool,
  settings: TokenSettings,
  authorization: string | undefined,
) {
  const claims = await verifyAccessToken(settings, authorization)
  if (!claims.sub) throw forbidden('bad_jwt', 'invalid claim: missing sub claim')
  const user = await findUserById(db, claims.sub)
  if (!user) throw forbidden('user_not_found', 'User from sub claim in JWT does not exist')
  if (!claims.session_id)
    throw forbidden('session_not_found', 'Session from session_id claim in JWT does not exist')
  const { rowCount } = await db.query(
    'select 1 from auth.sessions where id = $1 and user_id = $2',
    [claims.session_id, user.id],
  )
  if (!rowCount)
    throw forbidden('session_not_found', 'Session from session_id claim in JWT does not exist')
  return { claims, user, sessionId: claims.session_id }
}

export async function signOut(db: pg.Pool, userId: string, sessionId: string, scope: string) {
  if (scope === 'global') await db.query('delete from auth.sessions where user_id = $1', [userId])
  else if (scope === 'others')
    await db.query('delete from auth.sessions where user_id = $1 and id <> $2', [userId, sessionId])
  else await db.query('delete from auth.sessions where id = $1', [sessionId])
}
