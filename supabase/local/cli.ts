// `npm run db:start` boots the local stack and prints its keys; `npm run db:reset` rebuilds
// its data from the migrations and seed.sql.
import fs from 'node:fs/promises'
import path from 'node:path'
import { describeStack, localStackOptions } from './config'
import { PortInUseError } from './ports'
import { onShutdown } from './signals'
import { startStack } from './stack'

async function start() {
  const began = Date.now()
  const stack = await startStack(localStackOptions())
  onShutdown(async () => {
    console.log('\nStopping the local stack…')
    await stack.stop()
    console.log('Stopped.')
  })
  const applied = stack.migrationsApplied.length
  console.log(
    `Started the local Supabase stack in ${((Date.now() - began) / 1000).toFixed(1)} s` +
      (stack.firstBoot
        ? ' (first boot: migrations and seed applied)'
        : applied
          ? ` (${applied} new migrations)`
          : '') +
      '.\n',
  )
  console.log(describeStack(stack))
  console.log('\nPress Ctrl-C to stop.')
}

async function reset() {
  const options = localStackOptions()
  const pid = await fs
    .readFile(path.join(options.dataDir, 'postmaster.pid'), 'utf8')
    .catch(() => null)
  if (pid && isAlive(Number(pid.split('\n')[0]))) {
    throw new Error(
      'The local stack is running on this data folder. Stop it (Ctrl-C) and run db:reset again.',
    )
  }
  await fs.rm(options.dataDir, { recursive: true, force: true })
  const stack = await startStack(options)
  await stack.stop()
  console.log(
    `Rebuilt the local database: ${stack.migrationsApplied.length} migrations and seed.sql applied.`,
  )
}

function isAlive(pid: number) {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

const command = process.argv[2] ?? 'start'
const commands: Record<string, () => Promise<void>> = { start, reset }
const run = commands[command]
if (!run) {
  console.error(`Unknown command "${command}". Use: start | reset`)
  process.exit(2)
}
run().catch((error: unknown) => {
  if (error instanceof PortInUseError) console.error(error.message)
  else console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
