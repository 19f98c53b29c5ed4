// `npm run bench:lighthouse`: Lighthouse's mobile audit (its default: an emulated mid-range
// phone, simulated slow 4G and CPU) of the home, group, proposal, editor and console pages of
// the production build, on a throw-away stack with the demo's story, signed in where the
// page needs it. Prints each page's four scores and the JavaScript it loads (gzip). A
// benchmark, not a test: CI does not run it. Lighthouse comes from npm on demand (npx), with
// the Chromium of @sparticuz/chromium; everything started is stopped before it exits.
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import fsp from 'node:fs/promises'
import path from 'node:path'
import chromium from '@sparticuz/chromium'
import { onShutdown } from '../../supabase/local/signals'
import { createStoppers, startProductionApp, startThrowawayStack } from './throwaway'

const lighthouseVersion = '13.5.0'
const root = path.resolve(import.meta.dirname, '../..')
const serverEntry = path.join(root, 'build/server.js')
const { stoppers, stopAll, isStopping } = createStoppers()
onShutdown(async () => {
  await stopAll()
  process.exitCode = 130
})
const hardLimit = setTimeout(() => {
  console.error('Lighthouse ran over 15 minutes; stopping.')
  void stopAll().then(() => process.exit(1))
}, 15 * 60_000)
hardLimit.unref()

async function signIn(appUrl: string, email: string) {
  const response = await fetch(`${appUrl}/signin`, {
    method: 'POST',
    body: new URLSearchParams({ email, password: 'policy-forum-demo' }),
    redirect: 'manual',
  })
  const cookies = response.headers.getSetCookie().map((cookie) => cookie.split(';')[0])
  if (cookies.length === 0) throw new Error(`Signing in as ${email} gave no session.`)
  return cookies.join('; ')
}

type Report = {
  categories: Record<
    string,
    { score: number | null; auditRefs: Array<{ id: string; weight: number }> }
  >
  audits: Record<
    string,
    {
      title: string
      score: number | null
      numericValue?: number
      details?: { items?: ResourceItem[] }
    }
  >
}
type ResourceItem = { resourceType?: string; transferSize?: number; url?: string }

function runLighthouse(url: string, cookie: string | null, chromePath: string, out: string) {
  const args = [
    '--yes',
    `lighthouse@${lighthouseVersion}`,
    url,
    '--quiet',
    '--output=json',
    `--output-path=${out}`,
    '--chrome-flags=--headless --no-sandbox --disable-gpu',
    '--only-categories=performance,accessibility,best-practices,seo',
    ...(cookie ? [`--extra-headers=${JSON.stringify({ Cookie: cookie })}`] : []),
  ]
  return new Promise<void>((resolve, reject) => {
    const child = spawn('npx', args, {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, CHROME_PATH: chromePath },
    })
    stoppers.push(async () => child.kill('SIGTERM'))
    child.on('error', reject)
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`Lighthouse exited ${code} on ${url}`)),
    )
  })
}

async function main() {
  if (!fs.existsSync(serverEntry)) throw new Error('Build the app first: npm run build')
  console.log('Starting a throw-away stack with the demo…')
  const throwaway = await startThrowawayStack('lighthouse', stoppers, { demo: true })
  const { db, appUrl, dir } = throwaway
  await startProductionApp(throwaway, stoppers, { entry: serverEntry })
  const { rows } = await db.query<{ id: string }>(
    `select p.id from public.proposals p join public.groups g on g.id = p.group_id
      where g.slug = 'buses' and p.status = 'open' and p.hidden_at is null
      order by p.comment_count desc limit 1`,
  )
  const facilitator = await signIn(appUrl, 'buses.facilitator@demo.policyforum.local')
  const member = await signIn(appUrl, 'liverpool.member@demo.policyforum.local')
  const pages: Array<[string, string, string | null]> = [
    ['home', '/', null],
    ['group', '/groups/buses', null],
    ['proposal', `/groups/buses/proposals/${rows[0].id}`, null],
    ['editor', '/groups/buses/proposals/new', member],
    ['console', '/groups/buses/console', facilitator],
  ]
  const chromePath = await chromium.executablePath()
  const lines = ['page        perf  a11y  best   seo |  LCP ms   TBT ms    CLS | JS kB (gzip)']
  for (const [name, pathname, cookie] of pages) {
    const out = path.join(dir, `${name}.json`)
    await runLighthouse(`${appUrl}${pathname}`, cookie, chromePath, out)
    const report = JSON.parse(await fsp.readFile(out, 'utf8')) as Report
    const score = (id: string) =>
      String(Math.round(100 * (report.categories[id]?.score ?? 0))).padStart(5)
    const metric = (id: string) => report.audits[id]?.numericValue ?? NaN
    const js = (report.audits['network-requests']?.details?.items ?? [])
      .filter((item) => item.resourceType === 'Script')
      .reduce((sum, item) => sum + (item.transferSize ?? 0), 0)
    const line = [
      name.padEnd(10),
      score('performance'),
      score('accessibility'),
      score('best-practices'),
      score('seo'),
      '|',
      metric('largest-contentful-paint').toFixed(0).padStart(7),
      metric('total-blocking-time').toFixed(0).padStart(8),
      metric('cumulative-layout-shift').toFixed(3).padStart(6),
      '|',
      (js / 1024).toFixed(0).padStart(6),
    ].join(' ')
    lines.push(line)
    console.log(line)
    // What cost points (weighted audits that did not pass), and the heaviest scripts.
    for (const [id, category] of Object.entries(report.categories))
      for (const ref of category.auditRefs) {
        const audit = report.audits[ref.id]
        if (ref.weight > 0 && audit.score !== null && audit.score < 1) {
          console.log(`    ${id}: ${audit.title} (${audit.score})`)
          const first = audit.details?.items?.[0]
          if (first) console.log(`      ${JSON.stringify(first).slice(0, 300)}`)
        }
      }
    for (const item of (report.audits['network-requests']?.details?.items ?? [])
      .filter((entry) => entry.resourceType === 'Script')
      .sort((a, b) => (b.transferSize ?? 0) - (a.transferSize ?? 0))
      .slice(0, 4))
      console.log(
        `    ${((item.transferSize ?? 0) / 1024).toFixed(0)} kB ${item.url?.replace(appUrl, '')}`,
      )
  }
  console.log(`\n${lines.join('\n')}`)
}

main()
  .catch((error: unknown) => {
    if (isStopping()) return
    console.error(error)
    process.exitCode = 1
  })
  .finally(() => stopAll())
