// The anon and service-role API keys: JWTs signed with the stack's secret, as `supabase start`
// prints them. Deterministic for a given secret, so local keys stay the same across restarts.
import { SignJWT } from 'jose'

export { localJwtSecret } from './local-secret'

export async function signApiKey(secret: string, role: 'anon' | 'service_role'): Promise<string> {
  return new SignJWT({ iss: 'supabase-demo', role })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuedAt(1_700_000_000)
    .setExpirationTime(2_000_000_000)
    .sign(new TextEncoder().encode(secret))
}
