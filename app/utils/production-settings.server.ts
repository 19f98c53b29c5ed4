// What the production server refuses to start with. It never boots the embedded demo stack
// (its demo accounts, local outbox and well-known secret), so it needs a Supabase project.
import { createHmac, timingSafeEqual } from 'node:crypto'
import { localJwtSecret } from '../../supabase/local/local-secret'

/** Whether a JWT-style API key was signed with the Supabase CLI's well-known local secret. */
function signedWithLocalSecret(key: string) {
  const [header, payload, signature] = key.split('.')
  if (!header || !payload || !signature) return false
  const expected = createHmac('sha256', localJwtSecret).update(`${header}.${payload}`).digest()
  const given = Buffer.from(signature, 'base64url')
  return given.length === expected.length && timingSafeEqual(given, expected)
}

/** Why production must not start with these settings, as plain sentences; null when it may. */
export function productionSettingsProblem(env: Record<string, string | undefined>): string | null {
  const missing = ['SUPABASE_URL', 'SUPABASE_ANON_KEY'].filter((name) => !env[name])
  if (missing.length)
    return (
      `Policy Forum will not start in production without ${missing.join(' and ')}. ` +
      "Set SUPABASE_URL and SUPABASE_ANON_KEY to your Supabase project's URL and anon key " +
      '(Project Settings → API). The local demo stack, with its demo accounts and outbox, ' +
      'runs only with `npm run dev`.'
    )
  if (signedWithLocalSecret(env.SUPABASE_ANON_KEY!))
    return (
      "Policy Forum will not start in production with the local stack's keys: SUPABASE_ANON_KEY " +
      "is signed with the Supabase CLI's well-known demo secret, so anyone could forge keys " +
      "for that database. Use your Supabase project's own URL and anon key."
    )
  return null
}
