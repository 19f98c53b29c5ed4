// The rules of Supabase's database linter that guard the API, checked on the migrated schema
// with our own catalog queries (scripts/db-lint.ts runs the linter itself): what the anon key
// and a free sign-up can reach through PostgREST's exposed schema.
import { describe, expect, it } from 'vitest'
import { sql } from '../support/sql'

async function rows(query: string) {
  return (await sql().query<{ name: string }>(query)).rows.map((row) => row.name)
}

describe('the exposed schema', () => {
  it('has row level security on every table', async () => {
    const unprotected = await rows(`
      select c.relname as name from pg_catalog.pg_class c
      where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p')
        and not c.relrowsecurity order by 1`)
    expect(unprotected).toEqual([])
  })

  it('has no security definer function that anon or signed-in members may execute', async () => {
    const exposed = await rows(`
      select p.proname || '(' || pg_catalog.pg_get_function_identity_arguments(p.oid) || ')' as name
      from pg_catalog.pg_proc p
      where p.pronamespace = 'public'::regnamespace and p.prosecdef
        and (pg_catalog.has_function_privilege('anon', p.oid, 'EXECUTE')
          or pg_catalog.has_function_privilege('authenticated', p.oid, 'EXECUTE'))
      order by 1`)
    expect(exposed).toEqual([])
  })

  it('has views that run with the privileges of the caller', async () => {
    const definerViews = await rows(`
      select c.relname as name from pg_catalog.pg_class c
      where c.relnamespace = 'public'::regnamespace and c.relkind = 'v'
        and not coalesce(c.reloptions @> array['security_invoker=true'], false)
      order by 1`)
    expect(definerViews).toEqual([])
  })

  it('pins the search path of every function of ours', async () => {
    const mutable = await rows(`
      select n.nspname || '.' || p.proname as name
      from pg_catalog.pg_proc p join pg_catalog.pg_namespace n on n.oid = p.pronamespace
      left join pg_catalog.pg_depend d on d.objid = p.oid and d.deptype = 'e'
      where n.nspname in ('public', 'private') and d.objid is null and p.prokind = 'f'
        and not exists (select 1 from unnest(coalesce(p.proconfig, '{}')) c where c like 'search_path=%')
      order by 1`)
    expect(mutable).toEqual([])
  })
})
