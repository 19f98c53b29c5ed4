// Seeds the bench's throw-away stack in a few set-based statements, as postgres.
//
// Proposals go in through their real triggers (authors, search text, revisions, and the
// group's listing counters). Votes and comments are bulk rows: inserted with triggers off
// (session_replication_role = replica), then every counter, tally and score they drive is
// recomputed set-based from those rows, exactly as the triggers would have left them —
// private.counter_drift() checks it at the end.
import type pg from 'pg'

export type SeedSizes = {
  proposals: number
  votes: number
  members: number
  comments: number
  /** Comments on the one long thread (the bench's "500 comments" page). */
  longThread: number
  /** Comments on the short thread (the bench's "10 comments" page). */
  shortThread: number
}

export type Seeded = {
  groupId: string
  groupSlug: string
  longProposalId: string
  shortProposalId: string
  memberEmail: string
  /** The group's facilitator (its console) and the candidate (the review); same password. */
  facilitatorEmail: string
  candidateEmail: string
  memberPassword: string
}

const memberPassword = 'bench-only-password'

export async function seed(
  db: pg.Client,
  sizes: SeedSizes,
  log: (line: string) => void,
): Promise<Seeded> {
  if (sizes.votes > sizes.proposals * sizes.members)
    throw new Error('More votes than members × proposals: each member votes once per proposal.')
  if (sizes.proposals < 3) throw new Error('The bench needs at least 3 proposals.')
  const started = Date.now()
  const step = async (label: string, sql: string, params: unknown[] = []) => {
    await db.query(sql, params)
    log(`  ${label} (${((Date.now() - started) / 1000).toFixed(1)} s)`)
  }

  await step(
    `${sizes.members} members`,
    `with hash as (select extensions.crypt($2, extensions.gen_salt('bf', 4)) as h)
     insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
       raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
     select '00000000-0000-0000-0000-000000000000', gen_random_uuid(), 'authenticated', 'authenticated',
       'bench' || n || '@bench.test', hash.h, now(),
       '{"provider":"email","providers":["email"]}', jsonb_build_object('display_name', 'Bench member ' || n,
       'region', (array['liverpool','sefton','knowsley','st-helens','halton','wirral','elsewhere'])[1 + n % 7]),
       now(), now()
     from generate_series(1, $1) n, hash`,
    [sizes.members, memberPassword],
  )
  const {
    rows: [group],
  } = await db.query<{ id: string }>(
    `insert into public.groups (slug, name, summary, horizon)
     values ('bench', 'Bench', 'A heavy group for measuring page times.', 'strategic') returning id`,
  )
  await step(
    'memberships',
    `insert into public.group_members (group_id, user_id)
     select $1, id from auth.users where email like 'bench%@bench.test'`,
    [group.id],
  )
  await db.query(`create temporary table bench_members as
    select (row_number() over (order by u.created_at, u.id) - 1)::int as n, u.id, p.region
    from auth.users u join public.profiles p on p.id = u.id where u.email like 'bench%@bench.test'`)
  await db.query('create index on bench_members (n)')

  // Mostly open, some shortlisted, forwarded and archived; two pinned. Number 1 is the long
  // thread, number 2 the short one.
  await step(
    `${sizes.proposals} proposals`,
    `insert into public.proposals (group_id, author_id, title, summary, body, status, published_at, pinned)
     select $1, m.id, 'Bench proposal number ' || g.i, 'A proposal made to measure page times.',
       jsonb_build_object('type', 'doc', 'content', jsonb_build_array(jsonb_build_object('type', 'paragraph',
         'content', jsonb_build_array(jsonb_build_object('type', 'text', 'text', repeat('Words of a proposal. ', 40)))))),
       (case when g.i % 10 = 3 then 'shortlisted' when g.i % 20 = 7 then 'forwarded'
             when g.i % 10 = 9 then 'archived' else 'open' end)::public.proposal_status,
       now() - (g.i || ' minutes')::interval, g.i in (5, 50)
     from generate_series(1, $2) g(i) join bench_members m on m.n = g.i % $3`,
    [group.id, sizes.proposals, sizes.members],
  )
  await db.query(
    `create temporary table bench_proposals as
    select (row_number() over (order by published_at desc, id) - 1)::int as n, id
    from public.proposals where group_id = $1`,
    [group.id],
  )
  await db.query('create index on bench_proposals (n)')

  await db.query('set session_replication_role = replica')
  try {
    // Vote k: proposal k mod P, from member (k div P + 7·p) mod M — distinct per proposal.
    // Each proposal has its own share of support, so the rankings differ.
    await step(
      `${sizes.votes} votes`,
      `insert into public.votes (proposal_id, user_id, value, region, created_at, updated_at)
       select p.id, m.id,
         case when random() < 0.25 + 0.6 * ((p.n * 37) % 100) / 100.0 then 1 else -1 end,
         m.region, now() - (k % 10000 || ' seconds')::interval, now() - (k % 10000 || ' seconds')::interval
       from generate_series(0, $1 - 1) k
       join bench_proposals p on p.n = k % $2
       join bench_members m on m.n = (k / $2 + 7 * p.n) % $3`,
      [sizes.votes, sizes.proposals, sizes.members],
    )
    const rest = Math.max(0, sizes.comments - sizes.longThread - sizes.shortThread)
    await step(
      `${sizes.comments} comments`,
      `insert into public.comments (proposal_id, author_id, body, stance, created_at)
       select p.id, m.id, 'A comment of the bench, number ' || k || '. ' || repeat('Some words. ', 12),
         (array['for','against','neutral',null])[1 + k % 4]::public.comment_stance,
         now() - (k || ' seconds')::interval
       from (
         select k, case when k < $1::int then 0 when k < $1::int + $2::int then 1
                        else 2 + (k - $1::int - $2::int) % ($4::int - 2) end as pn
         from generate_series(0, $1::int + $2::int + $3::int - 1) k
       ) c
       join bench_proposals p on p.n = c.pn
       join bench_members m on m.n = c.k % $5::int`,
      [sizes.longThread, sizes.shortThread, rest, sizes.proposals, sizes.members],
    )
    await step(
      'tallies, counters and scores',
      `insert into public.proposal_region_tallies (proposal_id, region, support, oppose)
       select proposal_id, region, count(*) filter (where value = 1), count(*) filter (where value = -1)
       from public.votes where region is not null group by proposal_id, region;
       update public.proposals p set support_count = v.support, oppose_count = v.oppose
       from (select proposal_id, count(*) filter (where value = 1)::int as support,
                    count(*) filter (where value = -1)::int as oppose
             from public.votes group by proposal_id) v
       where v.proposal_id = p.id;
       update public.proposals p set comment_count = c.n
       from (select proposal_id, count(*)::int as n from public.comments where deleted_at is null group by proposal_id) c
       where c.proposal_id = p.id;
       update public.proposals p
          set top_score = private.wilson_lower_bound(p.support_count, p.oppose_count),
              hot_score = private.hot_score(p.support_count, p.oppose_count, p.published_at),
              region_score = private.region_score(p.id)
        where p.group_id = '${group.id}';`,
    )
  } finally {
    await db.query('set session_replication_role = origin')
  }
  await step('vacuum analyze', 'vacuum analyze')
  const {
    rows: [{ drift }],
  } = await db.query<{ drift: number }>(
    `select count(*)::int as drift from private.counter_drift() d
     where d.proposal_id in (select id from bench_proposals where n < 50)`,
  )
  if (drift > 0) throw new Error(`The seed left ${drift} counters that differ from their rows.`)
  const ids = await db.query<{ n: number; id: string }>(
    'select n, id from bench_proposals where n in (0, 1)',
  )
  const byN = new Map(ids.rows.map((row) => [row.n, row.id]))
  const {
    rows: [member, facilitator, candidate],
  } = await db.query<{ email: string }>(
    `select u.email from bench_members m join auth.users u on u.id = m.id where m.n in (1, 2, 3)
     order by m.n`,
  )
  await db.query(
    `update public.group_members set role = 'facilitator'
      where group_id = $1 and user_id = (select id from auth.users where email = $2)`,
    [group.id, facilitator.email],
  )
  await db.query(
    `insert into public.site_roles (user_id, role)
     select id, 'candidate' from auth.users where email = $1`,
    [candidate.email],
  )
  return {
    groupId: group.id,
    groupSlug: 'bench',
    longProposalId: byN.get(0)!,
    shortProposalId: byN.get(1)!,
    memberEmail: member.email,
    facilitatorEmail: facilitator.email,
    candidateEmail: candidate.email,
    memberPassword,
  }
}
