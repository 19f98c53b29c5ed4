// Browser tests: Debian's Chromium against the production build, an axe check on every page
// visited, and no console errors (a CSP violation is one).
import fs from 'node:fs'
import { createRequire } from 'node:module'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, expect } from 'vitest'
import { launchChromium } from './browser'
import { stackInfo } from './clients'
import { testPassword } from './members'

const axeSource = fs.readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
)

export function appUrl(path = '/') {
  const { appUrl } = stackInfo()
  if (!appUrl)
    throw new Error('No app server: run `npm run build` before the browser tests (npm test does).')
  return new URL(path, appUrl).href
}

type Session = { context: BrowserContext; page: Page; errors: string[] }

/** Registers the browser for a test file; each test opens its own session(s). */
export function setUpBrowser() {
  let browser: Browser
  const sessions: Session[] = []
  beforeAll(async () => {
    browser = await launchChromium()
  })
  afterEach(async () => {
    const errors = sessions.flatMap((s) => s.errors)
    await Promise.all(sessions.splice(0).map((s) => s.context.close()))
    expect(errors, 'console errors in the browser').toEqual([])
  })
  afterAll(async () => {
    await browser?.close()
  })
  return async function openSession(options: { javaScriptEnabled?: boolean; width?: number } = {}) {
    const context = await browser.newContext({
      javaScriptEnabled: options.javaScriptEnabled ?? true,
      viewport: { width: options.width ?? 1280, height: 900 },
      baseURL: appUrl(),
    })
    const page = await context.newPage()
    const errors: string[] = []
    page.on('console', (message) => {
      if (message.type() !== 'error') return
      // Forms answered with 400 (bad input) and pages answered with 404 log this by design;
      // the tests assert what the member sees instead. Server errors (5xx) still fail.
      if (
        message
          .text()
          .startsWith('Failed to load resource: the server responded with a status of 4')
      )
        return
      errors.push(message.text())
    })
    page.on('pageerror', (error) => errors.push(error.message))
    // Whatever the Content-Security-Policy refuses fails the test too, even where the page
    // copes (a probe it catches, as zod's for `new Function` was).
    await context.exposeBinding('__cspViolation', (_source, text: string) => errors.push(text))
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        const report = (window as unknown as { __cspViolation: (text: string) => void })
          .__cspViolation
        report(`CSP refused ${event.violatedDirective}: ${event.blockedURI || 'inline'}`)
      })
    })
    const session = { context, page, errors }
    sessions.push(session)
    return session
  }
}

/** Fails on serious or critical accessibility findings on the page as it is now. */
export async function expectAccessible(page: Page) {
  await page.evaluate(axeSource)
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            ctx: Document,
            opts: object,
          ) => Promise<{
            violations: Array<{
              id: string
              impact: string
              help: string
              nodes: Array<{ target: string[] }>
            }>
          }>
        }
      }
    ).axe
    const result = await axe.run(document, { resultTypes: ['violations'] })
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(' ')).slice(0, 5),
    }))
  })
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  expect(serious, `axe findings on ${page.url()}`).toEqual([])
}

/** Goes to a page and checks it with axe. */
export async function visit(page: Page, path: string) {
  const response = await page.goto(path)
  expect(response?.status(), `status of ${path}`).toBeLessThan(400)
  await expectAccessible(page)
}

export async function signInThroughUi(page: Page, email: string, password = testPassword) {
  await page.goto('/signin')
  await page.getByLabel('E-mail address').fill(email)
  await page.getByLabel('Password', { exact: true }).fill(password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.waitForURL((url) => !url.pathname.startsWith('/signin'))
}

/** Nothing on the page is wider than the window (checked at 360 px in the tests). */
export async function expectNoSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  )
  expect(overflow, `horizontal overflow on ${page.url()}`).toBeLessThanOrEqual(0)
}
