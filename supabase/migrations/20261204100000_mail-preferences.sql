-- Mail preferences: for each kind of news, how a member hears of it by e-mail (at once, in a
-- daily or weekly digest, or not at all), when their digests come, and per group whether they
-- follow it or mute it. Every member has one row of preferences, made with their profile, so
-- the defaults live in one place (the column defaults) and the worker never guesses.

-- tables
create type public.mail_cadence as enum ('immediately', 'daily', 'weekly', 'off');

create table public.mail_preferences (
  user_id uuid primary key references public.profiles (id) on delete cascade,
  -- Replies to my comments.
  replies public.mail_cadence not null default 'immediately',
  -- Comments on my proposals, their changes of status, invitations to co-author.
  my_proposals public.mail_cadence not null default 'daily',
  -- The candidate's answers and merges of proposals I support (or wrote).
  supported public.mail_cadence not null default 'immediately',
  -- New proposals in the groups I follow, and the answers to my requests to join.
  group_activity public.mail_cadence not null default 'daily',
  -- For facilitators: join requests and the group's queue.
  facilitation public.mail_cadence not null default 'daily',
  -- Digests come at this hour of the member's day (and on this ISO weekday for weekly ones).
  digest_hour smallint not null default 8 check (digest_hour between 0 and 23),
  digest_weekday smallint not null default 1 check (digest_weekday between 1 and 7),
  time_zone text not null default 'Europe/London' check (char_length(time_zone) between 1 and 64),
  updated_at timestamptz not null default now()
);
comment on table public.mail_preferences is 'How and when each member is e-mailed, per kind of news. One row per member, made with the profile.';

create table public.group_mail (
  user_id uuid not null references public.profiles (id) on delete cascade,
  group_id uuid not null references public.groups (id) on delete cascade,
  following boolean not null,
  updated_at timestamptz not null default now(),
  primary key (user_id, group_id)
);
comment on table public.group_mail is 'A member''s choice for one group: follow its new proposals (members do unless they mute), or mute it.';

-- indexes
create index group_mail_group_id_idx on public.group_mail (group_id);

-- functions
create or replace function private.create_mail_preferences() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  insert into public.mail_preferences (user_id) values (new.id) on conflict do nothing;
  return null;
end;
$$;

-- A time zone Postgres does not know is refused in a sentence, not stored.
create or replace function private.check_mail_preferences() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if not exists (select 1 from pg_catalog.pg_timezone_names where name = new.time_zone) then
    raise exception 'Choose a time zone from the list.' using errcode = '22023';
  end if;
  new.updated_at := now();
  return new;
end;
$$;

-- triggers
create trigger profiles_create_mail_preferences
  after insert on public.profiles
  for each row execute function private.create_mail_preferences();

create trigger mail_preferences_check
  before insert or update on public.mail_preferences
  for each row execute function private.check_mail_preferences();

create trigger group_mail_touch_updated_at
  before update on public.group_mail
  for each row execute function private.touch_updated_at();

insert into public.mail_preferences (user_id)
select id from public.profiles
on conflict do nothing;

-- grants
revoke all on function private.create_mail_preferences(), private.check_mail_preferences()
  from public, anon, authenticated;
revoke all on public.mail_preferences, public.group_mail from anon, authenticated, service_role;
grant select on public.mail_preferences, public.group_mail to service_role;
grant select, update (replies, my_proposals, supported, group_activity, facilitation,
  digest_hour, digest_weekday, time_zone)
  on public.mail_preferences to authenticated;
grant select, insert (group_id, following), update (following), delete
  on public.group_mail to authenticated;
alter table public.group_mail alter column user_id set default auth.uid();

-- RLS and policies
alter table public.mail_preferences enable row level security;
alter table public.group_mail enable row level security;

create policy "Members read their own mail preferences"
  on public.mail_preferences for select
  to authenticated
  using (user_id = (select auth.uid()));

create policy "Members change their own mail preferences"
  on public.mail_preferences for update
  to authenticated
  using (user_id = (select auth.uid()))
  with check (user_id = (select auth.uid()));

create policy "Members read their own group mail choices"
  on public.group_mail for select
  to authenticated
  using (user_id = (select auth.uid()));

create policy "Members choose mail for groups they can see"
  on public.group_mail for insert
  to authenticated
  with check (
    user_id = (select auth.uid())
    and exists (select 1 from public.groups g where g.id = group_id and g.archived_at is null)
  );

create policy "Members change their own group mail choices"
  on public.group_mail for update
  to authenticated
  using (user_id = (select auth.uid()))
  with check (user_id = (select auth.uid()));

create policy "Members remove their own group mail choices"
  on public.group_mail for delete
  to authenticated
  using (user_id = (select auth.uid()));
