// How the local stack restarts a service that died: after 250 ms, then twice as long each time
// up to 5 s, and not at all after 20 failed restarts in a row (something is wrong that a restart
// will not fix, and the log says so).
export type Supervision = {
  /** Where restarts are reported (the dev server's console). */
  log(line: string): void
  initialDelayMs?: number
  maxDelayMs?: number
  maxRestarts?: number
}

/** The wait before restart number `failures + 1`, or null when it is time to give up. */
export function nextDelay(supervision: Supervision, failures: number): number | null {
  if (failures >= (supervision.maxRestarts ?? 20)) return null
  const initial = supervision.initialDelayMs ?? 250
  return Math.min(initial * 2 ** failures, supervision.maxDelayMs ?? 5000)
}
