// `npm run dev` on a fresh machine: with no SUPABASE_URL it boots the local stack and the
// Vite dev server in one process (with the SMTP catcher and the mail worker), serves the home
// page with the groups and the local outbox, and one signal stops everything: SIGTERM to the
// one process (as `kill` or a process manager sends it), which once let Vite exit first and
// left Postgres and PostgREST running.
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, expect, it } from 'vitest'
import { findFreePort, isPortFree } from '../../supabase/local/ports'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-forum-dev-'))
fs.chmodSync(dir, 0o755)
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

it(
  'serves the home page on the embedded stack and stops every service on SIGTERM',
  { timeout: 120_000 },
  async () => {
    const [port, apiPort, dbPort, smtpPort] = [
      await findFreePort(),
      await findFreePort(),
      await findFreePort(),
      await findFreePort(),
    ]
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: String(port),
      SUPABASE_API_PORT: String(apiPort),
      SUPABASE_DB_PORT: String(dbPort),
      SMTP_CATCHER_PORT: String(smtpPort),
      LOCAL_STACK_DIR: dir,
      REQUEST_LOG: 'false',
    }
    delete env.SUPABASE_URL
    delete env.SUPABASE_ANON_KEY
    // As `npm run dev` runs it: node with tsx's loader.
    const child = spawn(process.execPath, ['--import', 'tsx', 'server.ts'], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    const exited = new Promise<number | null>((resolve) =>
      child.on('exit', (code) => resolve(code)),
    )
    try {
      const deadline = Date.now() + 90_000
      while (!output.includes('Policy Forum is running')) {
        if (Date.now() > deadline || child.exitCode !== null)
          throw new Error(`npm run dev did not start:\n${output}`)
        await new Promise((resolve) => setTimeout(resolve, 200))
      }
      expect(output).toContain('Local Supabase stack ready')
      expect(output).toContain(`SMTP catcher: smtp://127.0.0.1:${smtpPort} (mail worker running`)
      const home = await (await fetch(`http://127.0.0.1:${port}/`)).text()
      expect(home).toContain('Together, we can…')
      for (const name of ['Buses', 'Skills', 'Schools', 'Housing']) expect(home).toContain(name)
      // The outbox exists only here, on the embedded stack this process booted.
      expect(home).toContain('Local outbox (development only)')
      const outbox = await fetch(`http://127.0.0.1:${port}/outbox`)
      expect(outbox.status).toBe(200)
      expect(await outbox.text()).toContain('On this local copy of the forum, e-mail is not sent')
    } finally {
      child.kill('SIGTERM')
    }
    expect(await exited, `npm run dev said:\n${output}`).toBe(0)
    expect(output).toContain('Stopped.')
    for (const p of [port, apiPort, dbPort, smtpPort]) expect(await isPortFree(p)).toBe(true)
  },
)
