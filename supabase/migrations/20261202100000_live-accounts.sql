-- Deleted means gone, and signed out means signed out: a write needs a live account and a
-- live session. An access token is a JWT that stays valid until it expires (up to an hour), so
-- after "delete my account" or a sign-out everywhere it would still pass RLS; every write to a
-- public table now checks, once per statement, that the caller's profile is not deleted and
-- that the session named in the token still exists. One trigger per table, so the rule also
-- holds for writes done by security definer functions on the caller's behalf, and for tables
-- added later (tests/db/live-accounts.test.ts fails for a public table without it).

-- functions
create or replace function private.caller_is_live() returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (
           select 1 from public.profiles
            where id = (select auth.uid()) and deleted_at is null
         )
     and (
           nullif((select auth.jwt()) ->> 'session_id', '') is null
           or exists (
                select 1 from auth.sessions
                 where id = ((select auth.jwt()) ->> 'session_id')::uuid
                   and user_id = (select auth.uid())
              )
         )
$$;

create or replace function private.refuse_ended_sessions() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  -- No user in the request (service role, migrations, the Auth server itself) or the account
  -- deletion doing its own work: nothing to check.
  if (select auth.uid()) is null or current_setting('policy_forum.account_deletion', true) = 'on' then
    return null;
  end if;
  if not private.caller_is_live() then
    raise exception 'This session has ended. Sign in again to make changes.'
      using errcode = '42501', hint = 'session_ended';
  end if;
  return null;
end;
$$;

create or replace function public.delete_my_account() returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  member uuid := auth.uid();
begin
  if member is null then
    raise exception 'Sign in to delete your account.' using errcode = '42501';
  end if;
  if exists (select 1 from public.site_roles where user_id = member and role = 'admin')
     and not exists (select 1 from public.site_roles where role = 'admin' and user_id <> member) then
    raise exception 'You are the only admin. Appoint another admin before you delete your account.' using errcode = 'P0001';
  end if;
  perform set_config('policy_forum.account_deletion', 'on', true);
  -- Private things first; the triggers keep every counter and score exact.
  delete from public.votes where user_id = member;
  delete from public.proposals where author_id = member and status = 'draft';
  delete from public.proposal_authors where user_id = member and role = 'coauthor';
  delete from public.notifications where user_id = member;
  delete from public.group_members where user_id = member;
  delete from public.site_roles where user_id = member;
  update public.profiles
     set display_name = 'Former member', region = null, bio = '', deleted_at = now()
   where id = member;
  -- The sign-in: no address, no password, no session.
  update auth.users
     set email = 'deleted-' || member::text || '@deleted.invalid',
         encrypted_password = null,
         raw_user_meta_data = '{}'::jsonb,
         phone = null,
         banned_until = 'infinity',
         deleted_at = now(),
         confirmation_token = '',
         recovery_token = '',
         email_change_token_new = '',
         email_change_token_current = '',
         email_change = '',
         reauthentication_token = ''
   where id = member;
  -- Every e-mailed link and code goes, and every session with its refresh tokens: an access
  -- token still within its expiry can change nothing (private.refuse_ended_sessions).
  delete from auth.one_time_tokens where user_id = member;
  delete from auth.refresh_tokens
   where session_id in (select id from auth.sessions where user_id = member);
  delete from auth.sessions where user_id = member;
end;
$$;


-- triggers
do $$
declare
  target record;
begin
  for target in
    select c.relname
      from pg_class c
      join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = 'public' and c.relkind in ('r', 'p')
  loop
    execute format(
      'create trigger refuse_ended_sessions before insert or update or delete on public.%I '
      'for each statement execute function private.refuse_ended_sessions()',
      target.relname
    );
  end loop;
end
$$;

-- grants
revoke all on function private.caller_is_live() from public, anon;
grant execute on function private.caller_is_live() to authenticated;
revoke all on function private.refuse_ended_sessions() from public, anon, authenticated;
revoke all on function public.delete_my_account() from public, anon;
grant execute on function public.delete_my_account() to authenticated;
