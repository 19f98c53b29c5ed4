// The production server (server.ts, as `npm start` runs it): security headers on HTML, and
// state-changing requests from another site refused before any action runs.
import { describe, expect, it } from 'vitest'
import { stackInfo } from '../support/clients'
import { createMember, testPassword } from '../support/members'
import { pageText } from '../support/page'
import { Visitor } from '../support/app'

function appUrl() {
  const { appUrl } = stackInfo()
  if (!appUrl)
    throw new Error('No app server: run `npm run build` before the tests (npm test does).')
  return appUrl
}

describe('the production server', () => {
  it('sends security headers with a fresh script nonce on every HTML response', async () => {
    const first = await fetch(`${appUrl()}/`)
    const second = await fetch(`${appUrl()}/`)
    expect(first.headers.get('content-type')).toMatch(/text\/html/)
    const csp = first.headers.get('content-security-policy')!
    const nonce = /'nonce-([^']+)'/.exec(csp)![1]
    expect(csp).toMatch(/script-src [^;]*'nonce-/)
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/)
    expect(csp).toContain("frame-ancestors 'none'")
    expect(csp).toContain("object-src 'none'")
    expect(second.headers.get('content-security-policy')).not.toContain(nonce)
    expect(first.headers.get('strict-transport-security')).toMatch(/max-age=\d{7,}/)
    expect(first.headers.get('x-content-type-options')).toBe('nosniff')
    expect(first.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin')
    expect(first.headers.get('x-powered-by')).toBeNull()

    const page = await first.text()
    const scripts = [...page.matchAll(/<script\b[^>]*>/g)].map((m) => m[0])
    expect(scripts.length).toBeGreaterThan(0)
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`)
  })

  it('compresses responses', async () => {
    const response = await fetch(`${appUrl()}/`, { headers: { 'Accept-Encoding': 'gzip' } })
    expect(response.headers.get('content-encoding')).toBe('gzip')
  })

  it('refuses a POST to an action from a foreign Origin, and the action does not run', async () => {
    const member = await createMember()
    const body = new URLSearchParams({ email: member.email, password: testPassword })
    const foreign = await fetch(`${appUrl()}/signin`, {
      method: 'POST',
      body,
      redirect: 'manual',
      headers: {
        Origin: 'https://evil.example',
        'Content-Type': 'application/x-www-form-urlencoded',
      },
    })
    expect(foreign.status).toBe(403)
    expect(foreign.headers.getSetCookie()).toEqual([])
    expect(await pageText(foreign)).toContain(
      'This form was sent from another site, so it was not accepted.',
    )

    const sameSite = await fetch(`${appUrl()}/signin`, {
      method: 'POST',
      body,
      redirect: 'manual',
      headers: { Origin: appUrl(), 'Content-Type': 'application/x-www-form-urlencoded' },
    })
    expect(sameSite.status).toBe(302)
    expect(
      sameSite.headers.getSetCookie().some((c) => /^sb-.+-auth-token/.test(c) && /Secure/.test(c)),
    ).toBe(true)
  })

  it('refuses an oversized request body', async () => {
    const response = await fetch(`${appUrl()}/signin`, {
      method: 'POST',
      body: 'x'.repeat(2 * 1024 * 1024),
      headers: { Origin: appUrl(), 'Content-Type': 'application/x-www-form-urlencoded' },
    })
    expect(response.status).toBe(413)
  })

  it('answers its health check', async () => {
    const response = await fetch(`${appUrl()}/healthz`)
    expect(response.status).toBe(200)
    expect(await response.text()).toBe('ok')
  })
})

describe('who may keep a copy of a page', () => {
  it('lets shared caches keep what visitors see for seconds, and never a member’s page', async () => {
    const visitor = new Visitor()
    for (const path of ['/', '/groups', '/groups/buses', '/?_data=root']) {
      const response = await visitor.get(path)
      expect(response.status, path).toBe(200)
      expect(response.headers.get('Cache-Control'), path).toBe(
        'public, max-age=5, stale-while-revalidate=30',
      )
      expect(response.headers.get('Vary'), path).toMatch(/Cookie/)
    }
    // Not a plain 200, or an answer to a form: for this visitor only.
    expect((await visitor.get('/no-such-page')).headers.get('Cache-Control')).toBe(
      'private, no-store',
    )
    const wrong = await visitor.post('/signin', { email: 'nobody@example.org', password: 'x' })
    expect(wrong.headers.get('Cache-Control')).toBe('private, no-store')

    const member = await createMember()
    const signedIn = new Visitor()
    expect(
      (await signedIn.post('/signin', { email: member.email, password: testPassword })).status,
    ).toBe(302)
    for (const path of ['/', '/groups/buses', '/?_data=root']) {
      const response = await signedIn.get(path)
      expect(response.status, path).toBe(200)
      expect(response.headers.get('Cache-Control'), path).toBe('private, no-store')
    }
  })
})
