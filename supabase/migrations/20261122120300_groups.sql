-- Policy groups: the themes members work in. Created and edited by admins; archived groups
-- stay readable but take no new work.

-- tables
create type public.group_horizon as enum ('quick_win', 'strategic', 'long_term');
create type public.join_policy as enum ('open', 'request');

create table public.groups (
  id uuid primary key default gen_random_uuid(),
  slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and char_length(slug) between 2 and 60),
  name text not null check (char_length(name) between 2 and 80 and name = btrim(name)),
  summary text not null check (char_length(summary) between 1 and 280),
  description text not null default '' check (char_length(description) <= 5000),
  horizon public.group_horizon not null,
  join_policy public.join_policy not null default 'open',
  position smallint not null default 0,
  created_by uuid references public.profiles (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  archived_at timestamptz
);
comment on table public.groups is 'Themed policy groups. Data, seeded per campaign; written by admins.';

-- indexes
create index groups_created_by_idx on public.groups (created_by);
create index groups_listing_idx on public.groups (position, name) where archived_at is null;

-- functions
create or replace function private.stamp_group_creator() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  new.created_by := auth.uid();
  return new;
end;
$$;

-- triggers
create trigger groups_stamp_creator
  before insert on public.groups
  for each row execute function private.stamp_group_creator();

create trigger groups_touch_updated_at
  before update on public.groups
  for each row execute function private.touch_updated_at();

-- grants
revoke all on public.groups from anon, authenticated;
grant select on public.groups to anon, authenticated;
grant insert (slug, name, summary, description, horizon, join_policy, position),
  update (slug, name, summary, description, horizon, join_policy, position, archived_at),
  delete
  on public.groups to authenticated;

-- RLS and policies
alter table public.groups enable row level security;

create policy "Anyone can read groups"
  on public.groups for select
  to anon, authenticated
  using (true);

create policy "Admins can create groups"
  on public.groups for insert
  to authenticated
  with check ((select private.is_admin()));

create policy "Admins can edit groups"
  on public.groups for update
  to authenticated
  using ((select private.is_admin()))
  with check ((select private.is_admin()));

create policy "Admins can delete groups"
  on public.groups for delete
  to authenticated
  using ((select private.is_admin()));
