// Who may join a channel, decided as hosted Realtime decides it
// (lib/realtime/tenants/authorization.ex): the JWT is verified, then in one rolled-back
// transaction a message is inserted for the topic, the member's role, claims and
// realtime.topic() are set, and the message is read back (read: the select policies on
// realtime.messages allow it) and one is inserted as the member (write: an insert policy).
import { randomUUID } from 'node:crypto'
import { errors as joseErrors, jwtVerify } from 'jose'
import type pg from 'pg'
import { acceptedAlgorithms, verificationKey } from '../signing-keys'

export type Claims = { role: string; exp: number; sub?: string; [claim: string]: unknown }

export type Permissions = { read: boolean; write: boolean }

const apiRoles = new Set(['anon', 'authenticated', 'service_role'])

export class TokenError extends Error {}

export async function verifyToken(token: string, jwtSecret: string): Promise<Claims> {
  try {
    const { payload } = await jwtVerify(token, verificationKey(jwtSecret), {
      algorithms: acceptedAlgorithms,
    })
    if (typeof payload.role !== 'string' || typeof payload.exp !== 'number')
      throw new TokenError('Fields `role` and `exp` are required in JWT')
    if (!apiRoles.has(payload.role)) throw new TokenError('The role in the token is not allowed')
    return payload as Claims
  } catch (error) {
    if (error instanceof TokenError) throw error
    if (error instanceof joseErrors.JWTExpired) {
      const exp = Number((error.payload as { exp?: number }).exp ?? 0)
      throw new TokenError(`Token has expired ${Math.floor(Date.now() / 1000) - exp} seconds ago`)
    }
    throw new TokenError('The token provided is not a valid JWT')
  }
}

export async function topicPermissions(
  db: pg.Pool,
  claims: Claims,
  topic: string,
): Promise<Permissions> {
  const client = await db.connect()
  try {
    await client.query('begin')
    try {
      await client.query("set local statement_timeout = '5s'")
      const probe = randomUUID()
      await client.query(
        `insert into realtime.messages (id, topic, extension) values ($1, $2, 'broadcast')`,
        [probe, topic],
      )
      await client.query(
        `select set_config('role', $1, true), set_config('realtime.topic', $2, true),
                set_config('request.jwt.claims', $3, true), set_config('request.jwt.claim.sub', $4, true),
                set_config('request.jwt.claim.role', $1, true)`,
        [claims.role, topic, JSON.stringify(claims), claims.sub ?? ''],
      )
      const { rowCount } = await client.query('select id from realtime.messages where id = $1', [
        probe,
      ])
      await client.query('savepoint write_check')
      const write = await client
        .query(`insert into realtime.messages (topic, extension) values ($1, 'broadcast')`, [topic])
        .then(
          () => true,
          () => false,
        )
      return { read: (rowCount ?? 0) > 0, write }
    } finally {
      await client.query('rollback')
    }
  } finally {
    client.release()
  }
}
