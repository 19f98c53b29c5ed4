// Members' access tokens are signed with an asymmetric key (ES256), as a Supabase project with
// JWT signing keys signs them: anyone may verify one with the public key Auth publishes at
// /auth/v1/.well-known/jwks.json, so the app checks a member's token itself (getClaims) instead
// of asking Auth on every page. The API keys (anon, service_role) stay HS256 with the stack's
// secret, as Supabase's legacy keys do, and PostgREST and Realtime accept both.
//
// The key pair is derived from the stack's secret, so it is the same across restarts (sessions
// of a development stack survive them) and a test stack with its own secret has its own key.
import { createECDH, createHash, createPrivateKey, hkdfSync, type KeyObject } from 'node:crypto'
import { errors, importJWK, type JWK, type JWTHeaderParameters } from 'jose'

export type SigningKey = {
  /** The id tokens name in their header (`kid`) and the JWKS lists. */
  kid: string
  privateKey: KeyObject
  publicJwk: JWK
}

const cache = new Map<string, SigningKey>()

export function signingKeyFor(secret: string): SigningKey {
  const known = cache.get(secret)
  if (known) return known
  const d = Buffer.from(hkdfSync('sha256', secret, 'policy-forum', 'local ES256 signing key', 32))
  const ecdh = createECDH('prime256v1')
  ecdh.setPrivateKey(d)
  const point = ecdh.getPublicKey() // 0x04 ‖ x ‖ y
  const x = point.subarray(1, 33).toString('base64url')
  const y = point.subarray(33, 65).toString('base64url')
  const kid = createHash('sha256').update(point).digest('base64url').slice(0, 16)
  const publicJwk: JWK = { kty: 'EC', crv: 'P-256', x, y, kid, alg: 'ES256', use: 'sig' }
  const privateKey = createPrivateKey({
    key: { ...publicJwk, d: d.toString('base64url') },
    format: 'jwk',
  })
  const key = { kid, privateKey, publicJwk }
  cache.set(secret, key)
  return key
}

/** What Auth publishes at /.well-known/jwks.json: the public key only. */
export function publicJwks(secret: string) {
  return { keys: [signingKeyFor(secret).publicJwk] }
}

/** What PostgREST is given: the public key for members' tokens and the secret for API keys. */
export function verifierJwks(secret: string) {
  return {
    keys: [
      signingKeyFor(secret).publicJwk,
      { kty: 'oct', k: Buffer.from(secret).toString('base64url'), alg: 'HS256' },
    ],
  }
}

type KeyGetter = (header: JWTHeaderParameters) => Promise<Uint8Array | CryptoKey>
const getters = new Map<string, KeyGetter>()

/** For jose's jwtVerify: the key a token's header asks for, either kind. */
export function verificationKey(secret: string): KeyGetter {
  const known = getters.get(secret)
  if (known) return known
  const hmac = new TextEncoder().encode(secret)
  const { publicJwk, kid } = signingKeyFor(secret)
  const publicKey = importJWK(publicJwk, 'ES256')
  const getter: KeyGetter = async (header) => {
    if (header.alg === 'HS256') return hmac
    if (header.alg === 'ES256' && header.kid === kid) return publicKey as Promise<CryptoKey>
    throw new errors.JWKSNoMatchingKey()
  }
  getters.set(secret, getter)
  return getter
}

/** Both algorithms the stack signs with, for jwtVerify's `algorithms`. */
export const acceptedAlgorithms = ['ES256', 'HS256']
