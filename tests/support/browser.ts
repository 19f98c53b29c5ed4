// The browser of the tests and of `npm run screenshot`: the Chromium that @sparticuz/chromium
// carries inside its npm package (so `npm install` is all a machine needs), driven by
// playwright-core. CHROMIUM_PATH, when set, names another Chromium to use instead.
import { execFile } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { chromium, type Browser } from 'playwright-core'

export const chromiumFlags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

const root = path.resolve(import.meta.dirname, '../..')

function packagedVersion() {
  const manifest = path.join(root, 'node_modules/@sparticuz/chromium/package.json')
  if (!fs.existsSync(manifest))
    throw new Error(
      'The browser tests need the Chromium of the @sparticuz/chromium package, which is not installed: run `npm install`.',
    )
  return (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { version: string }).version
}

function isRunning(pid: number) {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * The package holds Chromium brotli-compressed; its own code unpacks it into the temporary
 * folder, always under the same names, and trusts whatever it finds there. So each version
 * is unpacked once per user into a private staging folder (the package's code, with TMPDIR
 * pointing there) and renamed into place in one step: parallel test forks either win that
 * rename or use the winner's copy, and none ever sees a half-written binary.
 */
export async function unpackedChromium(): Promise<string> {
  const version = packagedVersion()
  const dir = path.join(os.tmpdir(), `policy-forum-chromium-${version}-${process.getuid?.() ?? 0}`)
  const binary = path.join(dir, 'chromium')
  // A temporary-files cleaner may have emptied it.
  if (fs.existsSync(dir) && !fs.existsSync(binary)) fs.rmSync(dir, { recursive: true, force: true })
  if (!fs.existsSync(dir)) {
    for (const name of fs.readdirSync(os.tmpdir())) {
      const stale = name.startsWith(`${path.basename(dir)}.partial-`) && name.split('-').at(-1)
      if (stale && !isRunning(Number(stale)))
        fs.rmSync(path.join(os.tmpdir(), name), { recursive: true, force: true })
    }
    const staging = `${dir}.partial-${process.pid}`
    fs.rmSync(staging, { recursive: true, force: true })
    fs.mkdirSync(staging, { mode: 0o700 })
    try {
      const unpack =
        "process.stdout.write(await (await import('@sparticuz/chromium')).default.executablePath())"
      await promisify(execFile)(process.execPath, ['--input-type=module', '-e', unpack], {
        cwd: root,
        env: { ...process.env, TMPDIR: staging },
      })
      // Its own fonts as a fallback for machines without any, after the system's.
      fs.writeFileSync(
        path.join(staging, 'fonts.conf'),
        `<?xml version="1.0"?>\n<fontconfig>\n  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n  <dir>${dir}/fonts/fonts</dir>\n  <cachedir>${dir}/fonts-cache</cachedir>\n</fontconfig>\n`,
      )
      fs.renameSync(staging, dir)
    } catch (error) {
      fs.rmSync(staging, { recursive: true, force: true })
      const code = (error as NodeJS.ErrnoException).code
      // Another process renamed its copy into place first.
      if (code !== 'ENOTEMPTY' && code !== 'EEXIST') throw error
    }
  }
  if (fs.statSync(dir).uid !== (process.getuid?.() ?? 0))
    throw new Error(`${dir} belongs to another user; remove it or set TMPDIR elsewhere.`)
  return binary
}

/** The Chromium to drive: CHROMIUM_PATH if set, otherwise the one from the npm package. */
export async function chromiumPath(): Promise<string> {
  return process.env.CHROMIUM_PATH || (await unpackedChromium())
}

export async function launchChromium(): Promise<Browser> {
  let executablePath = process.env.CHROMIUM_PATH || 'the Chromium of @sparticuz/chromium'
  try {
    executablePath = await chromiumPath()
    const fontConfig = path.join(path.dirname(executablePath), 'fonts.conf')
    return await chromium.launch({
      executablePath,
      args: chromiumFlags,
      env: fs.existsSync(fontConfig) ? { ...process.env, FONTCONFIG_FILE: fontConfig } : undefined,
    })
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0]
    throw new Error(
      `The browser tests could not start Chromium (${executablePath}): ${reason}. ` +
        'They need it and do not skip; run `npm install`, or point CHROMIUM_PATH at a working Chromium.',
      { cause: error },
    )
  }
}
