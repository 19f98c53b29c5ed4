-- The private schema for helpers used by policies and triggers (not exposed by the API),
-- and the regions members belong to (the boroughs, and "elsewhere").

-- tables
create schema if not exists private;
grant usage on schema private to anon, authenticated, service_role;

create table public.regions (
  slug text primary key check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and char_length(slug) <= 40),
  name text not null check (char_length(name) between 1 and 80),
  -- false for the catch-all "elsewhere": it is not a borough in the cross-borough ranking
  is_borough boolean not null default true,
  position smallint not null default 0
);
comment on table public.regions is 'Where members live: the campaign''s boroughs and a catch-all. Data, seeded per campaign.';

-- functions
create or replace function private.touch_updated_at() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  new.updated_at := now();
  return new;
end;
$$;

-- grants
revoke all on public.regions from anon, authenticated;
grant select on public.regions to anon, authenticated;

-- RLS and policies
alter table public.regions enable row level security;

create policy "Anyone can read the regions"
  on public.regions for select
  to anon, authenticated
  using (true);
