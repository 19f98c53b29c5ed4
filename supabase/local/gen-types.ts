// `npm run db:types`: applies the migrations to a throw-away database and writes the
// Database type that supabase-js is typed with (app/types/database.ts).
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { migrate } from './migrate'
import { projectRoot } from './paths'
import { findFreePort } from './ports'
import { startPostgres } from './postgres'
import { generateDatabaseTypes } from './types'

export const databaseTypesFile = path.join(projectRoot, 'app', 'types', 'database.ts')

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
} finally {
  await postgres.stop()
  await fs.rm(dir, { recursive: true, force: true })
}
