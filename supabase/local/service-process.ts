// A server started as a child process: its recent output kept for error messages, ready once
// an HTTP address answers 200, stopped with SIGTERM (SIGKILL after 5 s). Used for PostgREST
// and, in tests, for the production app server.
import { spawn } from 'node:child_process'

export type ServiceProcess = { output: string[]; stop(): Promise<void> }

export async function startServiceProcess(options: {
  name: string
  command: string
  args?: string[]
  env: Record<string, string>
  cwd?: string
  readyUrl: string
  timeoutMs?: number
}): Promise<ServiceProcess> {
  const output: string[] = []
  const child = spawn(options.command, options.args ?? [], {
    stdio: ['ignore', 'pipe', 'pipe'],
    cwd: options.cwd,
    env: { ...({} as NodeJS.ProcessEnv), PATH: process.env.PATH ?? '', ...options.env },
  })
  const remember = (chunk: Buffer) => {
    output.push(chunk.toString())
    if (output.length > 200) output.shift()
  }
  child.stdout.on('data', remember)
  child.stderr.on('data', remember)
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  let running = true
  void exited.then(() => (running = false))

  const timeoutMs = options.timeoutMs ?? 20_000
  const deadline = Date.now() + timeoutMs
  for (;;) {
    if (!running) throw new Error(`${options.name} exited during start:\n${output.join('')}`)
    const status = await fetch(options.readyUrl, { signal: AbortSignal.timeout(1000) }).then(
      (response) => response.status,
      () => 0,
    )
    if (status === 200) break
    if (Date.now() > deadline) {
      child.kill('SIGKILL')
      throw new Error(
        `${options.name} did not become ready in ${timeoutMs / 1000} s:\n${output.join('')}`,
      )
    }
    await new Promise((resolve) => setTimeout(resolve, 50))
  }

  return {
    output,
    async stop() {
      if (!running) return
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000)
      await exited
      clearTimeout(timer)
    },
  }
}
