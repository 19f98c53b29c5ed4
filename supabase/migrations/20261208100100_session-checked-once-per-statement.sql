-- A write checks the caller's session once, not once more for every table its triggers write
-- (issue 12, item 7). refuse_ended_sessions runs before each statement on every public table;
-- a member's vote also wrote the borough tally, the proposal, the follow and the membership
-- from its triggers, and each of those statements checked the same session again (a profile
-- and a session lookup each time): about a sixth of a member's vote.
--
-- A statement run by a trigger (pg_trigger_depth() above 1 here) belongs to a statement that
-- has already passed this check: every public table has it (tests/db/live-accounts proves it),
-- the API writes only public tables or calls functions whose own statements are checked, and
-- no trigger outside public writes for a member. So what an ended session may do is unchanged:
-- nothing.

-- functions
create or replace function private.refuse_ended_sessions() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  -- No user in the request (service role, migrations, the Auth server itself), the account
  -- deletion doing its own work, or a trigger's statement inside one already checked: nothing
  -- to check.
  if pg_trigger_depth() > 1 or (select auth.uid()) is null
     or current_setting('policy_forum.account_deletion', true) = 'on' then
    return null;
  end if;
  if not private.caller_is_live() then
    raise exception 'This session has ended. Sign in again to make changes.'
      using errcode = '42501', hint = 'session_ended';
  end if;
  return null;
end;
$$;
