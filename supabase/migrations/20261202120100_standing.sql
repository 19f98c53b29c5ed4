-- Standing: whose reports can hide content (and, later, who may suggest amendments and
-- vote in ballots). A member has standing in a group when they are
--   a facilitator of the group, or an admin; or
--   an active member for at least the group's standing_days (7 unless an admin changes it)
--   who has taken part there: voted on, or commented on, a proposal that is not their own.
-- See docs/decisions/008-standing.md for why.
--
-- The participation is a stored fact on the membership (group_members.participated_at, set
-- by triggers on votes and comments), so standing is one primary-key lookup. A flag stores
-- its reporter's standing when it is made (flags.reporter_has_standing): the automatic hide
-- counts those flags, and the facilitators' queue shows it without computing anything per row.
-- Flags from accounts without standing still reach the queue; they never hide anything.

-- tables
alter table public.groups
  add column standing_days integer not null default 7 check (standing_days between 0 and 365);
comment on column public.groups.standing_days is 'Days of active membership (with participation) before a member''s reports count towards hiding content.';

alter table public.group_members add column participated_at timestamptz;
comment on column public.group_members.participated_at is 'When this member first voted on or commented on someone else''s proposal in the group, since joining.';

alter table public.flags add column reporter_has_standing boolean not null default false;
comment on column public.flags.reporter_has_standing is 'Whether the reporter had standing in the group when they flagged: only such flags hide content automatically.';

-- Memberships that already took part keep their history.
update public.group_members m
   set participated_at = first.at
  from (
    select p.group_id, x.member, min(x.at) as at
      from (
        select v.proposal_id, v.user_id as member, v.created_at as at from public.votes v
        union all
        select c.proposal_id, c.author_id, c.created_at from public.comments c
      ) as x
      join public.proposals p on p.id = x.proposal_id
     where p.author_id <> x.member
       and not exists (select 1 from public.proposal_authors a where a.proposal_id = p.id and a.user_id = x.member)
     group by p.group_id, x.member
  ) as first
 where m.group_id = first.group_id and m.user_id = first.member
   and m.status = 'active' and first.at >= m.joined_at;

-- indexes
-- Standing is read by the membership's primary key (group_id, user_id); nothing to add.

-- functions
/** Whether a member has standing in a group: a facilitator or admin, or an active member for
 * the group's standing_days who has voted or commented on someone else's proposal there. */
create or replace function private.has_standing(target_group uuid, member uuid) returns boolean
language sql stable
security definer
set search_path = ''
as $$
  select exists (select 1 from public.site_roles r where r.user_id = member and r.role = 'admin')
    or exists (
      select 1
        from public.group_members m
        join public.groups g on g.id = m.group_id
       where m.group_id = target_group and m.user_id = member and m.status = 'active'
         and (
           m.role = 'facilitator'
           or (m.participated_at is not null
               and m.joined_at <= now() - make_interval(days => g.standing_days))
         )
    )
$$;

/** The signed-in member's own standing in a group, with what is still missing. */
create or replace function private.viewer_standing(target_group uuid)
returns table (
  has_standing boolean,
  is_active_member boolean,
  is_facilitator boolean,
  is_admin boolean,
  has_participated boolean,
  standing_days integer,
  joined_at timestamptz,
  standing_from timestamptz
)
language sql stable
security definer
set search_path = ''
as $$
  select private.has_standing(g.id, (select auth.uid())),
         m.user_id is not null,
         coalesce(m.role = 'facilitator', false),
         private.is_admin(),
         m.participated_at is not null,
         g.standing_days,
         m.joined_at,
         m.joined_at + make_interval(days => g.standing_days)
    from public.groups g
    left join public.group_members m
      on m.group_id = g.id and m.user_id = (select auth.uid()) and m.status = 'active'
   where g.id = target_group and (select auth.uid()) is not null
$$;

/** The signed-in member's standing in a group (no row for a visitor or an unknown group). */
create or replace function public.my_standing(group_id uuid)
returns table (
  has_standing boolean,
  is_active_member boolean,
  is_facilitator boolean,
  is_admin boolean,
  has_participated boolean,
  standing_days integer,
  joined_at timestamptz,
  standing_from timestamptz
)
language sql stable
security invoker
set search_path = ''
as $$
  select * from private.viewer_standing(my_standing.group_id)
$$;

-- A first vote or comment on someone else's proposal marks the membership as taking part.
-- Only the first one writes: later ones find participated_at already set and touch nothing.
create or replace function private.record_participation() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  member uuid := (to_jsonb(new) ->> tg_argv[0])::uuid;
begin
  update public.group_members m
     set participated_at = now()
    from public.proposals p
   where p.id = new.proposal_id
     and m.group_id = p.group_id and m.user_id = member
     and m.status = 'active' and m.participated_at is null
     and p.author_id <> member
     and not exists (select 1 from public.proposal_authors a where a.proposal_id = p.id and a.user_id = member);
  return null;
