// The local stack heals: PostgREST or Postgres killed under it is started again (a line in the
// log for each restart) and requests succeed again with nothing restarted by hand; a stack
// process killed outright leaves orphans that the next start stops instead of failing.
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { isAlive } from '../../supabase/local/orphans'
import { findFreePort } from '../../supabase/local/ports'
import { startStack, type LocalStack } from '../../supabase/local/stack'
import { clientOf } from '../support/own-stack'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-forum-heal-'))
fs.chmodSync(dir, 0o755)
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

async function groupSlugs(stack: LocalStack) {
  const { data, error } = await clientOf(stack).from('groups').select('slug').order('slug')
  return error ? null : data.map((group) => group.slug)
}

/** Waits for the stack to answer again, and says how long that took. */
async function recovery(stack: LocalStack) {
  const began = Date.now()
  await expect.poll(() => groupSlugs(stack), { timeout: 30_000, interval: 50 }).toContain('buses')
  return Date.now() - began
}

describe('a supervised stack', () => {
  let stack: LocalStack
  const log: string[] = []
  beforeAll(async () => {
    stack = await startStack({
      dataDir: path.join(dir, 'supervised', 'db'),
      apiPort: await findFreePort(),
      dbPort: await findFreePort(),
      siteUrl: 'http://127.0.0.1:1',
      durable: false,
      bcryptCost: 4,
      supervise: { log: (line) => log.push(line) },
    })
  }, 120_000)
  afterAll(() => stack?.stop())

  it('starts PostgREST again when it is killed', async () => {
    expect(await groupSlugs(stack)).toContain('buses')
    const before = stack.processes().postgrest!
    process.kill(before, 'SIGKILL')
    const took = await recovery(stack)
    console.log(`PostgREST killed: requests succeeded again after ${took} ms`)
    expect(stack.processes().postgrest).not.toBe(before)
    expect(isAlive(before)).toBe(false)
    expect(log).toContain('PostgREST exited (SIGKILL); restarting it in 250 ms.')
    await expect.poll(() => log).toContain('PostgREST is running again.')
  })

  it('starts Postgres again when it is killed, and PostgREST reconnects by itself', async () => {
    const before = stack.processes()
    process.kill(before.postgres!, 'SIGKILL')
    // The next request fails while Postgres is down…
    await expect.poll(() => groupSlugs(stack), { timeout: 10_000, interval: 20 }).toBeNull()
    // …and they succeed again without anyone restarting anything.
    const took = await recovery(stack)
    console.log(`Postgres killed: requests succeeded again after ${took} ms`)
    expect(stack.processes().postgres).not.toBe(before.postgres)
    expect(stack.processes().postgrest).toBe(before.postgrest)
    expect(log).toContain('Postgres exited (SIGKILL); restarting it in 250 ms.')
    await expect.poll(() => log).toContain('Postgres is running again.')
  })

  it('delivers Realtime messages from the database again after Postgres restarted', async () => {
    // Runs after the test above: the Realtime service's LISTEN connection was cut with Postgres.
    const client = clientOf(stack)
    const heard: unknown[] = []
    const channel = client.channel('heal-check')
    channel.on('broadcast', { event: 'ping' }, (message) => heard.push(message.payload))
    await new Promise<void>((resolve) =>
      channel.subscribe((status) => status === 'SUBSCRIBED' && resolve()),
    )
    const db = new pg.Client({ connectionString: stack.dbUrl })
    await db.connect()
    try {
      await expect
        .poll(
          async () => {
            await db.query(`select realtime.send('{"n": 1}', 'ping', 'heal-check', false)`)
            return heard.length
          },
          { timeout: 10_000, interval: 250 },
        )
        .toBeGreaterThan(0)
    } finally {
      await db.end()
      await client.removeChannel(channel)
    }
  })
})

describe('a stack process killed outright', () => {
  const stackDir = path.join(dir, 'killed')

  function startCli(env: NodeJS.ProcessEnv) {
    // node itself, not the tsx wrapper: the process killed is the one that owns the stack.
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.resolve('supabase/local/cli.ts'), 'start'],
      { env, stdio: ['ignore', 'pipe', 'pipe'] },
    )
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve))
    return {
      child,
      exited,
      output: () => output,
      async ready() {
        const deadline = Date.now() + 90_000
        while (!output.includes('Press Ctrl-C to stop.')) {
          if (Date.now() > deadline || child.exitCode !== null)
            throw new Error(`db:start did not start:\n${output}`)
          await new Promise((resolve) => setTimeout(resolve, 100))
        }
      },
    }
  }

  function stackPids() {
    const record = JSON.parse(
      fs.readFileSync(path.join(stackDir, 'stack-processes.json'), 'utf8'),
    ) as { owner: number; postgrest: number }
    const postmaster = Number(
      fs.readFileSync(path.join(stackDir, 'db', 'postmaster.pid'), 'utf8').split('\n')[0],
    )
    return { ...record, postmaster }
  }

  it(
    'leaves orphans that the next start stops, instead of "port in use"',
    { timeout: 240_000 },
    async () => {
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        LOCAL_STACK_DIR: stackDir,
        SUPABASE_API_PORT: String(await findFreePort()),
        SUPABASE_DB_PORT: String(await findFreePort()),
      }
      const first = startCli(env)
      await first.ready()
      const orphans = stackPids()
      expect(orphans.owner).toBe(first.child.pid)
      first.child.kill('SIGKILL')
      await first.exited
      // What kill -9 leaves: Postgres and PostgREST still running, with nobody to stop them.
      expect(isAlive(orphans.postmaster)).toBe(true)
      expect(isAlive(orphans.postgrest)).toBe(true)

      const second = startCli(env)
      try {
        await second.ready()
        expect(second.output()).toContain(
          `Stopping the PostgREST (pid ${orphans.postgrest}) a stopped stack left running.`,
        )
        expect(second.output()).toContain(`Stopping the Postgres (pid ${orphans.postmaster})`)
        expect(isAlive(orphans.postmaster)).toBe(false)
        expect(isAlive(orphans.postgrest)).toBe(false)
        const now = stackPids()
        expect(now.owner).toBe(second.child.pid)

        // A third copy on the same folder, while the second runs, is refused with a sentence.
        const third = startCli(env)
        expect(await third.exited).toBe(1)
        expect(third.output()).toContain(
          `Another local stack (process ${second.child.pid}) is running on ${stackDir}.`,
        )
        expect(isAlive(now.postmaster)).toBe(true)

        second.child.kill('SIGINT')
        expect(await second.exited).toBe(0)
        expect(isAlive(now.postmaster)).toBe(false)
        expect(isAlive(now.postgrest)).toBe(false)
        expect(fs.existsSync(path.join(stackDir, 'stack-processes.json'))).toBe(false)
      } finally {
        // Whatever failed, leave no process behind.
        const left = fs.existsSync(path.join(stackDir, 'stack-processes.json')) ? stackPids() : null
        if (second.child.exitCode === null) second.child.kill('SIGKILL')
        for (const pid of [
          orphans.postmaster,
          orphans.postgrest,
          left?.postmaster,
          left?.postgrest,
        ])
          if (pid && isAlive(pid)) process.kill(pid, 'SIGKILL')
      }
    },
  )
})
