// What the global setup shares with every test file.
export type StackInfo = {
  apiUrl: string
  anonKey: string
  serviceRoleKey: string
  dbUrl: string
  jwtSecret: string
  /** Where the production app server listens, when the run includes app or browser tests. */
  appUrl: string | null
}

declare module 'vitest' {
  export interface ProvidedContext {
    stack: StackInfo
  }
}
