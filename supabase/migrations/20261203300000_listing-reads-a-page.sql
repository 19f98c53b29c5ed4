-- The group page's listing reads about a page of rows, however large the group (issue 12).
--
-- 1. An index per ranking in the listing's exact order — pinned first, then the ranking
--    (nulls last), then the newest — so Postgres walks the index and stops after the page
--    instead of sorting the whole group.
-- 2. Totals from stored counters, not count(*) over the group on every view: the number of
--    published proposals per group, status and hidden-or-not, kept by a trigger on
--    proposals. RLS shows the hidden counts to those who see hidden proposals (the group's
--    curators), so everyone's total matches the listing RLS lets them read.

-- tables
create table public.proposal_counts (
  group_id uuid not null references public.groups (id) on delete cascade,
  status public.proposal_status not null check (status <> 'draft'),
  hidden boolean not null,
  proposals integer not null default 0 check (proposals >= 0),
  primary key (group_id, status, hidden)
);
comment on table public.proposal_counts is 'Published proposals per group, status and hidden-or-not, kept by a trigger on proposals; the listing''s totals.';

-- indexes
create index proposals_listing_top_idx on public.proposals
  (group_id, pinned desc, top_score desc nulls last, published_at desc) where status <> 'draft';
create index proposals_listing_hot_idx on public.proposals
  (group_id, pinned desc, hot_score desc nulls last, published_at desc) where status <> 'draft';
create index proposals_listing_new_idx on public.proposals
  (group_id, pinned desc, published_at desc nulls last) where status <> 'draft';
create index proposals_listing_discussed_idx on public.proposals
  (group_id, pinned desc, comment_count desc nulls last, published_at desc) where status <> 'draft';
create index proposals_listing_region_idx on public.proposals
  (group_id, pinned desc, region_score desc nulls last, published_at desc) where status <> 'draft';

-- functions
/** Moves a proposal between counters when it is published, changes status, is hidden or
 * shown, changes group or goes. Both counters are touched in one fixed order, so two
 * proposals moving in opposite directions cannot deadlock. */
create or replace function private.count_proposal() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  was_counted boolean := tg_op <> 'INSERT' and old.status <> 'draft';
  is_counted boolean := tg_op <> 'DELETE' and new.status <> 'draft';
  change record;
begin
  if tg_op = 'UPDATE' and was_counted and is_counted
     and (old.group_id, old.status, old.hidden_at is not null)
         = (new.group_id, new.status, new.hidden_at is not null) then
    return null;
  end if;
  for change in
    select * from (
      select old.group_id as group_id, old.status as status, old.hidden_at is not null as hidden, -1 as delta
       where was_counted
      union all
      select new.group_id, new.status, new.hidden_at is not null, 1
       where is_counted
    ) c
    order by c.group_id, c.status, c.hidden
  loop
    if change.delta > 0 then
      insert into public.proposal_counts (group_id, status, hidden, proposals)
      values (change.group_id, change.status, change.hidden, 1)
      on conflict (group_id, status, hidden) do update
        set proposals = public.proposal_counts.proposals + 1;
    else
      -- An update, never an insert: when the group itself is being deleted its counters
      -- may already be gone.
      update public.proposal_counts
         set proposals = proposals - 1
       where (group_id, status, hidden) = (change.group_id, change.status, change.hidden);
    end if;
  end loop;
  return null;
end;
$$;

/** Counters that differ from the proposals they count. Empty means the trigger kept them. */
create or replace function private.proposal_count_drift()
returns table (group_id uuid, status public.proposal_status, hidden boolean, stored integer, actual integer)
language sql stable
security definer
set search_path = ''
as $$
  with actual as (
    select p.group_id, p.status, p.hidden_at is not null as hidden, count(*)::integer as n
      from public.proposals p where p.status <> 'draft'
     group by 1, 2, 3
  )
  select coalesce(c.group_id, a.group_id), coalesce(c.status, a.status), coalesce(c.hidden, a.hidden),
         coalesce(c.proposals, 0), coalesce(a.n, 0)
    from public.proposal_counts c
    full join actual a on (a.group_id, a.status, a.hidden) = (c.group_id, c.status, c.hidden)
   where coalesce(c.proposals, 0) <> coalesce(a.n, 0)
$$;

-- the counts of the proposals already there
insert into public.proposal_counts (group_id, status, hidden, proposals)
select group_id, status, hidden_at is not null, count(*)
  from public.proposals where status <> 'draft'
 group by 1, 2, 3;

-- triggers
create trigger proposals_count
  after insert or delete or update of status, hidden_at, group_id on public.proposals
  for each row execute function private.count_proposal();

create trigger refuse_ended_sessions
  before insert or update or delete on public.proposal_counts
  for each statement execute function private.refuse_ended_sessions();

-- row level security
alter table public.proposal_counts enable row level security;

create policy "Counts of what each reader may list"
  on public.proposal_counts for select
  to anon, authenticated
  using (not hidden or (select private.can_curate(group_id)));

-- grants
revoke all on public.proposal_counts from anon, authenticated;
grant select on public.proposal_counts to anon, authenticated;
revoke all on function private.count_proposal() from public, anon, authenticated;
revoke all on function private.proposal_count_drift() from public, anon, authenticated;
