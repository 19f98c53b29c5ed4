-- Votes (support or oppose, one per member per proposal, with the voter's borough at the
-- time), the counters and scores they drive, and support by borough. Triggers keep every
-- stored number current; private.counter_drift() proves they equal the source rows.

-- tables
create table public.votes (
  proposal_id uuid not null references public.proposals (id) on delete cascade,
  user_id uuid not null default auth.uid() references public.profiles (id) on delete cascade,
  value smallint not null check (value in (-1, 1)),
  region text references public.regions (slug) on update cascade on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (proposal_id, user_id)
);
comment on table public.votes is 'One vote per member per proposal: +1 support, -1 oppose. Private to the voter; totals are public.';

create table public.proposal_region_tallies (
  proposal_id uuid not null references public.proposals (id) on delete cascade,
  region text not null references public.regions (slug) on update cascade on delete cascade,
  support integer not null default 0 check (support >= 0),
  oppose integer not null default 0 check (oppose >= 0),
  primary key (proposal_id, region)
);
comment on table public.proposal_region_tallies is 'Support and opposition per proposal and region, kept by triggers on votes.';

alter table public.proposals
  add column support_count integer not null default 0 check (support_count >= 0),
  add column oppose_count integer not null default 0 check (oppose_count >= 0),
  add column top_score double precision not null default 0,
  add column hot_score double precision,
  add column region_score double precision not null default 0;

-- indexes
create index votes_user_updated_idx on public.votes (user_id, updated_at);
create index votes_region_idx on public.votes (region);
create index proposal_region_tallies_region_idx on public.proposal_region_tallies (region);
create index proposals_group_top_idx on public.proposals (group_id, top_score desc) where status <> 'draft';
create index proposals_group_hot_idx on public.proposals (group_id, hot_score desc) where status <> 'draft';
create index proposals_group_region_idx on public.proposals (group_id, region_score desc) where status <> 'draft';
create index proposals_group_discussed_idx on public.proposals (group_id, comment_count desc) where status <> 'draft';
create index proposals_top_idx on public.proposals (top_score desc) where status <> 'draft';

-- functions
create or replace function private.prepare_vote() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if auth.uid() is not null then
    new.user_id := auth.uid();
  end if;
  if tg_op = 'INSERT' then
    new.created_at := now();
  elsif new.value = old.value then
    return null; -- the same vote again changes nothing
  end if;
  new.updated_at := now();
  new.region := (select region from public.profiles where id = new.user_id);
  perform private.enforce_rate_limit('vote', 60,
    'You are voting very fast. Please wait a minute before you vote again.');
  return new;
end;
$$;

create or replace function private.limit_vote_withdrawal() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform private.enforce_rate_limit('vote', 60,
    'You are voting very fast. Please wait a minute before you vote again.');
  return old;
end;
$$;

create or replace function private.region_score(target uuid) returns double precision
language sql stable
security definer
set search_path = ''
as $$
  select coalesce(private.cross_borough_score(
    array_agg(t.support order by t.region), array_agg(t.oppose order by t.region),
    (select count(*)::integer from public.regions where is_borough)), 0)
  from public.proposal_region_tallies t
  join public.regions r on r.slug = t.region and r.is_borough
  where t.proposal_id = target
$$;

/** Scores from the stored counts: Top (Wilson), Rising (hot) and Unites the region. */
create or replace function private.refresh_scores(target uuid) returns void
language sql
security definer
set search_path = ''
as $$
  update public.proposals p
     set top_score = private.wilson_lower_bound(p.support_count, p.oppose_count),
         hot_score = case when p.published_at is null then null
                          else private.hot_score(p.support_count, p.oppose_count, p.published_at) end,
         region_score = private.region_score(p.id)
   where p.id = target
$$;

-- Every vote on a proposal first takes that proposal's row lock, so votes on it are counted
-- one after another: concurrent votes cannot lose a count, and each score is computed from
-- the tallies every earlier vote left.
create or replace function private.count_votes() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  target uuid := coalesce(new.proposal_id, old.proposal_id);
  support_delta int := (case when tg_op <> 'DELETE' and new.value = 1 then 1 else 0 end)
                     - (case when tg_op <> 'INSERT' and old.value = 1 then 1 else 0 end);
  oppose_delta int := (case when tg_op <> 'DELETE' and new.value = -1 then 1 else 0 end)
                    - (case when tg_op <> 'INSERT' and old.value = -1 then 1 else 0 end);
begin
  -- NO KEY UPDATE: the vote's own foreign-key check holds KEY SHARE on this row, which FOR
  -- UPDATE would conflict with (two voters would deadlock); this lock does not.
  perform 1 from public.proposals where id = target for no key update;
  if tg_op <> 'INSERT' and old.region is not null then
    update public.proposal_region_tallies
       set support = support - (old.value = 1)::int, oppose = oppose - (old.value = -1)::int
     where proposal_id = target and region = old.region;
  end if;
  if tg_op <> 'DELETE' and new.region is not null then
    insert into public.proposal_region_tallies (proposal_id, region, support, oppose)
    values (target, new.region, (new.value = 1)::int, (new.value = -1)::int)
    on conflict (proposal_id, region) do update
      set support = public.proposal_region_tallies.support + excluded.support,
          oppose = public.proposal_region_tallies.oppose + excluded.oppose;
  end if;
  update public.proposals p
     set support_count = p.support_count + support_delta,
         oppose_count = p.oppose_count + oppose_delta,
         top_score = private.wilson_lower_bound(p.support_count + support_delta, p.oppose_count + oppose_delta),
         hot_score = case when p.published_at is null then null
                          else private.hot_score(p.support_count + support_delta, p.oppose_count + oppose_delta, p.published_at) end,
         region_score = private.region_score(p.id)
   where p.id = target;
  return null;
