-- Names cannot impersonate (issue 11, item 10). A display name loses control, bidi and
-- invisible characters and has its whitespace normalised before it is stored; a name that
-- claims a role ("Candidate", "The Candidate", "Facilitator", "Admin", "Moderator") or the
-- campaign's name is refused with a sentence, whatever its case, spacing, accents or
-- look-alike letters. Roles are shown by a badge the database derives from site_roles and
-- group_members (public.role_badge), never from anything a member writes.

-- functions

/** The name as stored: Cc become spaces, Cf and invisible fillers go, whitespace is one
 * space, no leading or trailing space. Null when nothing visible is left or it is too long. */
create or replace function private.clean_display_name(raw text) returns text
language sql immutable
set search_path = ''
as $$
  select case
    when cleaned is null or cleaned = '' or char_length(cleaned) > 80 then null
    else cleaned
  end
  from (
    select btrim(regexp_replace(
      regexp_replace(
        regexp_replace(normalize(raw, NFC), '[\u0001-\u001f\u007f-\u009f]', ' ', 'g'),
        '[\u00ad\u034f\u061c\u0600-\u0605\u06dd\u070f\u08e2\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufffb\U000110bd\U000110cd\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0000-\U000e0fff]',
        '', 'g'),
      '[[:space:]\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+', ' ', 'g'), ' ') as cleaned
  ) as c
$$;

/** What a name looks like, for comparisons: lower case, no accents, look-alike letters and
 * digits folded to Latin ones, everything else a single space. */
create or replace function private.name_skeleton(name text) returns text
language sql immutable
set search_path = ''
as $$
  select btrim(regexp_replace(
    translate(
      regexp_replace(normalize(lower(normalize(coalesce(name, ''), NFKC)), NFD), '[\u0300-\u036f]', '', 'g'),
      'аеорсхуіјѕԁкмнтвαεορτυνκιη01345789@$!|',
      'aeopcxyijsdkmhtbaeoptuvkinoieastbgasil'),
    '[^a-z0-9]+', ' ', 'g'), ' ')
$$;

/** Why a member may not take this name, as a sentence; null when they may. */
create or replace function private.display_name_problem(name text, member uuid) returns text
language plpgsql stable
security definer
set search_path = ''
as $$
declare
  cleaned text := private.clean_display_name(name);
  skeleton text := private.name_skeleton(cleaned);
  compact text := replace(skeleton, ' ', '');
  claim text;
  campaign_compact text;
  holds_site_role boolean;
begin
  if cleaned is null then
    return 'Your name needs at least one letter you can see, and at most 80 characters.';
  end if;
  select r.word into claim
    from (values ('candidate'), ('facilitator'), ('admin'), ('administrator'), ('moderator')) as r (word)
   where compact ~ ('^(the|official|real|our|your)*' || r.word || 's?(official)?$')
      or exists (
        select 1 from unnest(string_to_array(skeleton, ' ')) as t (token)
         where t.token ~ ('^(the|official|real)*' || r.word || 's?$')
      )
   limit 1;
  if claim is not null then
    -- The real holder of a role may say so in their name.
    if (claim = 'candidate' and exists (
          select 1 from public.site_roles where user_id = member and role = 'candidate'))
       or (claim in ('admin', 'administrator', 'moderator') and exists (
          select 1 from public.site_roles where user_id = member and role = 'admin'))
       or (claim = 'facilitator' and exists (
          select 1 from public.group_members
           where user_id = member and role = 'facilitator' and status = 'active')) then
      return null;
    end if;
    return 'Choose a name that does not claim a role: the forum itself marks the candidate, facilitators and admins.';
  end if;
  -- "Member", the sign-up trigger's own fallback, is always allowed: a candidate (or anyone)
  -- called "Member" must not make every later refused sign-up fail outright.
  if compact = 'member' then
    return null;
  end if;
  holds_site_role := exists (select 1 from public.site_roles where user_id = member);
  select replace(private.name_skeleton(c.name), ' ', '') into campaign_compact from public.campaign c;
  if not holds_site_role and char_length(campaign_compact) >= 4 and position(campaign_compact in compact) > 0 then
    return 'Choose your own name: the campaign''s name is for the campaign.';
  end if;
  if not holds_site_role and char_length(compact) >= 4 and exists (
    select 1 from public.site_roles s join public.profiles p on p.id = s.user_id
     where s.role = 'candidate' and s.user_id is distinct from member
       and replace(private.name_skeleton(p.display_name), ' ', '') = compact
  ) then
    return 'That is the candidate''s name on this forum. Choose another, for example with your borough.';
  end if;
  return null;
