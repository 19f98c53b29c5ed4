-- Pickers that tell people apart (issue 19, item 5). Six members may share a display name;
-- a picker that shows only names makes an admin appoint the wrong one or an author invite a
-- stranger. find_members() answers a type-ahead search with what tells them apart: the
-- borough as others see it (a borough kept private stays private), when they joined (the
-- group, or the forum), and for admins only, the e-mail address of the account.
--
-- The e-mail lives in auth.users, which no API role reads, so the search runs as the owner
-- and decides itself what the caller may learn: a group's members only for those who may
-- see the group's members (its active members, its facilitators, admins), e-mail addresses
-- only for admins. The trigram index on display_name (member-search) serves "name contains".

-- functions
/** Members whose display name contains `query` (at least two characters), those whose name
 * is the query or starts with it first, at most `result_limit` (1–50). With `in_group`,
 * only the group's active members, and only for a caller who may see them. */
create function private.find_members(query text, in_group uuid, result_limit integer)
returns table (id uuid, display_name text, borough text, joined_at timestamptz, email text)
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  wanted text := btrim(coalesce(query, ''));
  admin boolean := private.is_admin();
  escaped text := replace(replace(replace(wanted, '\', '\\'), '%', '\%'), '_', '\_');
begin
  if (select auth.uid()) is null or char_length(wanted) < 2 then
    return;
  end if;
  if in_group is not null and not (admin or private.is_active_member(in_group)) then
    return;
  end if;
  return query
    select p.id, p.display_name, r.name,
           coalesce(m.joined_at, p.created_at),
           case when admin then u.email::text end
      from public.profiles p
      left join public.regions r on r.slug = p.region
      left join public.group_members m on m.group_id = in_group and m.user_id = p.id
      left join auth.users u on admin and u.id = p.id
     where p.display_name ilike '%' || escaped || '%'
       and (in_group is null or m.status = 'active')
     order by lower(p.display_name) = lower(wanted) desc,
              p.display_name ilike escaped || '%' desc,
              p.display_name, coalesce(m.joined_at, p.created_at), p.id
     limit least(greatest(coalesce(result_limit, 20), 1), 50);
end;
$$;

-- The public name runs as the caller (decision 006) and calls the owner's function above.
create function public.find_members(
  query text, in_group uuid default null, result_limit integer default 20
)
returns table (id uuid, display_name text, borough text, joined_at timestamptz, email text)
language sql stable security invoker set search_path = ''
as $$ select * from private.find_members(query, in_group, result_limit) $$;

comment on function public.find_members(text, uuid, integer) is 'Type-ahead member search for pickers: name, public borough, join date; e-mail for admins only.';

-- grants
revoke all on function private.find_members(text, uuid, integer),
  public.find_members(text, uuid, integer) from public, anon;
grant execute on function private.find_members(text, uuid, integer),
  public.find_members(text, uuid, integer) to authenticated;
