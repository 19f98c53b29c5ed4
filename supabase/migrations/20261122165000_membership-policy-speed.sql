-- Reading memberships of a large group called the per-row helpers once for every member row
-- (row security is applied before the query's own filters). The viewer's groups are now
-- computed once per query as sets, as Supabase's RLS performance guide recommends.

-- functions
create or replace function private.active_group_ids() returns setof uuid
language sql stable
security definer
set search_path = ''
as $$
  select group_id from public.group_members where user_id = (select auth.uid()) and status = 'active'
$$;

/** Groups the viewer curates: those they facilitate, or every group for an admin. */
create or replace function private.curated_group_ids() returns setof uuid
language sql stable
security definer
set search_path = ''
as $$
  select group_id from public.group_members
   where user_id = (select auth.uid()) and status = 'active' and role = 'facilitator'
  union
  select id from public.groups where private.is_admin()
$$;

-- grants
revoke all on function private.active_group_ids(), private.curated_group_ids() from public;
grant execute on function private.active_group_ids(), private.curated_group_ids() to anon, authenticated, service_role;

-- RLS and policies
drop policy "All see facilitators; members their group; curators requests"
  on public.group_members;
create policy "All see facilitators; members their group; curators requests"
  on public.group_members for select
  to anon, authenticated
  using (
    (role = 'facilitator' and status = 'active')
    or user_id = (select auth.uid())
    or (status = 'active' and group_id in (select private.active_group_ids()))
    or group_id in (select private.curated_group_ids())
  );
