// supabase/schema.sql is the schema as the migrations leave it, so it can be read in one place.
import fs from 'node:fs/promises'
import { expect, it } from 'vitest'
import { dumpSchema } from '../../supabase/local/schema-dump'
import { stackInfo } from '../support/clients'

it('supabase/schema.sql is the current schema (run npm run db:types)', async () => {
  expect(await dumpSchema(stackInfo().dbUrl)).toBe(await fs.readFile('supabase/schema.sql', 'utf8'))
})
