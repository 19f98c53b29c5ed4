// The Database type that supabase-js is typed with must match the migrations.
import fs from 'node:fs/promises'
import prettier from 'prettier'
import { expect, it } from 'vitest'
import { generateDatabaseTypes } from '../../supabase/local/types'
import { stackInfo } from '../support/clients'

it('app/types/database.ts is generated from the current schema (run npm run db:types)', async () => {
  const generated = await generateDatabaseTypes(stackInfo().dbUrl)
  const options = (await prettier.resolveConfig('app/types/database.ts')) ?? {}
  const formatted = await prettier.format(generated, { ...options, parser: 'typescript' })
  expect(formatted).toBe(await fs.readFile('app/types/database.ts', 'utf8'))
})
