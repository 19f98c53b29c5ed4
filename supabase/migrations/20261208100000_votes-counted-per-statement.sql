-- Votes are counted once per statement, not once per vote (issue 12, item 7).
--
-- Four row triggers ran for every vote: count_votes (lock the proposal, one borough tally,
-- Unites the region, then rewrite the proposal row and its fourteen indexes),
-- follow_supported, record_activity_month and record_participation. Each is now a statement
-- trigger that reads the statement's votes from its transition table and does the same work
-- set-based: a proposal row is written once per statement however many of its votes the
-- statement holds (and so sends one votes_changed broadcast), Unites the region is computed
-- only when a borough's tally changed, and the per-row function calls, nested statements and
-- their statement triggers are gone.
--
-- Counting stays exact under concurrency as before: the proposals a statement counts are
-- locked (FOR NO KEY UPDATE, in id order so two statements cannot deadlock) before their
-- tallies are read, so votes on one proposal are counted one transaction after another, each
-- from the tallies and counters the one before left.

-- types
create type private.vote_tally_change as (
  proposal_id uuid,
  region text,
  support integer,
  oppose integer
);
comment on type private.vote_tally_change is 'What a statement''s votes change in one proposal''s tally for one region (region null: the voter gave none).';

-- functions
/** Applies a statement's tally changes: the borough tallies, then each proposal's counters
 * and scores, in one write per proposal. */
create or replace function private.apply_vote_changes(changes private.vote_tally_change[])
returns void
language plpgsql
security definer
set search_path = ''
-- Plans made once per session serve one vote and 5,000 alike; left to choose, Postgres plans
-- each member's single vote afresh, which cost more than counting it.
set plan_cache_mode = force_generic_plan
as $$
begin
  -- NO KEY UPDATE: the votes' foreign-key checks hold KEY SHARE on these rows, which FOR
  -- UPDATE would conflict with; this lock does not. Everything below reads after it.
  perform 1 from public.proposals p
   where p.id in (select c.proposal_id from unnest(changes) c)
   order by p.id
     for no key update of p;

  if not exists (select 1 from unnest(changes) c where c.support < 0 or c.oppose < 0) then
    -- Only votes added (the usual case): one upsert.
    insert into public.proposal_region_tallies as t (proposal_id, region, support, oppose)
    select c.proposal_id, c.region, c.support, c.oppose
      from unnest(changes) c
     where c.region is not null and (c.support > 0 or c.oppose > 0)
    on conflict (proposal_id, region) do update
      set support = t.support + excluded.support, oppose = t.oppose + excluded.oppose;
  else
    -- A tally that exists takes the whole change; a missing one starts from what was added (a
    -- removal from a tally that is gone changes nothing, as before).
    update public.proposal_region_tallies t
       set support = t.support + c.support, oppose = t.oppose + c.oppose
      from unnest(changes) c
     where t.proposal_id = c.proposal_id and t.region = c.region
       and (c.support <> 0 or c.oppose <> 0);
    insert into public.proposal_region_tallies (proposal_id, region, support, oppose)
    select c.proposal_id, c.region, greatest(c.support, 0), greatest(c.oppose, 0)
      from unnest(changes) c
     where c.region is not null and (c.support > 0 or c.oppose > 0)
       and not exists (select 1 from public.proposal_region_tallies t
                        where t.proposal_id = c.proposal_id and t.region = c.region);
  end if;

  with counted as (
    select c.proposal_id, sum(c.support)::integer as support, sum(c.oppose)::integer as oppose,
           coalesce(bool_or(r.is_borough and (c.support <> 0 or c.oppose <> 0)), false) as borough_changed
      from unnest(changes) c
      left join public.regions r on r.slug = c.region
     group by c.proposal_id
  ), unites as (
    -- The same tallies in the same order as private.region_score(): the same score.
    select t.proposal_id,
           private.cross_borough_score(array_agg(t.support order by t.region),
             array_agg(t.oppose order by t.region),
             (select count(*)::integer from public.regions where is_borough)) as score
      from public.proposal_region_tallies t
      join public.regions r on r.slug = t.region and r.is_borough
     where t.proposal_id in (select proposal_id from counted where borough_changed)
     group by t.proposal_id
  )
  update public.proposals p
     set support_count = p.support_count + c.support,
         oppose_count = p.oppose_count + c.oppose,
         top_score = private.wilson_lower_bound(p.support_count + c.support, p.oppose_count + c.oppose),
         hot_score = case when p.published_at is null then null
                          else private.hot_score(p.support_count + c.support, p.oppose_count + c.oppose, p.published_at) end,
         region_score = case when c.borough_changed then coalesce(u.score, 0) else p.region_score end
    from counted c
    left join unites u on u.proposal_id = c.proposal_id
   where p.id = c.proposal_id
     and (c.support <> 0 or c.oppose <> 0 or c.borough_changed);
