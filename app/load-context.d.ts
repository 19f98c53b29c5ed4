import '@remix-run/node'

declare module '@remix-run/node' {
  interface AppLoadContext {
    cspNonce: string
    /** True only while server.ts runs the embedded local stack (development): the outbox page. */
    localOutbox: boolean
  }
}