end;
$$;

create function public.display_name_problem(name text)
returns text
language sql stable security invoker set search_path = ''
as $$ select private.display_name_problem($1, (select auth.uid())) $$;
comment on function public.display_name_problem(text) is 'Why the caller may not take this display name (a sentence), or null. The profiles trigger enforces the same rule.';

/** Every name that reaches profiles is cleaned and checked here, whoever writes it. */
create or replace function private.prepare_display_name() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  problem text;
begin
  if tg_op = 'UPDATE' and new.display_name is not distinct from old.display_name then
    return new;
  end if;
  problem := private.display_name_problem(new.display_name, new.id);
  if private.clean_display_name(new.display_name) is null then
    -- Empty, invisible or too long: a check violation, as the column's own check says.
    raise exception '%', problem using errcode = '23514', hint = 'display_name';
  elsif problem is not null then
    raise exception '%', problem using errcode = 'P0001', hint = 'display_name';
  end if;
  new.display_name := private.clean_display_name(new.display_name);
  return new;
end;
$$;

/** Sign-up metadata is typed by the member: a name that is refused becomes "Member" (the
 * app checks first and says why, so honest members never see this). */
create or replace function private.create_profile_for_new_user() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  metadata jsonb := coalesce(new.raw_user_meta_data, '{}'::jsonb);
  wanted_name text := case when jsonb_typeof(metadata -> 'display_name') = 'string' then metadata ->> 'display_name' end;
  wanted_region text := case when jsonb_typeof(metadata -> 'region') = 'string' then metadata ->> 'region' end;
  wanted_slug text := (select r.slug from public.regions as r where r.slug = wanted_region);
begin
  begin
    insert into public.profiles (id, display_name, region)
    values (new.id, coalesce(private.clean_display_name(wanted_name), 'Member'), wanted_slug);
  exception when raise_exception then
    -- Refused by private.prepare_display_name (a role, the campaign, the candidate's name).
    insert into public.profiles (id, display_name, region) values (new.id, 'Member', wanted_slug);
  end;
  return new;
end;
$$;

/** The role the forum shows next to a member's name: 'candidate', 'facilitator' or null. */
create or replace function private.role_badge(member uuid) returns text
language sql stable
security definer
set search_path = ''
as $$
  select case
    when exists (select 1 from public.site_roles where user_id = member and role = 'candidate') then 'candidate'
    when exists (
      select 1 from public.group_members gm join public.groups g on g.id = gm.group_id
       where gm.user_id = member and gm.role = 'facilitator' and gm.status = 'active' and g.archived_at is null
    ) then 'facilitator'
  end
$$;

-- A computed field: select=display_name,role_badge on profiles (and embedded profiles).
create function public.role_badge(public.profiles)
returns text
language sql stable security invoker set search_path = ''
as $$ select private.role_badge($1.id) $$;
comment on function public.role_badge(public.profiles) is 'The badge shown next to a member''s name, derived from site_roles and group_members.';

-- triggers
create trigger profiles_prepare_display_name
  before insert or update of display_name on public.profiles
  for each row execute function private.prepare_display_name();

-- grants
revoke all on function private.display_name_problem(text, uuid), private.role_badge(uuid),
  private.prepare_display_name(), private.create_profile_for_new_user(), private.name_skeleton(text)
  from public, anon, authenticated;
grant execute on function private.display_name_problem(text, uuid), private.role_badge(uuid),
  private.name_skeleton(text) to anon, authenticated, service_role;
revoke all on function public.display_name_problem(text), public.role_badge(public.profiles) from public;
grant execute on function public.display_name_problem(text), public.role_badge(public.profiles)
  to anon, authenticated, service_role;
