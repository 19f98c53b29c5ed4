import path from 'node:path'
import { defineConfig } from 'vitest/config'

// One test run boots one ephemeral stack (tests/setup/global.ts) that every kind of test
// shares: unit tests beside the code, database and stack tests, app tests through the
// Remix request handler, and browser tests.
export default defineConfig({
  resolve: { alias: { '~': path.resolve(import.meta.dirname, 'app') } },
  test: {
    include: ['app/**/*.test.{ts,tsx}', 'supabase/**/*.test.ts', 'tests/**/*.test.ts'],
    globalSetup: ['tests/setup/global.ts'],
    environment: 'node',
    pool: 'forks',
    poolOptions: { forks: { minForks: 1, maxForks: 3 } },
    testTimeout: 30_000,
    hookTimeout: 60_000,
    teardownTimeout: 30_000,
    // A browser test polls what the page shows; on a loaded 2-core CI machine a save can take
    // longer than expect.poll's default second.
    expect: { poll: { timeout: 10_000, interval: 50 } },
  },
})
