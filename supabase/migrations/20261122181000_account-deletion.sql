-- A member can delete their account. What they published stays in the public record (the
-- discussion would not make sense without it) but no longer names them: the profile becomes
-- "Former member". Everything private goes: votes, drafts, memberships, notifications, roles,
-- and the sign-in itself (the e-mail address is released, sessions end).

-- tables
alter table public.profiles add column deleted_at timestamptz;

-- functions
-- Withdrawing hundreds of votes while deleting an account is not voting fast: the limits skip
-- work this migration's function does on the member's behalf. Clients cannot set this flag
-- (PostgREST runs no SQL of theirs).
create or replace function private.enforce_rate_limit(action_name text, per_minute integer, slow_down text)
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  member uuid := auth.uid();
  recent integer;
begin
  if member is null or current_setting('policy_forum.account_deletion', true) = 'on' then
    return;
  end if;
  perform pg_advisory_xact_lock(hashtextextended(member::text || ':' || action_name, 0));
  select count(*) into recent
    from private.action_log
   where user_id = member and action = action_name and at > clock_timestamp() - interval '1 minute';
  if recent >= per_minute then
    raise exception '%', slow_down using errcode = 'P0001', hint = 'rate_limited';
  end if;
  insert into private.action_log (user_id, action, at) values (member, action_name, clock_timestamp());
  delete from private.action_log
   where user_id = member and action = action_name and at < clock_timestamp() - interval '1 hour';
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
         deleted_at = now()
   where id = member;
  delete from auth.sessions where user_id = member;
end;
$$;

-- grants
revoke all on function public.delete_my_account() from public, anon;
grant execute on function public.delete_my_account() to authenticated;
