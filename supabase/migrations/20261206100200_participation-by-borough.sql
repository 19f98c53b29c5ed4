-- Participation by borough: "are we listening to all six boroughs?". For each group and
-- borough, the facilitators and the candidate see the members, the members active this month,
-- the proposals, the votes and the ballot turnout. Cheap at any size: votes come from the
-- stored per-borough tallies (one row per proposal and borough, never a scan of the votes),
-- activity this month from one stored month per membership (written at most once a month per
-- member and group, like participated_at), and the rest from the group's memberships and
-- proposals, which the group's own indexes bound. Boroughs with fewer than 5 members are
-- grouped by decision 009's rule, so no one's activity can be read off a small borough.

-- tables
alter table public.group_members add column active_month date;
comment on column public.group_members.active_month is 'The first day of the last month this member voted, commented, published or ranked in the group. Not readable by API roles.';

-- functions
/** Records the month a member took part in a group: after a vote, comment or ranking (the
 * member is the trigger's column tg_argv[0]; the group comes from the proposal or ballot). */
create or replace function private.record_activity_month() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  row_data jsonb := to_jsonb(new);
  member uuid := (row_data ->> tg_argv[0])::uuid;
  target_group uuid;
  this_month date := date_trunc('month', now())::date;
begin
  if row_data ? 'ballot_id' then
    select b.group_id into target_group from public.ballots b where b.id = (row_data ->> 'ballot_id')::uuid;
  else
    select p.group_id into target_group from public.proposals p where p.id = (row_data ->> 'proposal_id')::uuid;
  end if;
  update public.group_members m
     set active_month = this_month
   where m.group_id = target_group and m.user_id = member and m.status = 'active'
     and m.active_month is distinct from this_month;
  return null;
end;
$$;

/** Publishing a proposal is taking part too. */
create or replace function private.record_publishing_month() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  update public.group_members m
     set active_month = date_trunc('month', now())::date
   where m.group_id = new.group_id and m.user_id = new.author_id and m.status = 'active'
     and m.active_month is distinct from date_trunc('month', now())::date;
  return null;
end;
$$;

/** A group's participation by borough, for its curators and the candidate. Boroughs with
 * fewer than 5 members (and, when those hold 1–4 members together, the smallest shown borough
 * as well) come back with null figures and fewer_than_5, and together as one row whose
 * region is null; members without a borough are in that row too. */
create or replace function private.group_participation(group_id uuid)
returns table (
  region text, members integer, active_this_month integer, proposals integer, votes integer,
  ballot_eligible integer, ballot_voted integer, fewer_than_5 boolean
)
language plpgsql stable
security definer
set search_path = ''
as $$
begin
  if not (private.can_curate(group_participation.group_id) or private.has_site_role('candidate')) then
    raise exception 'Only the group''s facilitators and the candidate see its participation.' using errcode = '42501';
  end if;
  return query
  with membership as (
    select p.region,
           count(*)::integer as members,
           (count(*) filter (where m.active_month = date_trunc('month', now())::date))::integer as active
      from public.group_members m
      -- The borough each member gave, shown on their profile or not.
      left join private.member_boroughs p on p.user_id = m.user_id
     where m.group_id = group_participation.group_id and m.status = 'active'
     group by p.region
  ),
  written as (
    select a.region, count(*)::integer as proposals
      from public.proposals pr
      left join private.member_boroughs a on a.user_id = pr.author_id
     where pr.group_id = group_participation.group_id and pr.status <> 'draft'
     group by a.region
  ),
  voted as (
    select t.region, sum(t.support + t.oppose)::integer as votes
      from public.proposals pr
      join public.proposal_region_tallies t on t.proposal_id = pr.id
     where pr.group_id = group_participation.group_id
     group by t.region
  ),
  turnout as (
    select t.region, sum(t.eligible)::integer as eligible, sum(t.voted)::integer as voted
      from public.ballots b
      join private.ballot_turnout t on t.ballot_id = b.id
     where b.group_id = group_participation.group_id
     group by t.region
  ),
  per_region as (
    select g.slug as region, g.position,
           coalesce(ms.members, 0) as members, coalesce(ms.active, 0) as active,
           coalesce(w.proposals, 0) as proposals, coalesce(v.votes, 0) as votes,
           coalesce(tu.eligible, 0) as eligible, coalesce(tu.voted, 0) as ballots
      from public.regions g
      left join membership ms on ms.region = g.slug
      left join written w on w.region = g.slug
      left join voted v on v.region = g.slug
      left join turnout tu on tu.region = g.slug
  ),
  ranked as (
    select r.*,
           sum(case when r.members < 5 then r.members else 0 end) over () as withheld_members,
           row_number() over (order by case when r.members >= 5 then r.members end asc nulls last, r.position, r.region) as smallest
      from per_region r
  ),
  shown as (
    select r.*, r.members >= 5 and not (r.smallest = 1 and r.withheld_members between 1 and 4) as shown
      from ranked r
  ),
  together as (
    select s.members, s.active, s.proposals, s.votes, s.eligible, s.ballots from shown s where not s.shown
    union all
    select coalesce((select ms.members from membership ms where ms.region is null), 0),
           coalesce((select ms.active from membership ms where ms.region is null), 0),
           coalesce((select w.proposals from written w where w.region is null), 0),
           0,
           coalesce((select tu.eligible from turnout tu where tu.region is null), 0),
           coalesce((select tu.voted from turnout tu where tu.region is null), 0)
  )
  select x.region, x.members, x.active, x.proposals, x.votes, x.eligible, x.ballots, x.fewer_than_5
    from (
      select s.position, s.region,
             case when s.shown then s.members end as members,
             case when s.shown then s.active end as active,
             case when s.shown then s.proposals end as proposals,
             case when s.shown then s.votes end as votes,
             case when s.shown then s.eligible end as eligible,
             case when s.shown then s.ballots end as ballots,
             s.members < 5 as fewer_than_5
        from shown s
      union all
      select 32767, null, sum(t.members)::integer, sum(t.active)::integer, sum(t.proposals)::integer,
             sum(t.votes)::integer, sum(t.eligible)::integer, sum(t.ballots)::integer, false
        from together t
    ) as x
   order by x.position, x.region;
end;
$$;

create function public.group_participation(group_id uuid)
returns table (
  region text, members integer, active_this_month integer, proposals integer, votes integer,
  ballot_eligible integer, ballot_voted integer, fewer_than_5 boolean
)
language sql stable security invoker set search_path = ''
as $$ select * from private.group_participation($1) $$;

-- triggers
create trigger votes_record_activity_month
  after insert on public.votes
  for each row execute function private.record_activity_month('user_id');
create trigger comments_record_activity_month
  after insert on public.comments
  for each row execute function private.record_activity_month('author_id');
create trigger ballot_papers_record_activity_month
  after insert or update on public.ballot_papers
  for each row execute function private.record_activity_month('voter_id');
create trigger proposals_record_publishing_month
  after update of status on public.proposals
  for each row when (old.status = 'draft' and new.status = 'open')
  execute function private.record_publishing_month();

-- grants
revoke all on function private.record_activity_month(), private.record_publishing_month()
  from public, anon, authenticated;
revoke all on function private.group_participation(uuid) from public, anon;
grant execute on function private.group_participation(uuid) to authenticated;
revoke all on function public.group_participation(uuid) from public, anon;
grant execute on function public.group_participation(uuid) to authenticated;