end;
$$;

create or replace function private.score_on_publish() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform private.refresh_scores(new.id);
  return null;
end;
$$;

/** Rows where a stored counter or score differs from what the source rows say. Empty means
 * the triggers have kept everything exact. */
create or replace function private.counter_drift()
returns table (proposal_id uuid, what text, stored double precision, actual double precision)
language sql stable
security definer
set search_path = ''
as $$
  with actual as (
    select p.id,
      p.support_count, p.oppose_count, p.comment_count, p.top_score, p.region_score,
      (select count(*) from public.votes v where v.proposal_id = p.id and v.value = 1) as support,
      (select count(*) from public.votes v where v.proposal_id = p.id and v.value = -1) as oppose,
      (select count(*) from public.comments c where c.proposal_id = p.id and c.deleted_at is null) as comments,
      (select coalesce(private.cross_borough_score(
          array_agg(x.support order by x.region), array_agg(x.oppose order by x.region),
          (select count(*)::integer from public.regions where is_borough)), 0)
        from (select v.region, count(*) filter (where v.value = 1)::integer as support,
                     count(*) filter (where v.value = -1)::integer as oppose
                from public.votes v join public.regions r on r.slug = v.region and r.is_borough
               where v.proposal_id = p.id group by v.region) x) as region_actual
    from public.proposals p
  )
  select id, 'support_count', support_count, support from actual where support_count <> support
  union all select id, 'oppose_count', oppose_count, oppose from actual where oppose_count <> oppose
  union all select id, 'comment_count', comment_count, comments from actual where comment_count <> comments
  union all select id, 'top_score', top_score, private.wilson_lower_bound(support::int, oppose::int) from actual
    where abs(top_score - private.wilson_lower_bound(support::int, oppose::int)) > 1e-9
  union all select id, 'region_score', region_score, region_actual from actual
    where abs(region_score - region_actual) > 1e-9
  union all
  select t.proposal_id, 'tally ' || t.region, t.support + t.oppose, (
    select count(*) from public.votes v where v.proposal_id = t.proposal_id and v.region = t.region)
  from public.proposal_region_tallies t
  where t.support <> (select count(*) from public.votes v where v.proposal_id = t.proposal_id and v.region = t.region and v.value = 1)
     or t.oppose <> (select count(*) from public.votes v where v.proposal_id = t.proposal_id and v.region = t.region and v.value = -1)
$$;

-- triggers
create trigger votes_prepare
  before insert or update on public.votes
  for each row execute function private.prepare_vote();

create trigger votes_limit_withdrawal
  before delete on public.votes
  for each row execute function private.limit_vote_withdrawal();

create trigger votes_count
  after insert or update or delete on public.votes
  for each row execute function private.count_votes();

create trigger proposals_score_on_publish
  after update of published_at on public.proposals
  for each row when (old.published_at is distinct from new.published_at)
  execute function private.score_on_publish();

-- grants
revoke all on function private.prepare_vote(), private.limit_vote_withdrawal(), private.count_votes(),
  private.score_on_publish(), private.refresh_scores(uuid), private.region_score(uuid), private.counter_drift() from public, anon, authenticated;

revoke all on public.votes, public.proposal_region_tallies from anon, authenticated;
grant select on public.votes, public.proposal_region_tallies to anon, authenticated;
grant insert (proposal_id, value), update (value), delete on public.votes to authenticated;

-- RLS and policies
alter table public.votes enable row level security;
alter table public.proposal_region_tallies enable row level security;

create policy "Members see their own votes"
  on public.votes for select
  to authenticated
  using (user_id = (select auth.uid()));

create policy "Group members vote on live proposals"
  on public.votes for insert
  to authenticated
  with check (
    user_id = (select auth.uid())
    and (select private.proposal_is_live(proposal_id))
    and (select private.is_active_member(private.proposal_group(proposal_id)))
  );

create policy "Members change their vote on live proposals"
  on public.votes for update
  to authenticated
  using (
    user_id = (select auth.uid())
    and (select private.proposal_is_live(proposal_id))
    and (select private.is_active_member(private.proposal_group(proposal_id)))
  )
  with check (user_id = (select auth.uid()));

create policy "Members withdraw their vote on live proposals"
  on public.votes for delete
  to authenticated
  using (user_id = (select auth.uid()) and (select private.proposal_is_live(proposal_id)));

create policy "Support by region is public for readable proposals"
  on public.proposal_region_tallies for select
  to anon, authenticated
  using ((select private.can_read_proposal(proposal_id)));
