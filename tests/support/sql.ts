// Direct SQL as the database owner, for arranging state that no API role may create
// (such as the first admin). Assertions go through supabase-js, never through this.
import pg from 'pg'
import { afterAll } from 'vitest'
import { stackInfo } from './clients'

let pool: pg.Pool | null = null

export function sql() {
  if (!pool) {
    pool = new pg.Pool({ connectionString: stackInfo().dbUrl, max: 4 })
    const current = pool
    afterAll(() => current.end())
  }
  return pool
}
