// Runs one fixture of this folder (RED_RUN_FIXTURE) through the suite's own global setup, so
// tests/stack/red-run.test.ts can prove the real runner's exit status reports failures.
import { defineConfig } from 'vitest/config'
import suite from '../../../vitest.config'

const fixture = process.env.RED_RUN_FIXTURE ?? 'missing'

export default defineConfig({
  ...suite,
  test: { ...suite.test, include: [`tests/stack/red-run/${fixture}.fixture.ts`] },
})
