// `npm run screenshot -- <url> [name]`: PNGs of a page at desktop width and at 360 px, to
// look at what we build. Written to screenshots/ (git-ignored).
import fs from 'node:fs/promises'
import { launchChromium } from '../tests/support/browser'

const [url, name = 'page'] = process.argv.slice(2)
if (!url) {
  console.error('Usage: npm run screenshot -- <url> [name]')
  process.exit(2)
}
await fs.mkdir('screenshots', { recursive: true })
const browser = await launchChromium()
try {
  for (const [label, width] of [['desktop', 1280], ['mobile', 360]] as const) {
    const page = await browser.newPage({ viewport: { width, height: 800 } })
    await page.goto(url, { waitUntil: 'networkidle' })
    const file = `screenshots/${name}-${label}.png`
    await page.screenshot({ path: file, fullPage: true })
    console.log(file)
    await page.close()
  }
} finally {
  await browser.close()
}
