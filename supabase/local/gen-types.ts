// `npm run db:types`: applies the migrations to a throw-away database and writes the
// Database type that supabase-js is typed with (app/types/database.ts) and the schema as it
// now is, in one readable file (supabase/schema.sql).
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { migrate } from './migrate'
import { projectRoot } from './paths'
import { findFreePort } from './ports'
import { startPostgres } from './postgres'
import { dumpSchema } from './schema-dump'
import { generateDatabaseTypes } from './types'

export const databaseTypesFile = path.join(projectRoot, 'app', 'types', 'database.ts')
export const schemaFile = path.join(projectRoot, 'supabase', 'schema.sql')

const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'policy-forum-types-'))
await fs.chmod(dir, 0o755)
const postgres = await startPostgres({
  dataDir: path.join(dir, 'db'),
  port: await findFreePort(),
  password: 'postgres',
  durable: false,
})
try {
  await migrate(postgres.url, { authenticatorPassword: 'unused-here', seed: false })
  await fs.writeFile(databaseTypesFile, await generateDatabaseTypes(postgres.url))
  console.log(`Wrote ${path.relative(projectRoot, databaseTypesFile)}`)
  await fs.writeFile(schemaFile, await dumpSchema(postgres.url))
  console.log(`Wrote ${path.relative(projectRoot, schemaFile)}`)
} finally {
  await postgres.stop()
  await fs.rm(dir, { recursive: true, force: true })
}
