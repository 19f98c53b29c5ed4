// HTTP hardening for every response of server.ts: a Content Security Policy whose scripts
// need the per-request nonce, HSTS, nosniff, no framing, a strict referrer policy; and a
// refusal of state-changing requests sent from another site.
import { randomBytes } from 'node:crypto'
import type { NextFunction, Request, Response } from 'express'

/** Realtime's WebSocket origin for connect-src: the Supabase URL with ws(s) for http(s). */
export function realtimeOrigin(supabaseUrl: string | undefined) {
  if (!supabaseUrl) return ''
  try {
    const url = new URL(supabaseUrl)
    return `${url.protocol === 'https:' ? 'wss:' : 'ws:'}//${url.host}`
  } catch {
    return ''
  }
}

export function contentSecurityPolicy(nonce: string, isProduction: boolean, realtime = '') {
  const directives = [
    "default-src 'self'",
    // 'strict-dynamic' lets the nonced module scripts load the route chunks they import.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isProduction ? '' : " 'unsafe-eval'"}`,
    // Vite injects styles from JavaScript in development only.
    `style-src 'self'${isProduction ? '' : " 'unsafe-inline'"}`,
    // Bar widths in charts are set per element.
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self'${isProduction ? (realtime ? ` ${realtime}` : '') : ' ws: wss:'}`,
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "object-src 'none'",
  ]
  if (isProduction) directives.push('upgrade-insecure-requests')
  return directives.join('; ')
}

export function securityHeaders({
  isProduction,
  supabaseUrl,
}: {
  isProduction: boolean
  /** Read per response: in development the local stack sets it after the server starts. */
  supabaseUrl?: () => string | undefined
}) {
  return function applySecurityHeaders(_req: Request, res: Response, next: NextFunction) {
    const nonce = randomBytes(16).toString('base64')
    res.locals.cspNonce = nonce
    res.setHeader(
      'Content-Security-Policy',
      contentSecurityPolicy(nonce, isProduction, realtimeOrigin(supabaseUrl?.())),
    )
    res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains')
    res.setHeader('X-Content-Type-Options', 'nosniff')
    res.setHeader('X-Frame-Options', 'DENY')
    res.setHeader('Referrer-Policy', 'strict-origin-when-cross-origin')
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin')
    res.setHeader('Cross-Origin-Resource-Policy', 'same-origin')
    res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=()')
    next()
  }
}

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS'])

/** Browsers send Origin with every cross-site POST; one that names another site is refused
 * before any action runs. SameSite=Lax cookies are the second line of defence. */
export function refuseForeignOrigin(req: Request, res: Response, next: NextFunction) {
  if (safeMethods.has(req.method)) return next()
  const origin = req.headers.origin
  // No Origin: not a browser (and so not carrying a member's cookies for someone else).
  if (origin === undefined) return next()
  if (origin === 'null' || !sameHost(origin, req)) {
    res
      .status(403)
      .type('text/plain')
      .send('This form was sent from another site, so it was not accepted.')
    return
  }
  next()
}

function sameHost(origin: string, req: Request) {
  try {
    const forwarded = req.headers['x-forwarded-host']
    const host =
      (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0].trim() ||
      req.headers.host
    return new URL(origin).host === host
  } catch {
    return false
  }
}
