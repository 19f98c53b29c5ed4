-- Members may keep their borough off their public profile (issue 19, item 10). Where a member
-- lives, beside their name and their posts, says a lot about a political opinion; so the
-- borough a member gives is theirs to show or not. It still counts where it always did: each
-- vote carries the voter's borough into the tallies, which show boroughs only in totals (and
-- group the small ones).
--
-- The borough a member gave now lives in private.member_boroughs, which nobody reads through
-- the API; profiles.region is the borough as others see it: the member's when they show it,
-- null when they keep it private. (Revoking the column instead would break every whole-row
-- read of a profile, such as the role_badge computed field.) The member changes theirs as
-- before, by writing profiles.region and borough_public; a trigger keeps both in step, and the
-- member reads their own through my_borough().

-- tables
create table private.member_boroughs (
  user_id uuid primary key references public.profiles (id) on delete cascade,
  region text references public.regions (slug) on update cascade on delete set null
);
comment on table private.member_boroughs is 'The borough each member gave, shown or not: what their votes count for. Read by triggers and by the member through my_borough().';
insert into private.member_boroughs (user_id, region) select id, region from public.profiles;

alter table public.profiles add column borough_public boolean not null default true;
comment on column public.profiles.borough_public is 'Whether the member shows their borough on their profile. Their votes count in their borough''s tallies either way.';
comment on column public.profiles.region is 'The borough as others see it: the member''s (private.member_boroughs) when they show it, null when they keep it private.';

-- functions
-- A new profile's borough is the one it was made with.
create function private.record_member_borough() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  insert into private.member_boroughs (user_id, region) values (new.id, new.region)
  on conflict (user_id) do update set region = excluded.region;
  return null;
end;
$$;

-- A member who writes a borough gives their borough; what others see follows borough_public.
create function private.show_or_keep_borough() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if new.region is distinct from old.region then
    update private.member_boroughs set region = new.region where user_id = new.id;
  end if;
  new.region := case when new.borough_public
                     then (select b.region from private.member_boroughs b where b.user_id = new.id)
                end;
  return new;
end;
$$;

-- Votes count for the borough the member gave, shown or not.
create or replace function private.prepare_vote() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if auth.uid() is not null then
    new.user_id := auth.uid();
  end if;
  if tg_op = 'INSERT' then
    new.created_at := now();
  elsif new.value = old.value then
    return null; -- the same vote again changes nothing
  end if;
  new.updated_at := now();
  new.region := (select b.region from private.member_boroughs b where b.user_id = new.user_id);
  perform private.enforce_rate_limit('vote', 60,
    'You are voting very fast. Please wait a minute before you vote again.');
  return new;
end;
$$;

/** The signed-in member's own borough and whether they show it (others see profiles.region). */
create function private.my_borough()
returns table (region text, borough_public boolean)
language sql
stable
security definer
set search_path = ''
as $$
  select b.region, p.borough_public
    from public.profiles p
    left join private.member_boroughs b on b.user_id = p.id
   where p.id = (select auth.uid());
$$;

-- The public name runs as the caller (decision 006).
create function public.my_borough()
returns table (region text, borough_public boolean)
language sql stable security invoker set search_path = ''
as $$ select * from private.my_borough() $$;

-- The notice now says the borough may be kept off the profile: a new version of it.
create or replace function private.current_privacy_notice() returns text
language sql immutable
set search_path = ''
as $$ select '2026-12-06'::text $$;

-- triggers
create trigger profiles_record_member_borough
  after insert on public.profiles
  for each row execute function private.record_member_borough();

create trigger profiles_show_or_keep_borough
  before update of region, borough_public on public.profiles
  for each row execute function private.show_or_keep_borough();

-- grants
revoke all on private.member_boroughs from public, anon, authenticated;
grant update (borough_public) on public.profiles to authenticated;
revoke all on function private.record_member_borough(), private.show_or_keep_borough()
  from public, anon, authenticated;
revoke all on function private.my_borough(), public.my_borough() from public, anon;
grant execute on function private.my_borough(), public.my_borough() to authenticated;
