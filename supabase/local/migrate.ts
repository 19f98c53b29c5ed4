// Brings a database up to date: the platform bootstrap, then every migration that has not
// run yet (recorded as the Supabase CLI records them), then the seed on first boot.
import fs from 'node:fs/promises'
import path from 'node:path'
import pg from 'pg'

import { seedDemo } from './demo/seed'
import { supabaseDir } from './paths'

const migrationsDir = path.join(supabaseDir, 'migrations')

export type MigrationResult = { applied: string[]; seeded: boolean }

export async function migrate(
  databaseUrl: string,
  options: { authenticatorPassword: string; seed: boolean; demoAccounts?: boolean },
): Promise<MigrationResult> {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    await client.query(await fs.readFile(path.join(supabaseDir, 'local', 'bootstrap.sql'), 'utf8'))
    await client.query(
      `alter role authenticator with login password ${client.escapeLiteral(options.authenticatorPassword)}`,
    )
    const { rows } = await client.query<{ version: string }>(
      'select version from supabase_migrations.schema_migrations',
    )
    const done = new Set(rows.map((row) => row.version))
    const applied: string[] = []
    for (const file of await listMigrations()) {
      if (done.has(file.version)) continue
      const sql = await fs.readFile(path.join(migrationsDir, file.name), 'utf8')
      await inTransaction(client, `migration ${file.name}`, async () => {
        await client.query(sql)
        await client.query(
          'insert into supabase_migrations.schema_migrations (version, name, statements) values ($1, $2, $3)',
          [file.version, file.label, [sql]],
        )
      })
      applied.push(file.name)
    }
    let seeded = false
    if (options.seed) {
      const seed = await fs.readFile(path.join(supabaseDir, 'seed.sql'), 'utf8').catch(() => '')
      if (seed.trim()) {
        await inTransaction(client, 'seed.sql', () => client.query(seed))
        seeded = true
      }
      if (options.demoAccounts) {
        // One transaction: a demo that breaks a rule leaves nothing half-made behind.
        await inTransaction(client, 'the demo (supabase/local/demo)', () => seedDemo(client))
      }
    }
    if (applied.length) await client.query(`notify pgrst, 'reload schema'`)
    return { applied, seeded }
  } finally {
    await client.end()
  }
}

async function listMigrations() {
  const names = (await fs.readdir(migrationsDir)).filter((name) => name.endsWith('.sql')).sort()
  return names.map((name) => {
    const match = /^(\d{14})_(.+)\.sql$/.exec(name)
    if (!match) throw new Error(`Migration ${name} is not named <14-digit timestamp>_<name>.sql`)
    return { name, version: match[1], label: match[2] }
  })
}

async function inTransaction(client: pg.Client, what: string, work: () => Promise<unknown>) {
  await client.query('begin')
  try {
    await work()
    await client.query('commit')
  } catch (error) {
    await client.query('rollback')
    const message = error instanceof Error ? error.message : String(error)
    throw new Error(`${what} failed: ${message}`)
  }
}
