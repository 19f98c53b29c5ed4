-- Members may keep their borough off their public profile (issue 19, item 10). Where a member
-- lives, beside their name and their posts, says a lot about a political opinion; so the
-- borough a member gives is theirs to show or not. It still counts where it always did: each
-- vote carries the voter's borough into the tallies, which show boroughs only in totals (and
-- group the small ones). Readers no longer read `region` at all: they read `public_region`,
-- which is the borough when the member shows it and null when they do not. The member reads
-- their own through my_borough().

-- tables
alter table public.profiles
  add column borough_public boolean not null default true,
  add column public_region text generated always as (case when borough_public then region end) stored;
comment on column public.profiles.borough_public is 'Whether the member shows their borough on their public profile and beside their name. Their votes count in their borough''s tallies either way.';
comment on column public.profiles.public_region is 'The borough as others see it: the region when the member shows it, else null.';

-- functions
-- The notice now says the borough may be kept off the profile: a new version of it.
create or replace function private.current_privacy_notice() returns text
language sql immutable
set search_path = ''
as $$ select '2026-12-06'::text $$;

/** The signed-in member's own borough and whether they show it (others read public_region). */
create function public.my_borough()
returns table (region text, borough_public boolean)
language sql
stable
security definer
set search_path = ''
as $$
  select p.region, p.borough_public from public.profiles p where p.id = (select auth.uid());
$$;

-- grants
revoke select on public.profiles from anon, authenticated;
grant select (id, display_name, public_region, bio, created_at, updated_at, deleted_at)
  on public.profiles to anon, authenticated;
grant update (borough_public) on public.profiles to authenticated;
revoke all on function public.my_borough() from public, anon;
grant execute on function public.my_borough() to authenticated;
