-- Every page of a group in one call fewer (issue 12, items 3 and 6): the page frame, which
-- every page reads first, also brings the group a /groups/<slug>/… address names, so the
-- group's own read beside it goes. The columns are the app's groupColumns
-- (app/models/group.server.ts); tests/db/page-frame.test.ts checks the two give the same
-- group. Read as the caller (security invoker), like the rest of the frame: RLS decides.

-- functions
drop function public.page_frame(integer);

create function public.page_frame(unread_up_to integer default 100, group_slug text default null)
returns jsonb
language plpgsql stable security invoker set search_path = ''
as $$
declare
  campaign jsonb := (
    select to_jsonb(c) from (
      select name, slogan, intro, region_name from public.campaign limit 1
    ) c
  );
  the_group jsonb := (
    select to_jsonb(g) from (
      select id, slug, name, summary, description, horizon, join_policy, member_count,
             archived_at, facilitator_note, facilitator_note_updated_at, shortlist_supporters,
             shortlist_boroughs
        from public.groups where slug = group_slug
    ) g
  );
  me uuid := (select auth.uid());
  seen_due uuid[];
begin
  -- Visitors may not read the member tables at all, so those reads come only after this
  -- (plpgsql plans each statement when it first runs).
  if me is null then
    return jsonb_build_object('campaign', campaign, 'group', the_group, 'viewer', null);
  end if;
  if not private.caller_is_live() then
    return jsonb_build_object('campaign', campaign, 'group', the_group, 'viewer', null);
  end if;
  seen_due := private.my_groups_seen_due();
  return jsonb_build_object(
    'campaign', campaign,
    'group', the_group,
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
comment on function public.page_frame(integer, text) is
  'The campaign (name, slogan, intro, region), the group named by group_slug (null when none) and the signed-in member: name, unread notifications (up to unread_up_to), site roles, memberships; viewer null when signed out or the session has ended (private.caller_is_live).';

-- grants
revoke all on function public.page_frame(integer, text) from public;
grant execute on function public.page_frame(integer, text) to anon, authenticated, service_role;
