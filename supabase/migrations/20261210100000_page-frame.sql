-- What every page needs, in one read (issue 12, items 3 and 6): the campaign's name and words
-- for the layout and, when a member is signed in, who they are.
--
-- The app checks a member's access token itself now (ES256, supabase.auth.getClaims) instead
-- of asking Auth's /user on every page, so the one thing /user checked that a signature
-- cannot, that the session has not ended since (signed out everywhere, account deleted), is
-- asked here: private.caller_is_live(), as the write trigger refuse_ended_sessions and
-- Realtime's join policy ask it. With it comes what signed-in pages need of the member (name,
-- unread count, site roles, memberships, the groups they follow), which took four reads
-- beside Auth's call. Read as
-- the caller (security invoker): RLS decides, and each part reads only the caller's own rows.
-- `viewer` is null when no member is signed in or their session has ended; the app then
-- treats the request as signed out.

-- functions
create function private.group_seen_is_due(seen_at timestamptz)
returns boolean
language sql stable set search_path = ''
as $$ select seen_at is null or seen_at < now() - interval '10 minutes' $$;
comment on function private.group_seen_is_due(timestamptz) is
  'Whether a member''s visit to a group should move its seen_at (at most every 10 minutes).';

-- A member's seen_at is theirs alone (members may not read it of one another: no column
-- grant), so the frame asks for the caller's own through this.
create function private.my_groups_seen_due()
returns uuid[]
language sql stable security definer set search_path = ''
as $$
  select coalesce(array_agg(m.group_id), '{}')
    from public.group_members m
   where m.user_id = (select auth.uid()) and m.status = 'active'
     and private.group_seen_is_due(m.seen_at)
$$;
comment on function private.my_groups_seen_due() is
  'The caller''s groups whose seen_at a visit should move now (private.group_seen_is_due).';

create or replace function private.mark_group_seen(p_group uuid)
returns void
language sql security definer set search_path = ''
as $$
  update public.group_members
     set seen_at = now()
   where group_id = p_group and user_id = (select auth.uid()) and status = 'active'
     and private.group_seen_is_due(seen_at);
$$;

create function public.page_frame(unread_up_to integer default 100)
returns jsonb
language plpgsql stable security invoker set search_path = ''
as $$
declare
  campaign jsonb := (
    select to_jsonb(c) from (
      select name, slogan, intro, region_name from public.campaign limit 1
    ) c
  );
  me uuid := (select auth.uid());
  seen_due uuid[];
begin
  -- Visitors may not read the member tables at all, so those reads come only after this
  -- (plpgsql plans each statement when it first runs).
  if me is null then
    return jsonb_build_object('campaign', campaign, 'viewer', null);
  end if;
  if not private.caller_is_live() then
    return jsonb_build_object('campaign', campaign, 'viewer', null);
  end if;
  seen_due := private.my_groups_seen_due();
  return jsonb_build_object(
    'campaign', campaign,
    'viewer', jsonb_build_object(
      'id', me,
      'display_name', (select p.display_name from public.profiles p where p.id = me),
      'unread', (
        select count(*) from (
          select 1 from public.notifications n
           where n.user_id = me and n.read_at is null
           limit greatest(unread_up_to, 0)
        ) shown
      ),
      'site_roles', coalesce((
        select jsonb_agg(r.role order by r.role) from public.site_roles r where r.user_id = me
      ), '[]'::jsonb),
      'memberships', coalesce((
        select jsonb_agg(jsonb_build_object(
                 'group_id', m.group_id, 'role', m.role, 'status', m.status,
                 'seen_due', m.group_id = any(seen_due)))
          from public.group_members m
         where m.user_id = me
      ), '[]'::jsonb),
      'followed_groups', coalesce((
        select jsonb_agg(f.group_id) from public.follows f
         where f.user_id = me and f.group_id is not null
      ), '[]'::jsonb)
    )
  );
end;
$$;
comment on function public.page_frame(integer) is
  'The campaign (name, slogan, intro, region) and the signed-in member: name, unread notifications (up to unread_up_to), site roles, memberships; viewer null when signed out or the session has ended (private.caller_is_live).';

-- grants
revoke all on function private.group_seen_is_due(timestamptz) from public;
grant execute on function private.group_seen_is_due(timestamptz) to anon, authenticated, service_role;
-- Whether the caller's own session is live: the frame asks it as the member.
grant execute on function private.caller_is_live() to authenticated;
revoke all on function private.my_groups_seen_due() from public;
grant execute on function private.my_groups_seen_due() to authenticated, service_role;
revoke all on function public.page_frame(integer) from public;
grant execute on function public.page_frame(integer) to anon, authenticated, service_role;
