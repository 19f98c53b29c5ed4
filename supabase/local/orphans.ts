// What a stack that was killed outright (kill -9, out of memory) leaves running: its Postgres and
// its PostgREST outlive it. Each stack records in its folder which process owns it and which
// PostgREST it started; the next start on that folder stops what a dead owner left behind, and
// refuses only while the owner is still alive.
import { readFileSync } from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'

type StackRecord = { owner: number; postgrest?: number }

const recordFile = (dataDir: string) => path.join(path.dirname(dataDir), 'stack-processes.json')

export async function recordStackProcesses(dataDir: string, record: StackRecord) {
  const file = recordFile(dataDir)
  const temporary = `${file}.${process.pid}`
  await fs.mkdir(path.dirname(file), { recursive: true })
  await fs.writeFile(temporary, JSON.stringify(record))
  await fs.rename(temporary, file)
}

export async function forgetStackProcesses(dataDir: string) {
  const file = recordFile(dataDir)
  const record = await readRecord(file)
  if (record?.owner === process.pid) await fs.rm(file, { force: true })
}

/** Stops the Postgres and PostgREST a dead stack left on this folder; refuses if its owner lives. */
export async function stopOrphans(dataDir: string, log: (line: string) => void = () => {}) {
  const record = await readRecord(recordFile(dataDir))
  const postmaster = await postmasterPid(dataDir)
  if (record && record.owner !== process.pid && isAlive(record.owner))
    throw new Error(
      `Another local stack (process ${record.owner}) is running on ${path.dirname(dataDir)}. ` +
        `Stop it first (Ctrl-C where it runs), or set LOCAL_STACK_DIR to use another folder.`,
    )
  if (postmaster && !record)
    throw new Error(
      `Another Postgres (pid ${postmaster}) is already running on ${dataDir}. ` +
        `Stop the other copy of the local stack first.`,
    )
  if (record?.postgrest && isAlive(record.postgrest) && (await isPostgrest(record.postgrest))) {
    log(`Stopping the PostgREST (pid ${record.postgrest}) a stopped stack left running.`)
    await terminate(record.postgrest, 'SIGTERM')
  }
  if (postmaster) {
    log(`Stopping the Postgres (pid ${postmaster}) a stopped stack left running on ${dataDir}.`)
    // A fast shutdown: open sessions are ended, the data on disk stays consistent.
    await terminate(postmaster, 'SIGINT')
  }
  await fs.rm(recordFile(dataDir), { force: true })
}

async function readRecord(file: string): Promise<StackRecord | null> {
  const text = await fs.readFile(file, 'utf8').catch(() => null)
  if (!text) return null
  try {
    const record = JSON.parse(text) as StackRecord
    return Number.isInteger(record.owner) ? record : null
  } catch {
    return null
  }
}

async function postmasterPid(dataDir: string) {
  const content = await fs.readFile(path.join(dataDir, 'postmaster.pid'), 'utf8').catch(() => null)
  const pid = Number(content?.split('\n')[0])
  return Number.isInteger(pid) && pid > 0 && isAlive(pid) ? pid : null
}

async function isPostgrest(pid: number) {
  const commandLine = await fs.readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => null)
  // Where /proc is missing (macOS), trust the record: the pid was PostgREST when written.
  return commandLine === null || /postgrest/.test(commandLine)
}

/** Whether a process exists, as a zombie (exited, not yet reaped by its parent) or not. */
function exists(pid: number) {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** Whether a process runs: it exists and is not a zombie, which holds no ports or files. */
export function isAlive(pid: number) {
  if (!exists(pid)) return false
  try {
    return !/\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'))
  } catch {
    return true // no /proc here (macOS): trust kill(pid, 0)
  }
}

async function terminate(pid: number, signal: NodeJS.Signals) {
  try {
    process.kill(pid, signal)
  } catch {
    return
  }
  const deadline = Date.now() + 15_000
  let killed = false
  while (isAlive(pid)) {
    if (!killed && Date.now() > deadline) {
      process.kill(pid, 'SIGKILL')
      killed = true
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}
