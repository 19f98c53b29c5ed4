// Loaders and actions through the Remix request handler of the production build, with a
// cookie jar, as a browser without JavaScript would use them.
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { createRequestHandler, type ServerBuild } from '@remix-run/node'
import { expect } from 'vitest'
import { withOutageHandling } from '../../app/utils/outage.server'
import { stackInfo } from './clients'
import { testPassword } from './members'

let handler: ((request: Request) => Promise<Response>) | null = null
let ownStack: { apiUrl: string; anonKey: string } | null = null

/** Points this test file's app at another stack than the run's (call before any request). */
export function useStack(stack: { apiUrl: string; anonKey: string }) {
  ownStack = stack
}

async function requestHandler() {
  if (handler) return handler
  const { apiUrl, anonKey } = ownStack ?? stackInfo()
  process.env.SUPABASE_URL = apiUrl
  process.env.SUPABASE_ANON_KEY = anonKey
  // As server.ts serves it: an outage of Supabase becomes a 503 (app/utils/outage.server.ts).
  const build = withOutageHandling(
    (await import(pathToFileURL(path.resolve('build/server/index.js')).href)) as ServerBuild,
  )
  const handle = createRequestHandler(build, 'production')
  handler = (request) => handle(request, { cspNonce: 'test-nonce', localOutbox: false })
  return handler
}

export const origin = 'http://forum.test'

export class Visitor {
  private cookies = new Map<string, string>()

  cookieHeader() {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ')
  }

  /** Holds a Supabase session cookie (sb-<ref>-auth-token, possibly in chunks). */
  isSignedIn() {
    return [...this.cookies.keys()].some((name) => /^sb-.+-auth-token(\.\d+)?$/.test(name))
  }

  /** Rewrites the stored Supabase session (e.g. to make its access token look expired), as
   * one unchunked cookie. */
  editSession(edit: (session: Record<string, unknown>) => Record<string, unknown>) {
    const names = [...this.cookies.keys()]
      .filter((name) => /^sb-.+-auth-token(\.\d+)?$/.test(name))
      .sort((a, b) => Number(a.split('.').pop()) - Number(b.split('.').pop()))
    const base = names[0].replace(/\.\d+$/, '')
    const stored = decodeURIComponent(names.map((name) => this.cookies.get(name)).join(''))
    const session = JSON.parse(Buffer.from(stored.replace(/^base64-/, ''), 'base64url').toString())
    for (const name of names) this.cookies.delete(name)
    const encoded = Buffer.from(JSON.stringify(edit(session))).toString('base64url')
    this.cookies.set(base, `base64-${encoded}`)
  }

  async request(pathname: string, init: RequestInit = {}) {
    const handle = await requestHandler()
    const headers = new Headers(init.headers)
    headers.set('X-Forwarded-Host', new URL(origin).host)
    if (this.cookies.size) headers.set('Cookie', this.cookieHeader())
    const response = await handle(
      new Request(new URL(pathname, origin), { ...init, headers, redirect: 'manual' }),
    )
    for (const cookie of response.headers.getSetCookie()) {
      const [pair, ...attributes] = cookie.split(';')
      const index = pair.indexOf('=')
      const name = pair.slice(0, index).trim()
      const value = pair.slice(index + 1).trim()
      const expired = attributes.some(
        (a) => /^\s*max-age=0\s*$/i.test(a) || /expires=thu, 01 jan 1970/i.test(a),
      )
      if (expired || value === '') this.cookies.delete(name)
      else this.cookies.set(name, value)
    }
    return response
  }

  get(pathname: string) {
    return this.request(pathname)
  }

  post(pathname: string, fields: Record<string, string>) {
    return this.request(pathname, {
      method: 'POST',
      body: new URLSearchParams(fields),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: origin },
    })
  }
}

/** A visitor signed in as this member through the sign-in form, as a browser without
 * JavaScript would be. */
export async function signedIn(member: { email: string }) {
  const visitor = new Visitor()
  const response = await visitor.post('/signin', { email: member.email, password: testPassword })
  expect(response.status).toBe(302)
  return visitor
}
