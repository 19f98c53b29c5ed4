-- Priority ballots, counted by the alternative vote (instant-runoff). A group's facilitators
-- open a ballot on two to ten of its open or shortlisted proposals; active members with
-- standing rank as many as they like until the close; at the close the count runs here, from
-- the stored ballots, and its rounds are stored. See docs/decisions/017-priority-ballots.md.
--
-- The count: each round every live ballot counts for its highest preference still in the
-- race. An option with more than half of the live ballots wins. Otherwise the option with the
-- fewest votes is eliminated and its ballots pass to their next preference still in the race;
-- a ballot with none left is exhausted and counted apart. Ties for last place: the option
-- with fewer votes in the earliest round where the tied options differ goes; if they never
-- differed, one is drawn by lot from the ballot's recorded seed (md5 of seed, round, option),
-- so a recount from the same ballots and seed gives the same rounds.
--
-- Secrecy: a ballot paper is readable only by its voter; nobody, facilitators included,
-- writes one but through cast_ballot as themselves. Turnout by borough is stored exactly in
-- private and read through ballot_turnout(), which groups boroughs with fewer than 5 voters
-- (decision 009's rule).

-- tables
create table public.ballots (
  id uuid primary key default gen_random_uuid(),
  group_id uuid not null references public.groups (id) on delete cascade,
  question text not null check (char_length(question) between 5 and 200 and question = btrim(question)),
  opens_at timestamptz not null,
  closes_at timestamptz not null,
  created_at timestamptz not null default now(),
  ballot_count integer not null default 0 check (ballot_count >= 0),
  eligible_count integer check (eligible_count >= 0),
  counted_at timestamptz,
  winner_id uuid references public.proposals (id) on delete set null,
  tie_seed text,
  forwarded_at timestamptz,
  check (closes_at > opens_at),
  check ((counted_at is null) = (eligible_count is null)),
  check ((counted_at is null) = (tie_seed is null))
);
comment on table public.ballots is 'Priority ballots in a group, counted by the alternative vote. Written by open_ballot, cast_ballot and the count only.';

create table public.ballot_options (
  ballot_id uuid not null references public.ballots (id) on delete cascade,
  proposal_id uuid not null references public.proposals (id) on delete cascade,
  position smallint not null check (position between 1 and 10),
  primary key (ballot_id, proposal_id),
  unique (ballot_id, position)
);
comment on table public.ballot_options is 'The proposals a ballot asks members to rank, in the order the facilitators listed them.';

create table public.ballot_papers (
  ballot_id uuid not null references public.ballots (id) on delete cascade,
  voter_id uuid not null references public.profiles (id) on delete cascade,
  -- The options in the voter's order of preference: first choice first.
  ranking uuid[] not null check (cardinality(ranking) between 1 and 10),
  region text references public.regions (slug) on update cascade on delete set null,
  cast_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (ballot_id, voter_id)
);
comment on table public.ballot_papers is 'Each member''s ranking in a ballot. Secret: readable only by its voter; written only by cast_ballot.';

create table public.ballot_rounds (
  ballot_id uuid not null references public.ballots (id) on delete cascade,
  round smallint not null check (round >= 1),
  live integer not null check (live >= 0),
  exhausted integer not null check (exhausted >= 0),
  eliminated_id uuid references public.proposals (id) on delete set null,
  tie_break text check (tie_break in ('earlier_round', 'lot')),
  elected_id uuid references public.proposals (id) on delete set null,
  primary key (ballot_id, round)
);
comment on table public.ballot_rounds is 'The stored rounds of a counted ballot: live and exhausted ballots, who went out (and by which tie rule) or who won.';

create table public.ballot_round_votes (
  ballot_id uuid not null,
  round smallint not null,
  proposal_id uuid not null references public.proposals (id) on delete cascade,
  votes integer not null check (votes >= 0),
  primary key (ballot_id, round, proposal_id),
  foreign key (ballot_id, round) references public.ballot_rounds (ballot_id, round) on delete cascade
);
comment on table public.ballot_round_votes is 'Each option still in the race, and its votes, in each round of a counted ballot.';

create table public.ballot_transfers (
  ballot_id uuid not null,
  round smallint not null,
  -- null: the ballots had no preference left (exhausted)
  to_proposal_id uuid references public.proposals (id) on delete cascade,
  ballots integer not null check (ballots > 0),
  unique nulls not distinct (ballot_id, round, to_proposal_id),
  foreign key (ballot_id, round) references public.ballot_rounds (ballot_id, round) on delete cascade
);
comment on table public.ballot_transfers is 'Where the ballots of the option eliminated in a round went for the next round (null: exhausted).';

create table private.ballot_turnout (
  ballot_id uuid not null references public.ballots (id) on delete cascade,
  region text,
  eligible integer not null check (eligible >= 0),
  voted integer not null check (voted >= 0 and voted <= eligible),
  unique nulls not distinct (ballot_id, region)
);
comment on table private.ballot_turnout is 'Exact eligible members and ballots per borough at the count. Read through ballot_turnout(), which groups small boroughs.';

alter table public.shortlist_forwardings
  add column ballot_id uuid references public.ballots (id) on delete set null;
comment on column public.shortlist_forwardings.ballot_id is 'The priority ballot whose winner this forwarding carried, when it came from one.';

-- indexes
create index ballots_group_idx on public.ballots (group_id, closes_at desc);
create index ballots_winner_idx on public.ballots (winner_id);
-- The count's sweep: closed ballots not yet counted.
create index ballots_due_idx on public.ballots (closes_at) where counted_at is null;
create index ballot_options_proposal_idx on public.ballot_options (proposal_id);
create index ballot_papers_voter_idx on public.ballot_papers (voter_id);
create index ballot_papers_region_idx on public.ballot_papers (region);
create index ballot_rounds_eliminated_idx on public.ballot_rounds (eliminated_id);
create index ballot_rounds_elected_idx on public.ballot_rounds (elected_id);
create index ballot_round_votes_proposal_idx on public.ballot_round_votes (proposal_id);
create index ballot_transfers_to_idx on public.ballot_transfers (to_proposal_id);
create index shortlist_forwardings_ballot_idx on public.shortlist_forwardings (ballot_id);

-- functions

/** The alternative vote over `papers` (a JSON array of rankings, each an array of option
 * labels, first preference first) for `options`, ties by lot drawn from `seed`. Pure: the
 * same input gives the same rounds. Labels not among the options are skipped.
 * Returns {"winner": label | null, "rounds": [{round, votes: {label: n}, live, exhausted,
 * eliminated, tie_break, elected, transfers: {label: n}, transfers_exhausted}]}. */
create or replace function private.instant_runoff(options text[], papers jsonb, seed text)
returns jsonb
language plpgsql immutable
set search_path = ''
as $$
declare
  total integer := jsonb_array_length(papers);
  out_of_race text[] := '{}';
  history jsonb[] := '{}';
  rounds jsonb := '[]';
  round_no integer := 0;
  tally jsonb;
  live integer;
  top_votes integer;
  leader text;
  lowest integer;
  tied text[];
  loser text;
  rule text;
  earlier integer;
  least integer;
  moved jsonb;
  moved_exhausted integer;
begin
  if options is null or cardinality(options) = 0 then
    raise exception 'A count needs at least one option.' using errcode = 'P0001';
  end if;
  loop
    round_no := round_no + 1;
    -- Each ballot's highest preference still in the race.
    select coalesce(jsonb_object_agg(o.label, coalesce(t.n, 0)), '{}'), coalesce(sum(t.n), 0)
      into tally, live
      from unnest(options) as o (label)
      left join (
        select c.choice, count(*)::integer as n
          from (
            select (select x.v from jsonb_array_elements_text(p.value) with ordinality as x (v, i)
                     where x.v = any (options) and x.v <> all (out_of_race)
                     order by x.i limit 1) as choice
              from jsonb_array_elements(papers) as p
          ) as c
         where c.choice is not null
         group by c.choice
      ) as t on t.choice = o.label
     where o.label <> all (out_of_race);
    history := history || tally;

    select e.key, (e.value)::integer into leader, top_votes
      from jsonb_each(tally) as e
     order by (e.value)::integer desc, e.key
     limit 1;
    if live = 0 or top_votes * 2 > live or cardinality(options) - cardinality(out_of_race) = 1 then
      rounds := rounds || jsonb_build_object(
        'round', round_no, 'votes', tally, 'live', live, 'exhausted', total - live,
        'eliminated', null, 'tie_break', null,
        'elected', case when live > 0 then leader end,
        'transfers', '{}'::jsonb, 'transfers_exhausted', 0);
      return jsonb_build_object('winner', case when live > 0 then leader end, 'rounds', rounds);
    end if;

    -- Who goes out: the fewest votes; among ties, the fewest in the earliest round where the
    -- tied options differ; then by lot.
    select min((e.value)::integer) into lowest from jsonb_each(tally) as e;
    select array_agg(e.key order by e.key) into tied
      from jsonb_each(tally) as e where (e.value)::integer = lowest;
    rule := null;
    if cardinality(tied) > 1 then
      rule := 'earlier_round';
      for earlier in 1 .. round_no - 1 loop
        select min((history[earlier] ->> t)::integer) into least from unnest(tied) as t;
        select array_agg(t order by t) into tied
          from unnest(tied) as t where (history[earlier] ->> t)::integer = least;
        exit when cardinality(tied) = 1;
      end loop;
      if cardinality(tied) > 1 then
        rule := 'lot';
        select t into loser from unnest(tied) as t
         order by md5(seed || ':' || round_no || ':' || t) collate "C", t collate "C"
         limit 1;
        tied := array[loser];
      end if;
    end if;
    loser := tied[1];

    -- Where the loser's ballots go next.
    select coalesce(jsonb_object_agg(m.next, m.n) filter (where m.next is not null), '{}'),
           coalesce(sum(m.n) filter (where m.next is null), 0)
      into moved, moved_exhausted
      from (
        select c.next, count(*)::integer as n
          from (
            select (select x.v from jsonb_array_elements_text(p.value) with ordinality as x (v, i)
                     where x.v = any (options) and x.v <> all (out_of_race)
                     order by x.i limit 1) as choice,
                   (select x.v from jsonb_array_elements_text(p.value) with ordinality as x (v, i)
                     where x.v = any (options) and x.v <> all (out_of_race || loser)
                     order by x.i limit 1) as next
              from jsonb_array_elements(papers) as p
          ) as c
         where c.choice = loser
         group by c.next
      ) as m;

    rounds := rounds || jsonb_build_object(
      'round', round_no, 'votes', tally, 'live', live, 'exhausted', total - live,
      'eliminated', loser, 'tie_break', rule, 'elected', null,
      'transfers', moved, 'transfers_exhausted', moved_exhausted);
    out_of_race := out_of_race || loser;
  end loop;
end;
$$;

/** A ballot's options and stored papers, as instant_runoff takes them. */
create or replace function private.ballot_count_input(ballot uuid, out options text[], out papers jsonb)
language sql stable
security definer
set search_path = ''
as $$
  select (select array_agg(o.proposal_id::text order by o.position)
            from public.ballot_options o where o.ballot_id = ballot),
         (select coalesce(jsonb_agg(to_jsonb(p.ranking)), '[]')
            from public.ballot_papers p where p.ballot_id = ballot)
$$;

/** Who may rank in a ballot of `target_group` as it closes at `at`: active facilitators, and
 * active members for the group's standing_days by then who had taken part by then
 * (decision 008's standing, at the close rather than now). */
create or replace function private.ballot_electorate(target_group uuid, at timestamptz)
returns table (user_id uuid, region text)
language sql stable
security definer
set search_path = ''
as $$
  -- The borough each member gave, shown on their profile or not (private.member_boroughs).
  select m.user_id, mb.region
    from public.group_members m
    join public.groups g on g.id = m.group_id
    join public.profiles p on p.id = m.user_id and p.deleted_at is null
    left join private.member_boroughs mb on mb.user_id = m.user_id
   where m.group_id = target_group and m.status = 'active'
     and (m.role = 'facilitator'
          or (m.participated_at is not null and m.participated_at <= at
              and m.joined_at <= at - make_interval(days => g.standing_days)))
$$;

/** Counts a closed ballot once: stores its rounds, transfers, turnout by borough and winner,
 * and tells its voters. Does nothing for a ballot still open or already counted. Returns
 * whether this call counted it. */
create or replace function private.count_ballot(ballot uuid) returns boolean
language plpgsql
security definer
set search_path = ''
as $$
declare
  b public.ballots;
  input record;
  result jsonb;
  r jsonb;
  seed text := encode(extensions.gen_random_bytes(16), 'hex');
  winner uuid;
begin
  select * into b from public.ballots x where x.id = ballot for update;
  if b.id is null or b.counted_at is not null or b.closes_at > now() then
    return false;
  end if;
  select * into input from private.ballot_count_input(ballot);
  result := private.instant_runoff(input.options, input.papers, seed);
  winner := (result ->> 'winner')::uuid;

  for r in select value from jsonb_array_elements(result -> 'rounds') loop
    insert into public.ballot_rounds (ballot_id, round, live, exhausted, eliminated_id, tie_break, elected_id)
    values (ballot, (r ->> 'round')::smallint, (r ->> 'live')::integer, (r ->> 'exhausted')::integer,
            (r ->> 'eliminated')::uuid, r ->> 'tie_break', (r ->> 'elected')::uuid);
    insert into public.ballot_round_votes (ballot_id, round, proposal_id, votes)
    select ballot, (r ->> 'round')::smallint, e.key::uuid, (e.value)::integer
      from jsonb_each(r -> 'votes') as e;
    insert into public.ballot_transfers (ballot_id, round, to_proposal_id, ballots)
    select ballot, (r ->> 'round')::smallint, e.key::uuid, (e.value)::integer
      from jsonb_each(r -> 'transfers') as e
     where (e.value)::integer > 0
    union all
    select ballot, (r ->> 'round')::smallint, null, (r ->> 'transfers_exhausted')::integer
     where (r ->> 'transfers_exhausted')::integer > 0;
  end loop;

  -- Everyone who could rank, and everyone who did (a voter who has since left still counts as
  -- eligible), each in the borough they ranked from or, if they did not, live in.
  insert into private.ballot_turnout (ballot_id, region, eligible, voted)
  select ballot, people.region, count(*), count(*) filter (where people.voted)
    from (
      select coalesce(p.voter_id, e.user_id) as member,
             case when p.voter_id is not null then p.region else e.region end as region,
             p.voter_id is not null as voted
        from private.ballot_electorate(b.group_id, b.closes_at) as e
        full join (select x.voter_id, x.region from public.ballot_papers x where x.ballot_id = ballot) as p
          on p.voter_id = e.user_id
    ) as people
   group by people.region;

  update public.ballots x
     set counted_at = now(), tie_seed = seed, winner_id = winner,
         eligible_count = (select coalesce(sum(t.eligible), 0) from private.ballot_turnout t where t.ballot_id = ballot),
         ballot_count = (select count(*) from public.ballot_papers p where p.ballot_id = ballot)
   where x.id = ballot;

  perform private.notify(
    array(select p.voter_id from public.ballot_papers p where p.ballot_id = ballot),
    'ballot_result',
    left(case when winner is null then format('The ballot “%s” in %s is counted', b.question, g.name)
         else format('The ballot “%s” in %s is counted: “%s” comes first', b.question, g.name,
                     (select pr.title from public.proposals pr where pr.id = winner)) end, 1000),
    null, b.group_id, winner)
    from public.groups g where g.id = b.group_id;
  return true;
end;
$$;

/** Counts every ballot that has closed and is not yet counted (the worker, every minute). */
create or replace function private.count_due_ballots() returns integer
language plpgsql
security definer
set search_path = ''
as $$
declare
  due uuid;
  counted integer := 0;
begin
  for due in select b.id from public.ballots b where b.counted_at is null and b.closes_at <= now()
             order by b.closes_at limit 100 loop
    if private.count_ballot(due) then
      counted := counted + 1;
    end if;
  end loop;
  return counted;
end;
$$;

/** A group's facilitators open a priority ballot on 2–10 of its open or shortlisted
 * proposals. Returns the ballot's id. */
create or replace function private.open_ballot(
  group_id uuid, question text, proposal_ids uuid[], opens_at timestamptz, closes_at timestamptz
) returns uuid
language plpgsql
security definer
set search_path = ''
as $$
declare
  asked text := private.trim_text(open_ballot.question);
  new_ballot uuid;
  options integer := coalesce(cardinality(proposal_ids), 0);
begin
  if not private.can_curate(open_ballot.group_id) then
    raise exception 'Only the group''s facilitators can open a ballot.' using errcode = '42501';
  end if;
  if private.group_is_archived(open_ballot.group_id) then
    raise exception 'This group is archived: it can no longer hold ballots.' using errcode = 'P0001';
  end if;
  if asked is null or char_length(asked) not between 5 and 200 then
    raise exception 'Ask a question of 5 to 200 characters.' using errcode = 'P0001';
  end if;
  if options <> (select count(distinct x) from unnest(proposal_ids) as x) then
    raise exception 'List each proposal once.' using errcode = 'P0001';
  end if;
  if options not between 2 and 10 then
    raise exception 'Choose between 2 and 10 proposals.' using errcode = 'P0001';
  end if;
  if exists (
    select 1 from unnest(proposal_ids) as x (id)
     where not exists (select 1 from public.proposals p
                        where p.id = x.id and p.group_id = open_ballot.group_id
                          and p.status in ('open', 'shortlisted') and p.hidden_at is null)
  ) then
    raise exception 'Every option must be an open or shortlisted proposal of this group.' using errcode = 'P0001';
  end if;
  if opens_at is null or closes_at is null then
    raise exception 'Give an opening and a closing time.' using errcode = 'P0001';
  end if;
  if closes_at <= opens_at then
    raise exception 'The ballot must close after it opens.' using errcode = 'P0001';
  end if;
  if closes_at <= now() then
    raise exception 'The closing time has already passed.' using errcode = 'P0001';
  end if;
  if closes_at > now() + interval '90 days' then
    raise exception 'A ballot closes within 90 days.' using errcode = 'P0001';
  end if;
  insert into public.ballots (group_id, question, opens_at, closes_at)
  values (open_ballot.group_id, asked, greatest(open_ballot.opens_at, now()), open_ballot.closes_at)
  returning id into new_ballot;
  insert into public.ballot_options (ballot_id, proposal_id, position)
  select new_ballot, x.id, x.n from unnest(proposal_ids) with ordinality as x (id, n);
  perform private.audit('ballot.open', open_ballot.group_id, null,
    details => jsonb_build_object('ballot_id', new_ballot, 'question', asked, 'options', options));
  return new_ballot;
end;
$$;

/** The signed-in member ranks (or re-ranks) the options of an open ballot, first choice
 * first. Only members with standing in the group may; nobody ranks for anyone else. */
create or replace function private.cast_ballot(ballot_id uuid, ranking uuid[]) returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  member uuid := auth.uid();
  b public.ballots;
  ranked integer := coalesce(cardinality(ranking), 0);
  first_time boolean;
begin
  if member is null then
    raise exception 'Sign in to rank the options.' using errcode = '42501';
  end if;
  select * into b from public.ballots x where x.id = cast_ballot.ballot_id;
  if b.id is null then
    raise exception 'There is no such ballot.' using errcode = 'P0001';
  end if;
  if now() < b.opens_at then
    raise exception 'This ballot is not open yet.' using errcode = 'P0001';
  end if;
  if now() >= b.closes_at then
    raise exception 'This ballot has closed: rankings can no longer change.' using errcode = 'P0001';
  end if;
  if not private.has_standing(b.group_id, member) then
    raise exception 'Only members with standing in this group can rank in its ballots.' using errcode = '42501';
  end if;
  if ranked = 0 then
    raise exception 'Rank at least one option.' using errcode = 'P0001';
  end if;
  if ranked <> (select count(distinct x) from unnest(ranking) as x) then
    raise exception 'Give each option its own place in your ranking.' using errcode = 'P0001';
  end if;
  if exists (select 1 from unnest(ranking) as x (id)
              where x.id is null or not exists (select 1 from public.ballot_options o
                                                 where o.ballot_id = b.id and o.proposal_id = x.id)) then
    raise exception 'Rank only this ballot''s options.' using errcode = 'P0001';
  end if;
  perform private.enforce_limit('ballot', 20, interval '1 minute',
    'You have changed your ranking many times in a minute. Wait a moment and try again.');
  insert into public.ballot_papers (ballot_id, voter_id, ranking, region)
  values (b.id, member, ranking, (select mb.region from private.member_boroughs mb where mb.user_id = member))
  on conflict on constraint ballot_papers_pkey
  do update set ranking = excluded.ranking, region = excluded.region, updated_at = now()
  returning (xmax = 0) into first_time;
  if first_time then
    update public.ballots x set ballot_count = x.ballot_count + 1 where x.id = b.id;
  end if;
end;
$$;

/** Facilitators close an open ballot now (it is then counted). */
create or replace function private.close_ballot(ballot_id uuid) returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  b public.ballots;
begin
  select * into b from public.ballots x where x.id = close_ballot.ballot_id for update;
  if b.id is null or not private.can_curate(b.group_id) then
    raise exception 'Only the group''s facilitators can close its ballots.' using errcode = '42501';
  end if;
  if b.closes_at <= now() then
    raise exception 'This ballot has already closed.' using errcode = 'P0001';
  end if;
  update public.ballots x set closes_at = greatest(now(), x.opens_at + interval '1 microsecond')
   where x.id = b.id;
  perform private.audit('ballot.close', b.group_id, null, details => jsonb_build_object('ballot_id', b.id));
end;
$$;

/** The count again, from the stored ballots and seed, without storing anything: what the
 * stored rounds must equal. Only for a counted ballot. */
create or replace function private.recount_ballot(ballot_id uuid) returns jsonb
language plpgsql stable
security definer
set search_path = ''
as $$
declare
  b public.ballots;
  input record;
begin
  select * into b from public.ballots x where x.id = recount_ballot.ballot_id;
  if b.id is null or b.counted_at is null then
    raise exception 'Only a counted ballot can be recounted.' using errcode = 'P0001';
  end if;
  select * into input from private.ballot_count_input(b.id);
  return private.instant_runoff(input.options, input.papers, b.tie_seed);
end;
$$;

/** Turnout of a counted ballot by borough. A borough where fewer than 5 ranked comes back
 * with null figures and fewer_than_5; when those together hold 1–4 ballots, the shown borough
 * with the fewest ballots is withheld as well (decision 009). The withheld ones come back
 * together as one row with region null. */
create or replace function private.ballot_turnout(ballot_id uuid)
returns table (region text, eligible integer, voted integer, fewer_than_5 boolean)
language sql stable
security definer
set search_path = ''
as $$
  with counted as (
    select t.region, coalesce(g.position, 32767) as position, t.eligible, t.voted
      from private.ballot_turnout t
      left join public.regions g on g.slug = t.region
     where t.ballot_id = ballot_turnout.ballot_id and t.region is not null
  ),
  ranked as (
    select c.*,
           sum(case when c.voted < 5 then c.voted else 0 end) over () as withheld_votes,
           row_number() over (order by case when c.voted >= 5 then c.voted end asc nulls last, c.position, c.region) as smallest
      from counted c
  ),
  shown as (
    select r.*, r.voted >= 5 and not (r.smallest = 1 and r.withheld_votes between 1 and 4) as shown from ranked r
  )
  select o.region, o.eligible, o.voted, o.fewer_than_5
    from (
      select s.position, s.region, case when s.shown then s.eligible end as eligible,
             case when s.shown then s.voted end as voted, s.voted < 5 as fewer_than_5
        from shown s
      union all
      select 32767, null, sum(x.eligible)::integer, sum(x.voted)::integer, false
        from (select s.eligible, s.voted from shown s where not s.shown
              union all
              select t.eligible, t.voted from private.ballot_turnout t
               where t.ballot_id = ballot_turnout.ballot_id and t.region is null) as x
      having count(*) > 0
    ) as o
   order by o.position, o.region
$$;

-- A facilitator forwards the counted winner to the candidate, with the result attached (the
-- forwarding points to the ballot) and an optional cover note. An open winner goes straight
-- to forwarded: the members' ballot stands in for the shortlist.
create or replace function private.forward_ballot_winner(ballot_id uuid, cover_note text default null)
returns uuid
language plpgsql
security definer
set search_path = ''
as $$
declare
  b public.ballots;
  note text := coalesce(private.trim_text(forward_ballot_winner.cover_note), '');
  winner public.proposals;
  new_forwarding uuid;
begin
  select * into b from public.ballots x where x.id = forward_ballot_winner.ballot_id for update;
  if b.id is null or not private.can_curate(b.group_id) then
    raise exception 'Only the group''s facilitators can forward a ballot''s winner.' using errcode = '42501';
  end if;
  if b.counted_at is null or b.winner_id is null then
    raise exception 'Only a counted ballot with a winner can be forwarded.' using errcode = 'P0001';
  end if;
  if b.forwarded_at is not null then
    raise exception 'This ballot''s winner has already gone to the candidate.' using errcode = 'P0001';
  end if;
  if char_length(note) > 2000 then
    raise exception 'Keep the cover note to 2,000 characters.' using errcode = 'P0001';
  end if;
  if private.group_is_archived(b.group_id) then
    raise exception 'This group is archived: its proposals can no longer change.' using errcode = 'P0001';
  end if;
  select * into winner from public.proposals p where p.id = b.winner_id for update;
  if winner.status not in ('open', 'shortlisted') or winner.hidden_at is not null then
    raise exception 'The winning proposal is no longer open or shortlisted, so it cannot be forwarded.' using errcode = 'P0001';
  end if;
  insert into public.shortlist_forwardings (group_id, forwarded_by, cover_note, proposal_count, ballot_id)
  values (b.group_id, auth.uid(), note, 1, b.id)
  returning id into new_forwarding;
  update public.proposals p set status = 'forwarded', status_reason = null where p.id = winner.id;
  insert into public.forwarded_proposals (proposal_id, forwarding_id)
  values (winner.id, new_forwarding)
  on conflict on constraint forwarded_proposals_pkey do update set forwarding_id = excluded.forwarding_id;
  update public.ballots x set forwarded_at = now() where x.id = b.id;
  return new_forwarding;
end;
$$;

create or replace function private.mail_topic(kind public.notification_kind) returns text
language sql immutable
set search_path = ''
as $$
  select case kind::text
    when 'reply_to_comment' then 'replies'
    when 'mention' then 'replies'
    when 'comment_on_proposal' then 'my_proposals'
    when 'proposal_status' then 'my_proposals'
    when 'coauthor_invitation' then 'my_proposals'
    when 'amendment_suggested' then 'my_proposals'
    when 'amendment_accepted' then 'my_proposals'
    when 'amendment_declined' then 'my_proposals'
    when 'proposal_ready' then 'my_proposals'
    when 'candidate_answer' then 'supported'
    when 'merge_invitation' then 'supported'
    when 'followed_proposal_comment' then 'supported'
    when 'proposal_edited' then 'supported'
    when 'ballot_result' then 'supported'
    when 'join_request' then 'facilitation'
    when 'proposal_forwarded' then 'facilitation'
    else 'group_activity'
  end
$$;

-- Public RPCs: security invoker, over the private definers that check the caller first.
create function public.open_ballot(
  group_id uuid, question text, proposal_ids uuid[], opens_at timestamptz, closes_at timestamptz
) returns uuid
language sql security invoker set search_path = ''
as $$ select private.open_ballot($1, $2, $3, $4, $5) $$;

create function public.cast_ballot(ballot_id uuid, ranking uuid[]) returns void
language sql security invoker set search_path = ''
as $$ select private.cast_ballot($1, $2) $$;

create function public.close_ballot(ballot_id uuid) returns void
language sql security invoker set search_path = ''
as $$ select private.close_ballot($1) $$;

/** Counts the ballot if it has closed and is not counted yet; the result page calls it so a
 * reader never waits for the worker. Returns whether this call counted it. */
create function public.count_ballot(ballot_id uuid) returns boolean
language sql security invoker set search_path = ''
as $$ select private.count_ballot($1) $$;

create function public.recount_ballot(ballot_id uuid) returns jsonb
language sql stable security invoker set search_path = ''
as $$ select private.recount_ballot($1) $$;

create function public.ballot_turnout(ballot_id uuid)
returns table (region text, eligible integer, voted integer, fewer_than_5 boolean)
language sql stable security invoker set search_path = ''
as $$ select * from private.ballot_turnout($1) $$;

create function public.forward_ballot_winner(ballot_id uuid, cover_note text default null)
returns uuid
language sql security invoker set search_path = ''
as $$ select private.forward_ballot_winner($1, $2) $$;

-- triggers
-- A token from an ended session changes nothing here either (live-accounts).
create trigger refuse_ended_sessions
  before insert or update or delete on public.ballots
  for each statement execute function private.refuse_ended_sessions();
create trigger refuse_ended_sessions
  before insert or update or delete on public.ballot_papers
  for each statement execute function private.refuse_ended_sessions();
create trigger refuse_ended_sessions
  before insert or update or delete on public.ballot_options
  for each statement execute function private.refuse_ended_sessions();
create trigger refuse_ended_sessions
  before insert or update or delete on public.ballot_rounds
  for each statement execute function private.refuse_ended_sessions();
create trigger refuse_ended_sessions
  before insert or update or delete on public.ballot_round_votes
  for each statement execute function private.refuse_ended_sessions();
create trigger refuse_ended_sessions
  before insert or update or delete on public.ballot_transfers
  for each statement execute function private.refuse_ended_sessions();

-- grants
revoke all on function private.instant_runoff(text[], jsonb, text),
  private.ballot_count_input(uuid), private.ballot_electorate(uuid, timestamptz),
  private.count_due_ballots()
  from public, anon, authenticated;
revoke all on function private.open_ballot(uuid, text, uuid[], timestamptz, timestamptz),
  private.cast_ballot(uuid, uuid[]), private.close_ballot(uuid), private.recount_ballot(uuid),
  private.forward_ballot_winner(uuid, text)
  from public, anon;
grant execute on function private.open_ballot(uuid, text, uuid[], timestamptz, timestamptz),
  private.cast_ballot(uuid, uuid[]), private.close_ballot(uuid), private.recount_ballot(uuid),
  private.forward_ballot_winner(uuid, text)
  to authenticated;
revoke all on function private.count_ballot(uuid), private.ballot_turnout(uuid) from public;
grant execute on function private.count_ballot(uuid), private.ballot_turnout(uuid) to anon, authenticated;

revoke all on function public.open_ballot(uuid, text, uuid[], timestamptz, timestamptz),
  public.cast_ballot(uuid, uuid[]), public.close_ballot(uuid), public.recount_ballot(uuid),
  public.forward_ballot_winner(uuid, text)
  from public, anon;
grant execute on function public.open_ballot(uuid, text, uuid[], timestamptz, timestamptz),
  public.cast_ballot(uuid, uuid[]), public.close_ballot(uuid), public.recount_ballot(uuid),
  public.forward_ballot_winner(uuid, text)
  to authenticated;
revoke all on function public.count_ballot(uuid), public.ballot_turnout(uuid) from public;
grant execute on function public.count_ballot(uuid), public.ballot_turnout(uuid) to anon, authenticated;

revoke all on public.ballots, public.ballot_options, public.ballot_papers, public.ballot_rounds,
  public.ballot_round_votes, public.ballot_transfers
  from anon, authenticated, service_role;
grant select on public.ballots, public.ballot_options, public.ballot_rounds,
  public.ballot_round_votes, public.ballot_transfers
  to anon, authenticated, service_role;
grant select on public.ballot_papers to authenticated, service_role;
revoke all on private.ballot_turnout from public, anon, authenticated;

-- RLS and policies
alter table public.ballots enable row level security;
create policy "Ballots are public, like the groups that hold them"
  on public.ballots for select
  to anon, authenticated
  using (true);

alter table public.ballot_options enable row level security;
create policy "A ballot's options are public"
  on public.ballot_options for select
  to anon, authenticated
  using (true);

alter table public.ballot_papers enable row level security;
create policy "Members read only their own ballot papers"
  on public.ballot_papers for select
  to authenticated
  using (voter_id = (select auth.uid()));

alter table public.ballot_rounds enable row level security;
create policy "A counted ballot's rounds are public"
  on public.ballot_rounds for select
  to anon, authenticated
  using (true);

alter table public.ballot_round_votes enable row level security;
create policy "A counted ballot's votes per round are public"
  on public.ballot_round_votes for select
  to anon, authenticated
  using (true);

alter table public.ballot_transfers enable row level security;
create policy "A counted ballot's transfers are public"
  on public.ballot_transfers for select
  to anon, authenticated
  using (true);