end;
$$;

-- As before, and the reporter's standing is stored with the flag.
create or replace function private.prepare_flag() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  flagged_comment public.comments;
  proposal public.proposals;
  what text := case when new.comment_id is not null then 'comment' else 'proposal' end;
begin
  if num_nonnulls(new.proposal_id, new.comment_id) <> 1 then
    raise exception 'Flag either a proposal or a comment.' using errcode = 'P0001';
  end if;
  if auth.uid() is not null then
    new.reporter_id := auth.uid();
  end if;
  new.reason := private.trim_text(new.reason);
  if coalesce(char_length(new.reason), 0) not between 1 and 500 then
    raise exception 'Say what is wrong with it, in up to 500 characters.' using errcode = 'P0001';
  end if;
  new.status := 'open';
  new.created_at := now();
  new.resolved_by := null;
  new.resolved_at := null;
  new.resolution_note := null;
  if what = 'comment' then
    select * into flagged_comment from public.comments where id = new.comment_id;
  end if;
  select * into proposal from public.proposals where id = coalesce(new.proposal_id, flagged_comment.proposal_id);
  if proposal.id is null or (auth.uid() is not null and not private.can_read_proposal(proposal.id)) then
    raise exception 'You can only flag what you can read.' using errcode = '42501';
  end if;
  if proposal.status = 'draft' then
    raise exception 'Only published proposals and their comments can be flagged.' using errcode = 'P0001';
  end if;
  if flagged_comment.deleted_at is not null then
    raise exception 'This comment has been deleted.' using errcode = 'P0001';
  end if;
  if coalesce(flagged_comment.hidden_at, proposal.hidden_at) is not null then
    raise exception 'This % is already hidden while a facilitator reviews it.', what using errcode = 'P0001';
  end if;
  if exists (
    select 1 from public.flags f
    where f.reporter_id = new.reporter_id and (f.proposal_id = new.proposal_id or f.comment_id = new.comment_id)
  ) then
    raise exception 'You have already flagged this %.', what using errcode = 'P0001';
  end if;
  new.group_id := proposal.group_id;
  new.reporter_has_standing := private.has_standing(proposal.group_id, new.reporter_id);
  perform private.enforce_rate_limit('flag', 10,
    'You are flagging very fast. Please wait a minute before you flag again.');
  return new;
end;
$$;

-- Three open flags from different reporters with standing hide the content until a
-- facilitator reviews it. A flag without standing cannot tip the count, so it stops here.
create or replace function private.hide_when_flagged() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  open_flags integer;
  still_shown boolean;
begin
  if not new.reporter_has_standing then
    return null;
  end if;
  if new.comment_id is not null then
    select hidden_at is null into still_shown from public.comments where id = new.comment_id for no key update;
    select count(distinct reporter_id) into open_flags
      from public.flags where comment_id = new.comment_id and status = 'open' and reporter_has_standing;
  else
    select hidden_at is null into still_shown from public.proposals where id = new.proposal_id for no key update;
    select count(distinct reporter_id) into open_flags
      from public.flags where proposal_id = new.proposal_id and status = 'open' and reporter_has_standing;
  end if;
  if still_shown and open_flags >= 3 then
    perform private.hide_content(new.proposal_id, new.comment_id, null, true,
      jsonb_build_object('open_flags', open_flags));
  end if;
  return null;
end;
$$;

-- triggers
create trigger votes_record_participation
  after insert on public.votes
  for each row execute function private.record_participation('user_id');

create trigger comments_record_participation
  after insert on public.comments
  for each row execute function private.record_participation('author_id');

-- Recording participation is not a change of membership: the guard (which forbids members
-- changing their own membership) watches every column but participated_at.
drop trigger group_members_guard_update on public.group_members;
create trigger group_members_guard_update
  before update of group_id, user_id, role, status, requested_at, joined_at, decided_by
  on public.group_members
  for each row execute function private.guard_membership_update();

-- grants
revoke all on function private.has_standing(uuid, uuid), private.viewer_standing(uuid) from public;
grant execute on function private.has_standing(uuid, uuid), private.viewer_standing(uuid)
  to authenticated, service_role;
revoke all on function private.record_participation() from public, anon, authenticated;
revoke all on function public.my_standing(uuid) from public, anon;
grant execute on function public.my_standing(uuid) to authenticated;

-- Admins set a group's standing period, as they set the rest of the group.
grant update (standing_days) on public.groups to authenticated;
