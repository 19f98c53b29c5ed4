// Opens one page in the browser the tests use and prints what it rendered, as JSON: run in a
// child process by tests/e2e/browser.test.ts, with the environment a bare machine would have.
import { launchChromium } from './browser'

const url = process.argv[2]
if (!url) throw new Error('Usage: node --import tsx tests/support/render-page.ts <url>')
const browser = await launchChromium()
try {
  const page = await browser.newPage()
  const response = await page.goto(url)
  const heading = await page.getByRole('heading', { level: 1 }).first().textContent()
  console.log(JSON.stringify({ status: response?.status(), heading, version: browser.version() }))
} finally {
  await browser.close()
}
