-- Site-wide roles: admin and candidate. Kept in a table only admins can write; never in
-- user metadata, which members can edit themselves.

-- tables
create type public.site_role as enum ('admin', 'candidate');

create table public.site_roles (
  user_id uuid not null references public.profiles (id) on delete cascade,
  role public.site_role not null,
  granted_by uuid references public.profiles (id) on delete set null,
  granted_at timestamptz not null default now(),
  primary key (user_id, role)
);
comment on table public.site_roles is 'Who is an admin and who is the candidate. Written by admins only.';

-- indexes
create index site_roles_role_idx on public.site_roles (role);
create index site_roles_granted_by_idx on public.site_roles (granted_by);

-- functions
create or replace function private.has_site_role(wanted public.site_role) returns boolean
language sql stable
security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.site_roles
    where user_id = (select auth.uid()) and role = wanted
  )
$$;

create or replace function private.is_admin() returns boolean
language sql stable
security definer
set search_path = ''
as $$
  select private.has_site_role('admin')
$$;

create or replace function private.stamp_granted_by() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  new.granted_by := auth.uid();
  new.granted_at := now();
  return new;
end;
$$;

-- triggers
create trigger site_roles_stamp_granted_by
  before insert on public.site_roles
  for each row execute function private.stamp_granted_by();

-- grants
revoke all on function private.has_site_role(public.site_role), private.is_admin() from public;
grant execute on function private.has_site_role(public.site_role), private.is_admin() to anon, authenticated, service_role;
revoke all on public.site_roles from anon, authenticated;
grant select on public.site_roles to anon, authenticated;
grant insert (user_id, role), delete on public.site_roles to authenticated;

-- RLS and policies
alter table public.site_roles enable row level security;

create policy "Anyone can see who the candidate is; members see their own roles; admins see all"
  on public.site_roles for select
  to anon, authenticated
  using (role = 'candidate' or user_id = (select auth.uid()) or (select private.is_admin()));

create policy "Admins can grant site roles"
  on public.site_roles for insert
  to authenticated
  with check ((select private.is_admin()));

-- Admins cannot revoke their own admin role, so the last admin can never be removed and
-- the campaign is never left without someone to administer it.
create policy "Admins can revoke site roles, except their own admin role"
  on public.site_roles for delete
  to authenticated
  using ((select private.is_admin()) and not (role = 'admin' and user_id = (select auth.uid())));
