// The anon and service-role API keys: JWTs signed with the stack's secret, as `supabase start`
// prints them. Deterministic for a given secret, so local keys stay the same across restarts.
import { SignJWT } from 'jose'

/** The Supabase CLI's well-known local secret; used only by the local stack, never in production. */
export const localJwtSecret = 'super-secret-jwt-token-with-at-least-32-characters-long'

export async function signApiKey(secret: string, role: 'anon' | 'service_role'): Promise<string> {
  return new SignJWT({ iss: 'supabase-demo', role })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuedAt(1_700_000_000)
    .setExpirationTime(2_000_000_000)
    .sign(new TextEncoder().encode(secret))
}
