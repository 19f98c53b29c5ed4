-- A support threshold per group (issue 15, item 3). Admins may give a group a number of
-- supporters, and optionally a number of boroughs that must each have at least 5 supporters,
-- at which an open proposal becomes "ready for the shortlist": it enters the facilitators'
-- queue and its authors are told. Being ready is a stored fact (proposals.ready_at), set once
-- by a trigger when the vote that reaches the threshold is counted; the queue is an index scan.
--
-- Why 5 per borough: it is the floor below which a borough's tally is not published
-- (small boroughs stay private), so the spread shown on the proposal page gives away nothing
-- the public tallies do not.

-- tables
alter table public.groups
  add column shortlist_supporters integer check (shortlist_supporters between 1 and 100000),
  add column shortlist_boroughs integer not null default 0 check (shortlist_boroughs between 0 and 20);
comment on column public.groups.shortlist_supporters is 'Supporters at which an open proposal is ready for the shortlist (none: no threshold).';
comment on column public.groups.shortlist_boroughs is 'How many boroughs must each have at least 5 supporters as well (0: no spread needed).';

alter table public.proposals add column ready_at timestamptz;
comment on column public.proposals.ready_at is 'When the proposal reached its group''s support threshold (set once, by trigger).';

alter type public.notification_kind add value if not exists 'proposal_ready';

-- indexes
create index proposals_ready_queue_idx on public.proposals (group_id, ready_at)
  where status = 'open' and ready_at is not null;

-- functions
/** How many boroughs have at least 5 supporters of a proposal (from its stored tallies). */
create or replace function private.boroughs_backing(target uuid) returns integer
language sql stable
security definer
set search_path = ''
as $$
  select count(*)::integer
    from public.proposal_region_tallies t
    join public.regions r on r.slug = t.region
   where t.proposal_id = target and r.is_borough and t.support >= 5
$$;

/** Whether a proposal with this support meets its group's threshold now. */
create or replace function private.meets_threshold(target uuid, supporters integer, target_group uuid)
returns boolean
language sql stable
security definer
set search_path = ''
as $$
  select coalesce((
    select g.shortlist_supporters is not null and supporters >= g.shortlist_supporters
       and (g.shortlist_boroughs = 0 or private.boroughs_backing(target) >= g.shortlist_boroughs)
      from public.groups g where g.id = target_group
  ), false)
$$;

-- Counted votes update support_count after the borough tallies (private.count_votes), so the
-- spread read here already includes the vote being counted.
create or replace function private.mark_ready() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if new.ready_at is null and new.status = 'open' and new.support_count > old.support_count
     and private.meets_threshold(new.id, new.support_count, new.group_id) then
    new.ready_at := now();
  elsif new.ready_at is distinct from old.ready_at and current_setting('policy_forum.marking_ready', true) is distinct from 'on' then
    new.ready_at := old.ready_at; -- nobody sets it by hand
  end if;
  return new;
end;
$$;

create or replace function private.notify_ready() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform private.notify(
    array(select a.user_id from public.proposal_authors a where a.proposal_id = new.id and a.accepted_at is not null),
    'proposal_ready',
    format('Your proposal “%s” has reached its group’s support threshold: it is in the facilitators’ queue for the shortlist.', new.title),
    null, new.group_id, new.id);
  return null;
end;
$$;

-- A threshold set or lowered applies at once to the open proposals that already meet it.
create or replace function private.apply_threshold() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform set_config('policy_forum.marking_ready', 'on', true);
  update public.proposals p
     set ready_at = now()
   where p.group_id = new.id and p.status = 'open' and p.ready_at is null
     and private.meets_threshold(p.id, p.support_count, p.group_id);
  perform set_config('policy_forum.marking_ready', '', true);
  return null;
end;
$$;

-- triggers
create trigger proposals_mark_ready
  before update on public.proposals
  for each row execute function private.mark_ready();

-- Not "update of ready_at": that fires only when a statement names the column, and it is
-- set by the trigger above.
create trigger proposals_notify_ready
  after update on public.proposals
  for each row when (old.ready_at is null and new.ready_at is not null)
  execute function private.notify_ready();

create trigger groups_apply_threshold
  after update of shortlist_supporters, shortlist_boroughs on public.groups
  for each row when (new.shortlist_supporters is not null)
  execute function private.apply_threshold();

-- grants
revoke all on function private.boroughs_backing(uuid), private.meets_threshold(uuid, integer, uuid),
  private.mark_ready(), private.notify_ready(), private.apply_threshold() from public, anon, authenticated;
grant select (ready_at) on public.proposals to anon, authenticated;
grant select (shortlist_supporters, shortlist_boroughs) on public.groups to anon, authenticated;
-- Admins set a group's threshold, as they set the rest of the group (RLS: admins edit groups).
grant update (shortlist_supporters, shortlist_boroughs) on public.groups to authenticated;
