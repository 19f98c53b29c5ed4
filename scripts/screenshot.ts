// `npm run screenshot -- <url> [name] [--as email]`: PNGs of a page at desktop width and at
// 360 px, to look at what we build; with --as, signed in first as that local demo account
// (password "policy-forum-demo"). Written to screenshots/ (git-ignored).
import fs from 'node:fs/promises'
import { launchChromium } from '../tests/support/browser'

const args = process.argv.slice(2)
const asIndex = args.indexOf('--as')
const email = asIndex >= 0 ? args.splice(asIndex, 2)[1] : null
const [url, name = 'page'] = args
if (!url) {
  console.error('Usage: npm run screenshot -- <url> [name] [--as email]')
  process.exit(2)
}
await fs.mkdir('screenshots', { recursive: true })
const browser = await launchChromium()
try {
  for (const [label, width] of [
    ['desktop', 1280],
    ['mobile', 360],
  ] as const) {
    const page = await browser.newPage({ viewport: { width, height: 800 } })
    if (email) {
      await page.goto(new URL('/signin', url).href)
      await page.getByLabel('E-mail address').fill(email)
      await page.getByLabel('Password').fill('policy-forum-demo')
      await page.getByRole('button', { name: 'Sign in' }).click()
      await page.waitForURL((target) => !target.pathname.startsWith('/signin'))
    }
    await page.goto(url, { waitUntil: 'networkidle' })
    const file = `screenshots/${name}-${label}.png`
    await page.screenshot({ path: file, fullPage: true })
    console.log(file)
    await page.close()
  }
} finally {
  await browser.close()
}
