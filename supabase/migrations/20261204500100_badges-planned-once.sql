-- The role badge beside every name costs microseconds, not half a millisecond (issue 12).
--
-- public.role_badge(profiles) is the computed field PostgREST reads for each author,
-- commenter and editor on a page. It calls private.role_badge(), a SQL function; a SQL
-- function called from inside another function's body is planned afresh on every call, so
-- each name on a page cost a planning of this query: about 0.5 ms a name on this machine, 10
-- ms of the group page's 12 ms in Postgres for its 20 authors, and more on a long thread.
-- PL/pgSQL keeps the plan for the session (PostgREST keeps its connections). Same query, same
-- answer, same rights.

-- functions
create or replace function private.role_badge(member uuid) returns text
language plpgsql stable
security definer
set search_path = ''
as $$
begin
  return case
    when exists (select 1 from public.site_roles where user_id = member and role = 'candidate') then 'candidate'
    when exists (
      select 1 from public.group_members gm join public.groups g on g.id = gm.group_id
       where gm.user_id = member and gm.role = 'facilitator' and gm.status = 'active' and g.archived_at is null
    ) then 'facilitator'
  end;
end;
$$;
