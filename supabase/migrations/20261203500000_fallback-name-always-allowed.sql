-- "Member", the name the sign-up trigger gives when the one asked for is refused, is never
-- refused itself: a candidate (or anyone) called "Member" must not make every later refused
-- sign-up fail outright. Seen when two test candidates drew the same name: the second became
-- "Member", was made candidate, and from then on every fallback was "the candidate's name".
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
  -- The sign-up trigger's own fallback name is always allowed.
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
