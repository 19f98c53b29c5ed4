-- Profiles: the public face of each member, made by a trigger when an auth user is created.

-- tables
create table public.profiles (
  id uuid primary key references auth.users (id) on delete cascade,
  display_name text not null check (char_length(display_name) between 1 and 80 and display_name = btrim(display_name)),
  region text references public.regions (slug) on update cascade on delete set null,
  bio text not null default '' check (char_length(bio) <= 1000),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.profiles is 'One per auth user: display name, region and bio, all public.';

-- indexes
create index profiles_region_idx on public.profiles (region);

-- functions
-- Sign-up metadata is typed by the member, so it is validated here and never trusted:
-- a bad display name or an unknown region falls back to safe values instead of failing
-- the sign-up.
create or replace function private.clean_display_name(raw text) returns text
language sql immutable
set search_path = ''
as $$
  select case
    when cleaned is null or cleaned = '' or char_length(cleaned) > 80 then null
    else cleaned
  end
  from (select btrim(regexp_replace(raw, '[[:cntrl:]]+', ' ', 'g')) as cleaned) as c
$$;

create or replace function private.create_profile_for_new_user() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  metadata jsonb := coalesce(new.raw_user_meta_data, '{}'::jsonb);
  wanted_name text := case when jsonb_typeof(metadata -> 'display_name') = 'string' then metadata ->> 'display_name' end;
  wanted_region text := case when jsonb_typeof(metadata -> 'region') = 'string' then metadata ->> 'region' end;
begin
  insert into public.profiles (id, display_name, region)
  values (
    new.id,
    coalesce(private.clean_display_name(wanted_name), 'Member'),
    (select r.slug from public.regions as r where r.slug = wanted_region)
  );
  return new;
end;
$$;

-- triggers
create trigger on_auth_user_created
  after insert on auth.users
  for each row execute function private.create_profile_for_new_user();

create trigger profiles_touch_updated_at
  before update on public.profiles
  for each row execute function private.touch_updated_at();

-- grants
revoke all on function private.create_profile_for_new_user() from public, anon, authenticated;
grant execute on function private.clean_display_name(text) to anon, authenticated, service_role;
revoke all on public.profiles from anon, authenticated;
grant select on public.profiles to anon, authenticated;
-- Members may change only these columns of their own row; never its id or timestamps.
grant update (display_name, region, bio) on public.profiles to authenticated;

-- RLS and policies
alter table public.profiles enable row level security;

create policy "Anyone can read profiles"
  on public.profiles for select
  to anon, authenticated
  using (true);

create policy "Members can update their own profile"
  on public.profiles for update
  to authenticated
  using (id = (select auth.uid()))
  with check (id = (select auth.uid()));
