// `npm run db:start` boots the local stack and prints its keys; `npm run db:reset` rebuilds
// its data from the migrations and seed.sql.
import fs from 'node:fs/promises'
import { describeStack, localStackOptions } from './config'
import { stopOrphans } from './orphans'
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
  // Refuses while a stack runs on this folder; stops what a killed one left behind.
  await stopOrphans(options.dataDir, options.log)
  await fs.rm(options.dataDir, { recursive: true, force: true })
  const stack = await startStack(options)
  await stack.stop()
  console.log(
    `Rebuilt the local database: ${stack.migrationsApplied.length} migrations, seed.sql and the demo (supabase/local/demo) applied.`,
  )
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