end;
$$;

/** Statement trigger on votes: what the statement's new and old votes change, per proposal and
 * region (a new vote adds to its value's count, an old one takes away). */
create or replace function private.count_vote_changes() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  changes private.vote_tally_change[];
begin
  -- Each branch names only the transition tables its trigger has.
  if tg_op = 'INSERT' then
    changes := array(
      select (v.proposal_id, v.region, (count(*) filter (where v.value = 1))::integer,
              (count(*) filter (where v.value = -1))::integer)::private.vote_tally_change
        from new_votes v group by v.proposal_id, v.region);
  elsif tg_op = 'DELETE' then
    changes := array(
      select (v.proposal_id, v.region, -(count(*) filter (where v.value = 1))::integer,
              -(count(*) filter (where v.value = -1))::integer)::private.vote_tally_change
        from old_votes v group by v.proposal_id, v.region);
  else
    changes := array(
      select (v.proposal_id, v.region, coalesce(sum(v.sign) filter (where v.value = 1), 0)::integer,
              coalesce(sum(v.sign) filter (where v.value = -1), 0)::integer)::private.vote_tally_change
        from (select n.proposal_id, n.region, n.value, 1 as sign from new_votes n
              union all
              select o.proposal_id, o.region, o.value, -1 from old_votes o) v
       group by v.proposal_id, v.region);
  end if;
  if cardinality(changes) > 0 then
    perform private.apply_vote_changes(changes);
  end if;
  return null;
end;
$$;

/** Statement trigger on new votes: a member follows what they support (as follow_supported
 * did per vote), and their membership of each group they voted in is marked active this month
 * and, unless they wrote the proposal, as participating (as record_activity_month and
 * record_participation did per vote) — in one write per membership. */
create or replace function private.record_new_votes() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  this_month date := date_trunc('month', now())::date;
begin
  insert into public.follows (user_id, proposal_id)
  select v.user_id, v.proposal_id from new_votes v
   where v.value = 1
     and not exists (select 1 from public.follows f
                      where f.user_id = v.user_id and f.proposal_id = v.proposal_id)
  on conflict do nothing;

  update public.group_members m
     set active_month = this_month,
         participated_at = case when m.participated_at is null and v.participates then now()
                                else m.participated_at end
    from (select p.group_id, n.user_id,
                 bool_or(p.author_id <> n.user_id
                         and not exists (select 1 from public.proposal_authors a
                                          where a.proposal_id = p.id and a.user_id = n.user_id)) as participates
            from new_votes n
            join public.proposals p on p.id = n.proposal_id
           group by p.group_id, n.user_id) v
   where m.group_id = v.group_id and m.user_id = v.user_id and m.status = 'active'
     and (m.active_month is distinct from this_month or (m.participated_at is null and v.participates));
  return null;
end;
$$;

-- triggers
drop trigger votes_count on public.votes;
drop trigger votes_follow_supported on public.votes;
drop trigger votes_record_activity_month on public.votes;
drop trigger votes_record_participation on public.votes;
-- record_activity_month and record_participation still serve comments and ballots.
drop function private.count_votes();
drop function private.follow_supported();

create trigger votes_count_inserted
  after insert on public.votes
  referencing new table as new_votes
  for each statement execute function private.count_vote_changes();
create trigger votes_count_updated
  after update on public.votes
  referencing old table as old_votes new table as new_votes
  for each statement execute function private.count_vote_changes();
create trigger votes_count_deleted
  after delete on public.votes
  referencing old table as old_votes
  for each statement execute function private.count_vote_changes();
create trigger votes_record_new
  after insert on public.votes
  referencing new table as new_votes
  for each statement execute function private.record_new_votes();

-- grants
revoke all on function private.apply_vote_changes(private.vote_tally_change[]),
  private.count_vote_changes(), private.record_new_votes()
  from public, anon, authenticated;
