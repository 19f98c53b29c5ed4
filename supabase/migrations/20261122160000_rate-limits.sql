-- Abuse limits kept in Postgres, so they hold for direct API calls and across app servers:
-- each limited action is logged, and a member over the limit gets a clear "slow down".

-- tables
create table private.action_log (
  user_id uuid not null,
  action text not null,
  at timestamptz not null default now()
);
comment on table private.action_log is 'Recent limited actions per member (comments, votes), for rate limits.';

-- indexes
create index action_log_user_action_at_idx on private.action_log (user_id, action, at);

-- functions
-- Serialised per member and action with an advisory lock, so concurrent requests cannot
-- slip past the limit together. The exception rolls back the whole statement: nothing is
-- half-written.
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
  if member is null then
    return; -- the database owner (seeding, maintenance)
  end if;
  perform pg_advisory_xact_lock(hashtextextended(member::text || ':' || action_name, 0));
  select count(*) into recent
    from private.action_log
   where user_id = member and action = action_name and at > clock_timestamp() - interval '1 minute';
  if recent >= per_minute then
    raise exception '%', slow_down using errcode = 'P0001', hint = 'rate_limited';
  end if;
  insert into private.action_log (user_id, action, at) values (member, action_name, clock_timestamp());
  -- Keep the log small: a member's entries older than an hour are of no further use.
  delete from private.action_log
   where user_id = member and action = action_name and at < clock_timestamp() - interval '1 hour';
end;
$$;

-- grants
revoke all on private.action_log from public, anon, authenticated;
revoke all on function private.enforce_rate_limit(text, integer, text) from public, anon, authenticated;
