// Runs Supabase's database linter (splinter) on a freshly migrated throw-away database and
// prints its findings. The linter is not part of this repository: pass the path of
// `splinter.sql` from the public supabase/splinter repository.
//   npx tsx scripts/db-lint.ts path/to/splinter.sql [--all]
// Exits 1 when there is an ERROR or a SECURITY warning (--all lists every level).
import { randomBytes } from 'node:crypto'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { findFreePort } from '../supabase/local/ports'
import { startStack } from '../supabase/local/stack'

type Finding = { name: string; level: string; categories: string[]; detail: string }

const [splinterPath, ...flags] = process.argv.slice(2)
if (!splinterPath) {
  console.error('Usage: npx tsx scripts/db-lint.ts path/to/splinter.sql [--all]')
  process.exit(2)
}
const linter = await fs.readFile(splinterPath, 'utf8')
const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'policy-forum-lint-'))
await fs.chmod(dir, 0o755)
const stack = await startStack({
  dataDir: path.join(dir, 'db'),
  apiPort: await findFreePort(),
  dbPort: await findFreePort(),
  siteUrl: 'http://127.0.0.1:9',
  jwtSecret: randomBytes(32).toString('hex'),
  durable: false,
})
let failing = 0
try {
  const client = new pg.Client({ connectionString: stack.dbUrl })
  await client.connect()
  await client.query('begin')
  // PostgREST's exposed schemas, as on a Supabase project (supabase/local/postgrest.ts).
  await client.query(`set local pgrst.db_schemas = 'public'`)
  // splinter.sql is several statements (a `set local`, then the query): keep the last result.
  const results = (await client.query(linter)) as unknown as pg.QueryResult | pg.QueryResult[]
  const rows = (Array.isArray(results) ? results.at(-1)!.rows : results.rows) as Finding[]
  await client.query('rollback')
  await client.end()
  const serious = (f: Finding) => f.level === 'ERROR' || f.categories.includes('SECURITY')
  const shown = flags.includes('--all') ? rows : rows.filter(serious)
  for (const f of shown) console.log(`${f.level.padEnd(5)} ${f.name}: ${f.detail}`)
  const count = (level: string) => rows.filter((f) => f.level === level).length
  failing = rows.filter(serious).length
  console.log(
    `\n${rows.length} findings: ${count('ERROR')} errors, ${count('WARN')} warnings ` +
      `(${rows.filter((f) => f.level === 'WARN' && f.categories.includes('SECURITY')).length} security), ${count('INFO')} info.`,
  )
} finally {
  await stack.stop()
  await fs.rm(dir, { recursive: true, force: true })
}
process.exit(failing ? 1 : 0)
