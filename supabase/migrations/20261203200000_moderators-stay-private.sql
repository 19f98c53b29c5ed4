-- Who moderates stays private: the columns that name the admin or facilitator behind an
-- action are not readable through the API, by anyone. Public text says "a facilitator".
-- The group's facilitators and admins read them through public.moderation_actors(), a
-- security invoker RPC over a private definer helper that checks the caller first.
--
-- Column privileges, not a policy, do this: RLS picks rows, grants pick columns. Anon and
-- signed-in members keep select on every other column. A consequence to remember: a column
-- added to one of these tables later is unreadable until it is granted too, and `select *`
-- (supabase-js `.select()`) on them is refused, so queries name their columns.
--
--   groups.created_by          the admin who created the group
--   site_roles.granted_by      the admin who granted a role
--   group_members.decided_by   the facilitator or admin who approved or appointed
--   proposals.hidden_by        the facilitator who hid a proposal
--   comments.hidden_by         the facilitator who hid a comment
--   flags.resolved_by          the facilitator who upheld or dismissed a report
--   notifications.actor_id     on "your request was approved/declined" and status changes,
--                              the facilitator who decided

-- functions

/** Who did what in a group (target_group given: its facilitators and admins) or site-wide
 * (null: admins only). */
create or replace function private.moderation_actors(target_group uuid)
returns table (action text, target_id uuid, target_user_id uuid, actor_id uuid, actor_name text)
language plpgsql stable
security definer
set search_path = ''
as $$
begin
  if target_group is null then
    if not private.is_admin() then
      raise exception 'Only an admin can see who granted roles and created groups.' using errcode = '42501';
    end if;
    return query
      select 'role.grant', null::uuid, s.user_id, s.granted_by, p.display_name
        from public.site_roles s left join public.profiles p on p.id = s.granted_by
      union all
      select 'group.create', g.id, null::uuid, g.created_by, p.display_name
        from public.groups g left join public.profiles p on p.id = g.created_by;
    return;
  end if;
  if not private.can_curate(target_group) then
    raise exception 'Only this group''s facilitators and admins can see who moderated it.' using errcode = '42501';
  end if;
  return query
    select 'membership.decide', null::uuid, m.user_id, m.decided_by, p.display_name
      from public.group_members m left join public.profiles p on p.id = m.decided_by
     where m.group_id = target_group and m.decided_by is not null
    union all
    select 'proposal.hide', x.id, null::uuid, x.hidden_by, p.display_name
      from public.proposals x left join public.profiles p on p.id = x.hidden_by
     where x.group_id = target_group and x.hidden_by is not null
    union all
    select 'comment.hide', c.id, null::uuid, c.hidden_by, p.display_name
      from public.comments c
      join public.proposals x on x.id = c.proposal_id
      left join public.profiles p on p.id = c.hidden_by
     where x.group_id = target_group and c.hidden_by is not null
    union all
    select 'flag.resolve', f.id, null::uuid, f.resolved_by, p.display_name
      from public.flags f left join public.profiles p on p.id = f.resolved_by
     where f.group_id = target_group and f.resolved_by is not null;
end;
$$;

create function public.moderation_actors(group_id uuid default null)
returns table (action text, target_id uuid, target_user_id uuid, actor_id uuid, actor_name text)
language sql stable security invoker set search_path = ''
as $$ select * from private.moderation_actors($1) $$;

-- grants
revoke all on function private.moderation_actors(uuid) from public;
grant execute on function private.moderation_actors(uuid) to authenticated, service_role;
revoke all on function public.moderation_actors(uuid) from public, anon;
grant execute on function public.moderation_actors(uuid) to authenticated, service_role;

-- Select on every column but the private ones, for the roles that had select on the table.
do $$
declare
  hidden constant jsonb := '{
    "groups": ["created_by"],
    "site_roles": ["granted_by"],
    "group_members": ["decided_by"],
    "proposals": ["hidden_by"],
    "comments": ["hidden_by"],
    "flags": ["resolved_by"],
    "notifications": ["actor_id"]
  }';
  readers constant jsonb := '{
    "groups": "anon, authenticated",
    "site_roles": "anon, authenticated",
    "group_members": "anon, authenticated",
    "proposals": "anon, authenticated",
    "comments": "anon, authenticated",
    "flags": "authenticated",
    "notifications": "authenticated"
  }';
  tbl text;
  visible text;
begin
  for tbl in select jsonb_object_keys(hidden) loop
    select string_agg(quote_ident(a.attname), ', ' order by a.attnum) into visible
      from pg_catalog.pg_attribute a
     where a.attrelid = ('public.' || tbl)::regclass and a.attnum > 0 and not a.attisdropped
       and not (hidden -> tbl) ? a.attname;
    execute format('revoke select on public.%I from %s', tbl, readers ->> tbl);
    execute format('grant select (%s) on public.%I to %s', visible, tbl, readers ->> tbl);
  end loop;
end;
$$;
