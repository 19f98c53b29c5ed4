// The local stack as a developer uses it: data survives a restart, db:reset brings back the
// seed, a taken port gets a plain message, and stopping leaves nothing running.
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { createClient } from '@supabase/supabase-js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { nodeRealtime } from '../../app/utils/node-realtime.server'
import { findFreePort, isPortFree } from '../../supabase/local/ports'
import { startStack, type LocalStack } from '../../supabase/local/stack'

const cli = path.resolve('supabase/local/cli.ts')
let dir: string
let ports: { apiPort: number; dbPort: number }

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-forum-lifecycle-'))
  fs.chmodSync(dir, 0o755)
  ports = { apiPort: await findFreePort(), dbPort: await findFreePort() }
})
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

function boot() {
  return startStack({
    dataDir: path.join(dir, 'db'),
    ...ports,
    siteUrl: 'http://127.0.0.1:9',
    durable: false,
    bcryptCost: 4,
    // This test signs up and straight back in; confirmations are tested in tests/stack/auth*.
    auth: { enableConfirmations: false },
  })
}

function client(stack: LocalStack) {
  return createClient(stack.apiUrl, stack.anonKey, {
    auth: { persistSession: false },
    realtime: nodeRealtime,
  })
}

function runCli(
  args: string[],
  env: Record<string, string>,
  onOutput?: (text: string, child: ReturnType<typeof spawn>) => void,
) {
  return new Promise<{ code: number | null; output: string }>((resolve) => {
    // As `npm run db:start` runs it: node with tsx's loader. (The tsx command relays Ctrl-C to
    // its child and SIGKILLs it if the child has not answered within 30 ms: on a busy machine
    // that killed the stack before it could stop its services.)
    const child = spawn(process.execPath, ['--import', 'tsx', cli, ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    const collect = (chunk: Buffer) => {
      output += chunk.toString()
      onOutput?.(output, child)
    }
    child.stdout.on('data', collect)
    child.stderr.on('data', collect)
    child.on('exit', (code) => resolve({ code, output }))
  })
}

const cliEnv = () => ({
  LOCAL_STACK_DIR: dir,
  SUPABASE_API_PORT: String(ports.apiPort),
  SUPABASE_DB_PORT: String(ports.dbPort),
})

describe('the local stack', () => {
  it('keeps data across a restart and applies no migration twice', async () => {
    const first = await boot()
    expect(first.firstBoot).toBe(true)
    expect(first.migrationsApplied.length).toBeGreaterThan(0)
    const signUp = await client(first).auth.signUp({
      email: 'keeper@example.test',
      password: 'correct-horse-battery',
    })
    expect(signUp.error).toBeNull()
    await first.stop()

    expect(await isPortFree(ports.apiPort)).toBe(true)
    expect(await isPortFree(ports.dbPort)).toBe(true)
    expect(fs.existsSync(path.join(dir, 'db', 'postmaster.pid'))).toBe(false)

    const second = await boot()
    try {
      expect(second.firstBoot).toBe(false)
      expect(second.migrationsApplied).toEqual([])
      const signIn = await client(second).auth.signInWithPassword({
        email: 'keeper@example.test',
        password: 'correct-horse-battery',
      })
      expect(signIn.error).toBeNull()
      const { data: groups } = await client(second).from('groups').select('slug')
      expect(groups).toHaveLength(5)
    } finally {
      await second.stop()
    }
  })

  // A reset replays every migration and plays the whole demo as its members (about 25 s on
  // this 2-core machine, more while other tests run).
  it('is rebuilt from the migrations and seed by db:reset', { timeout: 120_000 }, async () => {
    const { code, output } = await runCli(['reset'], cliEnv())
    expect(output).toContain('Rebuilt the local database')
    expect(code).toBe(0)
    const stack = await boot()
    try {
      const signIn = await client(stack).auth.signInWithPassword({
        email: 'keeper@example.test',
        password: 'correct-horse-battery',
      })
      expect(signIn.error?.code).toBe('invalid_credentials')
      const { data: groups } = await client(stack).from('groups').select('slug').order('position')
      expect(groups?.map((g) => g.slug)).toEqual(['buses', 'skills', 'schools', 'housing', 'tolls'])
    } finally {
      await stack.stop()
    }
  })

  it('says plainly when its port is taken, without a stack trace', async () => {
    const blocker = net.createServer().listen(ports.apiPort, '127.0.0.1')
    await new Promise((resolve) => blocker.once('listening', resolve))
    try {
      const { code, output } = await runCli(['start'], cliEnv())
      expect(code).toBe(1)
      expect(output).toContain(`Port ${ports.apiPort} (API gateway) is already in use`)
      expect(output).not.toMatch(/\n\s+at /)
    } finally {
      blocker.close()
    }
  })

  it('stops every service on Ctrl-C and leaves nothing listening', async () => {
    let signalled = false
    const { code, output } = await runCli(['start'], cliEnv(), (text, child) => {
      if (!signalled && text.includes('Press Ctrl-C to stop.')) {
        signalled = true
        child.kill('SIGINT')
      }
    })
    expect(output).toContain('anon key')
    expect(output).toContain('Stopped.')
    expect(code).toBe(0)
    expect(await isPortFree(ports.apiPort)).toBe(true)
    expect(await isPortFree(ports.dbPort)).toBe(true)
    expect(fs.existsSync(path.join(dir, 'db', 'postmaster.pid'))).toBe(false)
  })
})
