-- A home for members (issue 19, item 2). Signed in, the front page leads with the member's
-- own groups and what is new in each since their last visit, so the membership remembers when
-- the member last opened the group's page; and with the proposals they support or follow that
-- moved lately, so a proposal remembers when its status last changed after publication. The
-- candidate's answers get a feed of their own, newest first, read through an index in that
-- order.

-- tables
alter table public.group_members add column seen_at timestamptz;
comment on column public.group_members.seen_at is 'When the member last opened the group''s page (kept to the nearest ten minutes); what is newer is "new since your last visit".';

alter table public.proposals add column status_changed_at timestamptz;
comment on column public.proposals.status_changed_at is 'When the status last changed after publication (shortlisted, forwarded, answered, archived, merged, reopened); null while it is as published. Set by trigger.';
-- Proposals that moved before the column existed: their last update is the nearest we know.
update public.proposals set status_changed_at = updated_at where status not in ('draft', 'open');

-- indexes
create index candidate_responses_feed_idx on public.candidate_responses (responded_at desc, proposal_id);

-- functions
create function private.stamp_status_change() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if new.status is distinct from old.status and old.status <> 'draft' then
    new.status_changed_at := now();
  end if;
  return new;
end;
$$;

/** Records that the signed-in member opened the group's page. Writes at most once every ten
 * minutes per member and group, so reading a group costs no write most of the time. */
create function private.mark_group_seen(p_group uuid) returns void
language sql
security definer
set search_path = ''
as $$
  update public.group_members
     set seen_at = now()
   where group_id = p_group and user_id = (select auth.uid()) and status = 'active'
     and (seen_at is null or seen_at < now() - interval '10 minutes');
$$;

/** The signed-in member's groups for their home page, in the groups' own order: their role
 * and status, and how many proposals others published since they last opened the group (or
 * since they joined), counted up to 10 through the group's "newest" listing index. Runs as
 * owner, since seen_at is the member's own and not granted to anyone; so it reads only the
 * caller's memberships and counts, for active members only, what every member of the group
 * may read: published, not hidden. */
create function private.my_groups_since_last_visit()
returns table (
  group_id uuid, slug text, name text, role public.group_role,
  status public.membership_status, since timestamptz, new_proposals integer
)
language sql
stable
security definer
set search_path = ''
as $$
  select g.id, g.slug, g.name, m.role, m.status,
         coalesce(m.seen_at, m.joined_at, m.requested_at),
         case when m.status = 'active' then
           (select count(*)::integer
              from (select 1
                      from public.proposals p
                     where p.group_id = g.id and p.status <> 'draft' and p.pinned in (true, false)
                       and p.published_at > coalesce(m.seen_at, m.joined_at)
                       and p.hidden_at is null and p.author_id <> m.user_id
                     limit 10) as fresh)
         else 0 end
    from public.group_members m
    join public.groups g on g.id = m.group_id and g.archived_at is null
   where m.user_id = (select auth.uid())
   order by g.position, g.name;
$$;

-- The public names run as the caller (decision 006) and call the owner's functions above.
create function public.mark_group_seen(p_group uuid) returns void
language sql security invoker set search_path = ''
as $$ select private.mark_group_seen($1) $$;

create function public.my_groups_since_last_visit()
returns table (
  group_id uuid, slug text, name text, role public.group_role,
  status public.membership_status, since timestamptz, new_proposals integer
)
language sql stable security invoker set search_path = ''
as $$ select * from private.my_groups_since_last_visit() $$;

/** The proposals the signed-in member supports or follows whose status changed in the last
 * 30 days, latest first, at most `most`. Bounded by the member's own votes and follows (read
 * through votes_user_updated_idx and the follows' unique key), never by the size of a group.
 * Runs as the member, so hidden proposals stay out. */
create function public.my_moved_proposals(most integer default 5)
returns table (
  proposal_id uuid, title text, status public.proposal_status, group_slug text,
  group_name text, moved_at timestamptz
)
language sql
stable
security invoker
set search_path = ''
as $$
  select p.id, p.title, p.status, g.slug, g.name, p.status_changed_at
    from public.proposals p
    join public.groups g on g.id = p.group_id
   where p.id in (select v.proposal_id from public.votes v
                   where v.user_id = (select auth.uid()) and v.value = 1
                  union
                  select f.proposal_id from public.follows f
                   where f.user_id = (select auth.uid()) and f.proposal_id is not null)
     and p.status_changed_at > now() - interval '30 days'
   order by p.status_changed_at desc
   limit least(greatest(most, 1), 20);
$$;

-- triggers
create trigger proposals_stamp_status_change
  before update of status on public.proposals
  for each row execute function private.stamp_status_change();

-- grants
-- When a proposal's public status changed is as public as the status.
grant select (status_changed_at) on public.proposals to anon, authenticated;
revoke all on function private.stamp_status_change() from public, anon, authenticated;
revoke all on function private.mark_group_seen(uuid), private.my_groups_since_last_visit(),
  public.mark_group_seen(uuid), public.my_groups_since_last_visit(),
  public.my_moved_proposals(integer) from public, anon;
grant execute on function private.mark_group_seen(uuid), private.my_groups_since_last_visit(),
  public.mark_group_seen(uuid), public.my_groups_since_last_visit(),
  public.my_moved_proposals(integer) to authenticated;
