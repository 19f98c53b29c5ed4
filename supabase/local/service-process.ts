// A server started as a child process: its recent output kept for error messages, ready once
// an HTTP address answers 200, stopped with SIGTERM (SIGKILL after 5 s). Used for PostgREST
// and, in tests, for the production app server. A supervised service that dies on its own is
// started again after a bounded backoff, with a line in the log for each restart.
import { spawn, type ChildProcess } from 'node:child_process'
import { nextDelay, type Supervision } from './supervision'

export type ServiceProcess = {
  output: string[]
  /** The running child's process id (it changes when a supervised service restarts). */
  pid(): number | undefined
  stop(): Promise<void>
}

export type ServiceOptions = {
  name: string
  command: string
  args?: string[]
  env: Record<string, string>
  cwd?: string
  readyUrl: string
  timeoutMs?: number
  /** Restart the service when it exits without being asked to. */
  supervise?: Supervision
  /** Told the process id of every child started. */
  onLaunch?: (pid: number) => void
}

export async function startServiceProcess(options: ServiceOptions): Promise<ServiceProcess> {
  const output: string[] = []
  let child: ChildProcess | null = null
  let exited: Promise<void> = Promise.resolve()
  let stopping = false
  let restartTimer: NodeJS.Timeout | null = null
  let failures = 0
  let started = false

  const remember = (chunk: Buffer) => {
    output.push(chunk.toString())
    if (output.length > 200) output.shift()
  }

  async function launch() {
    const current = spawn(options.command, options.args ?? [], {
      stdio: ['ignore', 'pipe', 'pipe'],
      cwd: options.cwd,
      env: { ...({} as NodeJS.ProcessEnv), PATH: process.env.PATH ?? '', ...options.env },
    })
    child = current
    if (current.pid) options.onLaunch?.(current.pid)
    current.stdout?.on('data', remember)
    current.stderr?.on('data', remember)
    let running = true
    const startedAt = Date.now()
    exited = new Promise<void>((resolve) =>
      current.once('exit', (code, signal) => {
        running = false
        resolve()
        if (started && !stopping && options.supervise && child === current)
          scheduleRestart(code, signal, Date.now() - startedAt)
      }),
    )
    const timeoutMs = options.timeoutMs ?? 20_000
    const deadline = Date.now() + timeoutMs
    for (;;) {
      if (!running) throw new Error(`${options.name} exited during start:\n${output.join('')}`)
      const status = await fetch(options.readyUrl, { signal: AbortSignal.timeout(1000) }).then(
        (response) => response.status,
        () => 0,
      )
      if (status === 200) return
      if (Date.now() > deadline) {
        current.kill('SIGKILL')
        throw new Error(
          `${options.name} did not become ready in ${timeoutMs / 1000} s:\n${output.join('')}`,
        )
      }
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
  }

  function scheduleRestart(code: number | null, signal: string | null, upForMs: number) {
    const supervision = options.supervise!
    // A service that ran a good while before dying starts again with the shortest delay.
    if (upForMs > 30_000) failures = 0
    const delay = nextDelay(supervision, failures)
    if (delay === null) {
      supervision.log(
        `${options.name} keeps failing (${failures} restarts in a row); not restarting it again.`,
      )
      return
    }
    failures++
    supervision.log(
      `${options.name} exited (${signal ?? `code ${code}`}); restarting it in ${delay} ms.`,
    )
    restartTimer = setTimeout(() => {
      restartTimer = null
      if (stopping) return
      launch().then(
        () => supervision.log(`${options.name} is running again.`),
        (error: unknown) =>
          supervision.log(
            `${options.name} did not restart: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
          ),
      )
    }, delay)
  }

  await launch()
  started = true

  return {
    output,
    pid: () => child?.pid,
    async stop() {
      stopping = true
      if (restartTimer) clearTimeout(restartTimer)
      const current = child
      if (!current || current.exitCode !== null || current.signalCode !== null) return
      current.kill('SIGTERM')
      const timer = setTimeout(() => current.kill('SIGKILL'), 5000)
      await exited
      clearTimeout(timer)
    },
  }
}
