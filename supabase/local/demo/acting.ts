// Acting as a member inside the demo's transaction, exactly as PostgREST does for a request:
// the role `authenticated` and the JWT claims of that member, so every policy, grant, trigger,
// rate limit and flood limit applies. Between acts the database owner moves the timestamps
// the act just wrote (all equal to the transaction's now()) to the moment of the story it
// belongs to, in the columns the schema lets its owner date: not votes (their trigger ignores
// a change that is not a new vote), not the audit log (append-only) and not the candidate's
// answers (their updated_at follows the clock), which all keep the real time of the seed.
import type pg from 'pg'

export type Db = pg.ClientBase

const datedColumns: Array<[table: string, columns: string[]]> = [
  ['public.profiles', ['created_at']],
  ['public.site_roles', ['granted_at']],
  ['public.group_members', ['requested_at', 'joined_at', 'participated_at']],
  ['public.proposals', ['created_at', 'updated_at', 'published_at']],
  ['public.proposal_authors', ['added_at', 'accepted_at']],
  ['public.proposal_revisions', ['created_at', 'updated_at']],
  ['public.comments', ['created_at', 'edited_at', 'hidden_at']],
  ['public.notifications', ['created_at']],
  ['public.flags', ['created_at', 'resolved_at']],
]

/** A function in this session only (pg_temp): it leaves nothing in the schema. */
export async function prepareActing(db: Db) {
  const updates = datedColumns
    .flatMap(([table, columns]) =>
      columns.map((column) => `update ${table} set ${column} = story where ${column} = now();`),
    )
    .join('\n    ')
  await db.query(`
    create function pg_temp.date_the_act(story timestamptz) returns void
    language plpgsql as $$
    begin
    ${updates}
    end;
    $$`)
}

/** Runs `work` as the member (or as the owner when `member` is null), then dates what it wrote. */
export async function act<T>(
  db: Db,
  member: string | null,
  story: Date,
  work: (db: Db) => Promise<T>,
): Promise<T> {
  if (story.getTime() >= Date.now())
    throw new Error(`The demo dated an act in the future: ${story.toISOString()}`)
  if (member) {
    await actAs(db, member)
    await db.query('set local role authenticated')
  }
  let result: T
  try {
    result = await work(db)
  } finally {
    await db.query('reset role')
    await db.query(`select set_config('request.jwt.claims', '', true)`)
  }
  await db.query('select pg_temp.date_the_act($1)', [story.toISOString()])
  return result
}

/** Switches the claims to another member within an act (the role stays `authenticated`). */
export async function actAs(db: Db, member: string) {
  await db.query(`select set_config('request.jwt.claims', $1, true)`, [
    JSON.stringify({ sub: member, role: 'authenticated' }),
  ])
}

/** A small deterministic generator, so every reset builds the same demo. */
export function randomFrom(seedText: string) {
  let seed = 2166136261
  for (const char of seedText) seed = Math.imul(seed ^ char.charCodeAt(0), 16777619)
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
