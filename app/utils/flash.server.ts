// A one-time message shown on the next page after a redirect ("Your password has been
// changed."), kept in a short-lived cookie.
import { createCookie } from '@remix-run/node'
import { z } from 'zod'
import { isProduction } from './env.server'
import type { Outcome } from './outcome'

const flashSchema = z.object({
  kind: z.enum(['success', 'info', 'error']),
  message: z.string().max(300),
})
export type Flash = z.infer<typeof flashSchema>

function flashCookie() {
  return createCookie('pf_flash', {
    httpOnly: true,
    sameSite: 'lax',
    secure: isProduction(),
    path: '/',
    maxAge: 60,
  })
}

export async function setFlash(flash: Flash) {
  return flashCookie().serialize(flash)
}

/** Reads the message and returns the header that clears it. */
export async function takeFlash(
  request: Request,
): Promise<{ flash: Flash | null; clear: string | null }> {
  const cookie = flashCookie()
  const value: unknown = await cookie.parse(request.headers.get('Cookie'))
  if (value === null || value === undefined) return { flash: null, clear: null }
  const parsed = flashSchema.safeParse(value)
  return {
    flash: parsed.success ? parsed.data : null,
    clear: await cookie.serialize('', { maxAge: 0 }),
  }
}

/** Post/redirect/get with a message for the next page. */
export async function redirectWithFlash(to: string, flash: Flash, headers?: HeadersInit) {
  const combined = new Headers(headers)
  combined.append('Set-Cookie', await setFlash(flash))
  combined.set('Location', to)
  return new Response(null, { status: 302, headers: combined })
}

/** Back to `to` with a write's outcome as the flash message (success or error). */
export function redirectWithOutcome(to: string, outcome: Outcome, headers?: HeadersInit) {
  return redirectWithFlash(
    to,
    { kind: outcome.ok ? 'success' : 'error', message: outcome.message },
    headers,
  )
}
