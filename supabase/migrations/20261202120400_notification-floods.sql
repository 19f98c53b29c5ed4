-- No floods. The same kind of notification about the same thing from the same member reaches
-- a recipient at most once a (UTC) day: joining and leaving a group twenty times, inviting
-- and removing a co-author, repeated replies to the same comment... The exceptions are news
-- that is different each time although its key is the same: a proposal's change of status
-- and the candidate's answer (each is a decision the authors must hear of).
-- Join requests are also limited per member: 10 a day across groups.

-- tables
-- Keep the first of any duplicates already sent, so the unique index can be built.
delete from public.notifications n
 using public.notifications o
 where n.kind not in ('proposal_status', 'candidate_answer')
   and o.user_id = n.user_id and o.kind = n.kind
   and coalesce(o.comment_id, o.proposal_id, o.group_id) is not distinct from coalesce(n.comment_id, n.proposal_id, n.group_id)
   and o.actor_id is not distinct from n.actor_id
   and (o.created_at at time zone 'UTC')::date = (n.created_at at time zone 'UTC')::date
   and (o.created_at, o.id) < (n.created_at, n.id);

-- indexes
create unique index notifications_once_a_day_idx
  on public.notifications (
    user_id, kind, coalesce(comment_id, proposal_id, group_id), actor_id, ((created_at at time zone 'UTC')::date)
  ) nulls not distinct
  where kind not in ('proposal_status', 'candidate_answer');

-- functions
/** One notification for each recipient, never for the member who caused it, and no second
 * one of the same kind about the same thing from the same member on the same day. */
create or replace function private.notify(
  recipients uuid[],
  kind public.notification_kind,
  body text,
  actor uuid,
  group_id uuid,
  proposal_id uuid default null,
  comment_id uuid default null
) returns void
language sql
security definer
set search_path = ''
as $$
  insert into public.notifications (user_id, kind, group_id, proposal_id, comment_id, actor_id, body)
  select distinct r.id, notify.kind, notify.group_id, notify.proposal_id, notify.comment_id, notify.actor, notify.body
    from unnest(notify.recipients) as r (id)
   where r.id is not null and r.id is distinct from notify.actor
  on conflict do nothing
$$;

/** At most `most` of an action per member in the last `per` (serialised like
 * enforce_rate_limit), with the member told in a sentence when they are over. */
create or replace function private.enforce_limit(action_name text, most integer, per interval, slow_down text)
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
   where user_id = member and action = action_name and at > clock_timestamp() - per;
  if recent >= most then
    raise exception '%', slow_down using errcode = 'P0001', hint = 'rate_limited';
  end if;
  insert into private.action_log (user_id, action, at) values (member, action_name, clock_timestamp());
  delete from private.action_log
   where user_id = member and action = action_name and at < clock_timestamp() - per;
end;
$$;

-- As before, and a member's requests to join are limited to 10 a day.
create or replace function private.prepare_membership() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  policy public.join_policy;
  archived timestamptz;
  acting_admin boolean := private.is_admin();
begin
  select g.join_policy, g.archived_at into policy, archived from public.groups as g where g.id = new.group_id;
  if archived is not null then
    raise exception 'This group is archived and takes no new members.' using errcode = 'P0001';
  end if;
  new.requested_at := now();
  if acting_admin or auth.uid() is null then
    new.status := 'active';
    new.decided_by := auth.uid();
  else
    if new.role <> 'member' then
      raise exception 'Only an admin can appoint facilitators.' using errcode = '42501';
    end if;
    new.status := case when policy = 'open' then 'active' else 'pending' end;
    new.decided_by := null;
    if new.status = 'pending' then
      perform private.enforce_limit('join_request', 10, interval '1 day',
        'You have asked to join groups 10 times today. Please wait a day before you ask again.');
    end if;
  end if;
  new.joined_at := case when new.status = 'active' then now() end;
  new.participated_at := null;
  return new;
end;
$$;

-- grants
revoke all on function private.enforce_limit(text, integer, interval, text) from public, anon, authenticated;
