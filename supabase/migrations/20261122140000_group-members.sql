-- Who belongs to which policy group, and as what. Joining an open group makes an active
-- member; a "request" group makes a pending request that the group's facilitators decide.
-- Nobody can promote themself, approve their own request or change their own role.

-- tables
create type public.group_role as enum ('member', 'facilitator');
create type public.membership_status as enum ('active', 'pending');

create table public.group_members (
  group_id uuid not null references public.groups (id) on delete cascade,
  user_id uuid not null references public.profiles (id) on delete cascade,
  role public.group_role not null default 'member',
  status public.membership_status not null default 'active',
  requested_at timestamptz not null default now(),
  joined_at timestamptz,
  decided_by uuid references public.profiles (id) on delete set null,
  primary key (group_id, user_id),
  check ((status = 'active') = (joined_at is not null)),
  check (role = 'member' or status = 'active')
);
comment on table public.group_members is 'Membership of policy groups: role and status per member and group.';

alter table public.groups add column member_count integer not null default 0 check (member_count >= 0);

-- indexes
create index group_members_user_id_idx on public.group_members (user_id);
create index group_members_decided_by_idx on public.group_members (decided_by);
create index group_members_group_status_role_idx on public.group_members (group_id, status, role);

-- functions
create or replace function private.is_active_member(target_group uuid) returns boolean
language sql stable
security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.group_members
    where group_id = target_group and user_id = (select auth.uid()) and status = 'active'
  )
$$;

create or replace function private.is_group_facilitator(target_group uuid) returns boolean
language sql stable
security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.group_members
    where group_id = target_group and user_id = (select auth.uid())
      and status = 'active' and role = 'facilitator'
  )
$$;

/** Facilitators of the group and admins curate and moderate it. */
create or replace function private.can_curate(target_group uuid) returns boolean
language sql stable
security definer
set search_path = ''
as $$
  select private.is_group_facilitator(target_group) or private.is_admin()
$$;

create or replace function private.group_is_archived(target_group uuid) returns boolean
language sql stable
security definer
set search_path = ''
as $$
  select coalesce((select archived_at is not null from public.groups where id = target_group), true)
$$;

-- A member joining sets nothing but the group: role and status follow from the group's
-- join policy. Admins appointing facilitators may set the role.
create or replace function private.prepare_membership() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  policy public.join_policy;
  archived timestamptz;
  acting_admin boolean := private.is_admin();
begin
  select g.join_policy, g.archived_at into policy, archived from public.groups as g where g.id = new.group_id;
  if archived is not null then
    raise exception 'This group is archived and takes no new members.' using errcode = 'P0001';
  end if;
  new.requested_at := now();
  if acting_admin or auth.uid() is null then
    new.status := 'active';
    new.decided_by := auth.uid();
  else
    if new.role <> 'member' then
      raise exception 'Only an admin can appoint facilitators.' using errcode = '42501';
    end if;
    new.status := case when policy = 'open' then 'active' else 'pending' end;
    new.decided_by := null;
  end if;
  new.joined_at := case when new.status = 'active' then now() end;
  return new;
end;
$$;

-- Facilitators decide requests (pending → active) for others; only admins change roles.
create or replace function private.guard_membership_update() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if auth.uid() is null then
    return new; -- the database owner (migrations, seed)
  end if;
  if private.group_is_archived(new.group_id) and not private.is_admin() then
    raise exception 'This group is archived and cannot be changed.' using errcode = 'P0001';
  end if;
  if not private.is_admin() then
    if new.user_id = auth.uid() then
      raise exception 'You cannot change your own membership.' using errcode = '42501';
    end if;
    if new.role <> old.role then
      raise exception 'Only an admin can change a member''s role.' using errcode = '42501';
    end if;
    if new.status <> old.status and not (old.status = 'pending' and new.status = 'active') then
      raise exception 'A membership can only go from requested to approved.' using errcode = '42501';
    end if;
  elsif new.role = 'facilitator' then
    new.status := 'active';
  end if;
  if new.status = 'active' and old.status = 'pending' then
    new.joined_at := now();
    new.decided_by := auth.uid();
  end if;
  if new.role <> old.role then
    new.decided_by := auth.uid();
  end if;
  return new;
end;
$$;

-- Adds and subtracts rather than recounting, so concurrent joins cannot lose a count: each
-- change takes the group row's lock in turn.
create or replace function private.count_group_members() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  was_active int := case when tg_op <> 'INSERT' and old.status = 'active' then 1 else 0 end;
  is_active int := case when tg_op <> 'DELETE' and new.status = 'active' then 1 else 0 end;
begin
  if is_active <> was_active then
    update public.groups
       set member_count = member_count + is_active - was_active
     where id = coalesce(new.group_id, old.group_id);
  end if;
  return null;
end;
$$;

-- triggers
create trigger group_members_prepare
  before insert on public.group_members
  for each row execute function private.prepare_membership();

create trigger group_members_guard_update
  before update on public.group_members
  for each row execute function private.guard_membership_update();

-- Membership counts are not edits of the group itself.
drop trigger groups_touch_updated_at on public.groups;
create trigger groups_touch_updated_at
  before update of slug, name, summary, description, horizon, join_policy, position, archived_at
  on public.groups
  for each row execute function private.touch_updated_at();

create trigger group_members_count
  after insert or update of status or delete on public.group_members
  for each row execute function private.count_group_members();

-- grants
revoke all on function private.is_active_member(uuid), private.is_group_facilitator(uuid),
  private.can_curate(uuid), private.group_is_archived(uuid) from public;
grant execute on function private.is_active_member(uuid), private.is_group_facilitator(uuid),
  private.can_curate(uuid), private.group_is_archived(uuid) to anon, authenticated, service_role;
revoke all on function private.prepare_membership(), private.guard_membership_update(),
  private.count_group_members() from public, anon, authenticated;

revoke all on public.group_members from anon, authenticated;
grant select on public.group_members to anon, authenticated;
grant insert (group_id, user_id, role), update (role, status), delete on public.group_members to authenticated;

-- RLS and policies
alter table public.group_members enable row level security;

create policy "All see facilitators; members their group; curators requests"
  on public.group_members for select
  to anon, authenticated
  using (
    (role = 'facilitator' and status = 'active')
    or user_id = (select auth.uid())
    or (status = 'active' and (select private.is_active_member(group_id)))
    or (select private.can_curate(group_id))
  );

create policy "Members can join or ask to join a group for themselves"
  on public.group_members for insert
  to authenticated
  with check (user_id = (select auth.uid()) or (select private.is_admin()));

create policy "Facilitators decide join requests; admins change roles"
  on public.group_members for update
  to authenticated
  using ((select private.can_curate(group_id)))
  with check ((select private.can_curate(group_id)));

create policy "Members can leave; facilitators remove members; admins remove anyone"
  on public.group_members for delete
  to authenticated
  using (
    user_id = (select auth.uid())
    or (role = 'member' and (select private.is_group_facilitator(group_id)))
    or (select private.is_admin())
  );
