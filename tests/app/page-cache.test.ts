// The production server's micro-cache for signed-out pages (app/utils/page-cache.server.ts):
// visitors share a page for a moment, members never do, and a change shows once it expires.
import fs from 'node:fs'
import { gunzipSync } from 'node:zlib'
import compression from 'compression'
import express from 'express'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { pageCache } from '../../app/utils/page-cache.server'
import { findFreePort } from '../../supabase/local/ports'
import { startServiceProcess, type ServiceProcess } from '../../supabase/local/service-process'
import { stackInfo } from '../support/clients'
import { createGroup } from '../support/groups'
import { createMember } from '../support/members'
import { sql } from '../support/sql'

describe('the page cache, in front of a counting handler', () => {
  let renders = 0
  let clock = 0
  let url = ''
  let server: ReturnType<express.Express['listen']>

  beforeAll(async () => {
    const app = express()
    app.use(compression())
    app.use(pageCache({ seconds: 2, maxEntries: 3, now: () => clock }))
    app.get('*', (req, res) => {
      renders += 1
      const render = renders
      // Rendered in pieces, as React streams a page.
      setTimeout(() => {
        if (req.query.private) res.setHeader('Cache-Control', 'private, no-store')
        else res.setHeader('Cache-Control', 'public, max-age=5')
        if (req.query.cookie) res.setHeader('Set-Cookie', 'flash=1')
        res.type('html')
        res.write(`<p>render ${render} of ${req.path}</p>`)
        res.end('<p>the end</p>'.repeat(200))
      }, 30)
    })
    const port = await findFreePort()
    await new Promise<void>((resolve) => (server = app.listen(port, '127.0.0.1', resolve)))
    url = `http://127.0.0.1:${port}`
  })
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

  it('renders a page once for visitors arriving together, and serves it until it expires', async () => {
    const before = renders
    const pages = await Promise.all(
      Array.from({ length: 20 }, () => fetch(`${url}/together`).then((r) => r.text())),
    )
    expect(renders - before).toBe(1)
    expect(new Set(pages).size).toBe(1)
    expect(pages[0]).toContain('of /together')

    const again = await fetch(`${url}/together`)
    expect(again.headers.get('x-page-cache')).toBe('hit')
    expect(await again.text()).toBe(pages[0])
    clock += 2000
    const later = await fetch(`${url}/together`)
    expect(later.headers.get('x-page-cache')).toBeNull()
    expect(await later.text()).not.toBe(pages[0])
  })

  it('serves hits compressed when asked, as the first answer was', async () => {
    await fetch(`${url}/gzip`)
    const hit = await fetch(`${url}/gzip`, { headers: { 'Accept-Encoding': 'gzip' } })
    expect(hit.headers.get('x-page-cache')).toBe('hit')
    expect(hit.headers.get('content-encoding')).toBe('gzip')
    const raw = Buffer.from(await hit.arrayBuffer())
    // fetch decodes gzip itself; either way the page is whole.
    const text = raw[0] === 0x1f ? gunzipSync(raw).toString() : raw.toString()
    expect(text).toContain('of /gzip')
    expect(text.endsWith('<p>the end</p>')).toBe(true)
  })

  it('never keeps private pages or pages that set a cookie, and never serves a request with cookies', async () => {
    for (const query of ['private=1', 'cookie=1']) {
      const first = await (await fetch(`${url}/p?${query}`)).text()
      const second = await (await fetch(`${url}/p?${query}`)).text()
      expect(second, query).not.toBe(first)
    }
    await fetch(`${url}/with-cookies`)
    const member = await fetch(`${url}/with-cookies`, { headers: { cookie: 'sb-x-auth-token=1' } })
    expect(member.headers.get('x-page-cache')).toBeNull()
  })

  it('keeps only as many pages as it is allowed, dropping the oldest', async () => {
    for (const page of ['a', 'b', 'c', 'd']) await fetch(`${url}/bounded-${page}`)
    expect((await fetch(`${url}/bounded-d`)).headers.get('x-page-cache')).toBe('hit')
    expect((await fetch(`${url}/bounded-a`)).headers.get('x-page-cache')).toBeNull()
  })
})

function requireBuild() {
  if (!fs.existsSync('build/server.js'))
    throw new Error('No build: run `npm run build` first (npm test does).')
}

describe('the page cache in the production server', () => {
  let server: ServiceProcess
  let appUrl = ''

  beforeAll(async () => {
    requireBuild()
    const { apiUrl, anonKey } = stackInfo()
    const port = await findFreePort()
    appUrl = `http://127.0.0.1:${port}`
    server = await startServiceProcess({
      name: 'The app server (page cache on)',
      command: process.execPath,
      args: ['build/server.js'],
      readyUrl: `${appUrl}/healthz`,
      timeoutMs: 30_000,
      env: {
        NODE_ENV: 'production',
        HOST: '127.0.0.1',
        PORT: String(port),
        SUPABASE_URL: apiUrl,
        SUPABASE_ANON_KEY: anonKey,
        REQUEST_LOG: 'false',
        PAGE_CACHE_SECONDS: '1',
      },
    })
  }, 60_000)
  afterAll(() => server?.stop())

  it('shares a group page among visitors for a moment, then shows what changed', async () => {
    const group = await createGroup()
    const page = `${appUrl}/groups/${group.slug}`
    const first = await fetch(page)
    expect(first.status).toBe(200)
    expect(await first.text()).toContain('A group for tests.')
    await sql().query(
      `update public.groups set summary = 'A summary the facilitator rewrote.' where id = $1`,
      [group.id],
    )
    const hit = await fetch(page)
    expect(hit.headers.get('x-page-cache')).toBe('hit')
    // The cached page is whole: its scripts carry the nonce its own policy names.
    const csp = hit.headers.get('content-security-policy')!
    const nonce = /'nonce-([^']+)'/.exec(csp)![1]
    expect(await hit.text()).toContain(`nonce="${nonce}"`)

    await new Promise((resolve) => setTimeout(resolve, 1100))
    const fresh = await fetch(page)
    expect(fresh.headers.get('x-page-cache')).toBeNull()
    expect(await fresh.text()).toContain('A summary the facilitator rewrote.')
  })

  it("never shows a member's page to anyone else, nor a visitor's page to a member", async () => {
    const member = await createMember({ displayName: `Cached ${crypto.randomUUID().slice(0, 6)}` })
    const signIn = await fetch(`${appUrl}/signin`, {
      method: 'POST',
      body: new URLSearchParams({ email: member.email, password: member.password }),
      redirect: 'manual',
    })
    const cookie = signIn.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ')
    expect(cookie).toMatch(/auth-token/)

    await fetch(`${appUrl}/groups`) // a visitor fills the cache
    const theirs = await fetch(`${appUrl}/groups`, { headers: { cookie } })
    expect(theirs.headers.get('x-page-cache')).toBeNull()
    expect(theirs.headers.get('cache-control')).toBe('private, no-store')
    expect(await theirs.text()).toContain(member.displayName)

    const visitor = await fetch(`${appUrl}/groups`)
    expect(await visitor.text()).not.toContain(member.displayName)
  })
})
