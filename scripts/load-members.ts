// Members for the local load scripts (seed-load.ts, review-load.ts): N accounts spread over
// every region, made directly in the database. One cheap bcrypt hash for all: they are for
// measuring, not for signing in. LOCAL stacks only.
import type pg from 'pg'

export async function ensureLoadMembers(db: pg.Client, count: number) {
  await db.query(
    `insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
       raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
     select '00000000-0000-0000-0000-000000000000', gen_random_uuid(), 'authenticated', 'authenticated',
       'load' || n || '@load.test', extensions.crypt('load-test-only', extensions.gen_salt('bf', 4)), now(),
       '{"provider":"email","providers":["email"]}', jsonb_build_object('display_name', 'Load member ' || n,
       'region', (array['liverpool','sefton','knowsley','st-helens','halton','wirral','elsewhere'])[1 + n % 7]), now(), now()
     from generate_series(1, $1) n
     where not exists (select 1 from auth.users where email = 'load' || n || '@load.test')`,
    [count],
  )
}
