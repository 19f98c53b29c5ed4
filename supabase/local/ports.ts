// Port helpers for the local stack: free ports for ephemeral stacks, and a clear refusal
// when a fixed port is already taken.
import net from 'node:net'

export class PortInUseError extends Error {
  constructor(
    readonly port: number,
    readonly service: string,
  ) {
    super(
      `Port ${port} (${service}) is already in use on 127.0.0.1. ` +
        `Stop whatever is using it (is another copy of the stack running?) ` +
        `or choose other ports with the environment variables in README.md.`,
    )
    this.name = 'PortInUseError'
  }
}

export function isPortFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer()
    server.once('error', () => resolve(false))
    server.listen({ port, host, exclusive: true }, () => {
      server.close(() => resolve(true))
    })
  })
}

export async function assertPortFree(port: number, service: string): Promise<void> {
  if (!(await isPortFree(port))) throw new PortInUseError(port, service)
}

// Ports handed out below Linux's ephemeral range (32768–60999): a port picked there and freed
// again until its server listens could meanwhile be taken by any outgoing connection (an HTTP
// request, a Postgres client), which on a busy test run sometimes happened.
const pickFrom = 20_000
const pickTo = 32_000

/** A port nobody listens on now, for a server about to start. */
export async function findFreePort(host = '127.0.0.1'): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = pickFrom + Math.floor(Math.random() * (pickTo - pickFrom))
    if (await isPortFree(port, host)) return port
  }
  return anyFreePort(host)
}

function anyFreePort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once('error', reject)
    server.listen({ port: 0, host, exclusive: true }, () => {
      const address = server.address()
      server.close(() => {
        if (address && typeof address === 'object') resolve(address.port)
        else reject(new Error('Could not determine a free port'))
      })
    })
  })
}

export function waitForPortClosed(port: number, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  return new Promise((resolve, reject) => {
    function check() {
      isPortFree(port).then((free) => {
        if (free) resolve()
        else if (Date.now() > deadline) reject(new Error(`Port ${port} is still in use`))
        else setTimeout(check, 50)
      })
    }
    check()
  })
}
