// Starts the production build (build/server.js) against the test stack, for app and browser
// tests. `npm test` builds first; without a build there is no app server to test.
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import type { LocalStack } from '../../supabase/local/stack'

const entry = path.resolve(import.meta.dirname, '../../build/server.js')

export async function startAppServer({ port, stack }: { port: number; stack: LocalStack }) {
  if (!fs.existsSync(entry)) return null
  const output: string[] = []
  const child = spawn(process.execPath, [entry], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      SUPABASE_URL: stack.apiUrl,
      SUPABASE_ANON_KEY: stack.anonKey,
      LOCAL_OUTBOX: 'true',
      REQUEST_LOG: 'false',
    },
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
  const deadline = Date.now() + 30_000
  for (;;) {
    if (!running) throw new Error(`The app server exited during start:\n${output.join('')}`)
    const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok, () => false)
    if (ok) break
    if (Date.now() > deadline) {
      child.kill('SIGKILL')
      throw new Error(`The app server did not answer in 30 s:\n${output.join('')}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
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
