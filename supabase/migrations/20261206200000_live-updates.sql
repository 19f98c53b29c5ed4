-- Live updates through Supabase Realtime's Broadcast from the database. Triggers send small
-- events (ids and counters, never a comment's text, a hidden reason or a draft's content) with
-- realtime.send on three kinds of topic:
--   proposal:<id>  comment_added, comment_changed, votes_changed, proposal_changed
--   group:<id>     proposal_published
--   user:<id>      notification_added, notifications_read
-- Pages refetch through their loaders when an event arrives, so RLS still decides what each
-- member sees. Who may join a topic (a private channel) is the select policy on
-- realtime.messages below: hosted Realtime and the local service both check it with the
-- member's JWT when they join. Signed-out visitors get no live updates.

-- functions
/** Whether the caller may hear a topic's events: their own notifications, any group, and a
 * proposal they may read (drafts: their authors only). A live account and session only. */
create or replace function private.may_hear(topic text) returns boolean
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  kind text := split_part(topic, ':', 1);
  target uuid;
begin
  if topic is null or topic !~ '^(proposal|group|user):[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then
    return false;
  end if;
  if not private.caller_is_live() then
    return false;
  end if;
  target := split_part(topic, ':', 2)::uuid;
  return case kind
    when 'user' then target = (select auth.uid())
    when 'group' then exists (select 1 from public.groups where id = target)
    when 'proposal' then private.can_read_proposal(target)
    else false
  end;
end;
$$;

create or replace function private.broadcast_comment() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform realtime.send(
    -- Who wrote a new comment is shown beside it anyway; it lets a page skip announcing the
    -- member's own comment. A change (edit, deletion, hiding) names the comment only.
    case tg_op
      when 'INSERT' then jsonb_build_object('comment_id', new.id, 'parent_id', new.parent_id, 'author_id', new.author_id)
      else jsonb_build_object('comment_id', new.id)
    end,
    case tg_op when 'INSERT' then 'comment_added' else 'comment_changed' end,
    'proposal:' || new.proposal_id
  );
  return null;
end;
$$;

create or replace function private.broadcast_proposal() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if new.support_count <> old.support_count or new.oppose_count <> old.oppose_count then
    perform realtime.send(
      jsonb_build_object('support_count', new.support_count, 'oppose_count', new.oppose_count),
      'votes_changed',
      'proposal:' || new.id
    );
  end if;
  if new.status <> old.status or new.version <> old.version then
    perform realtime.send(
      jsonb_build_object('status', new.status, 'version', new.version),
      'proposal_changed',
      'proposal:' || new.id
    );
  end if;
  if old.status = 'draft' and new.status <> 'draft' then
    perform realtime.send(
      jsonb_build_object('proposal_id', new.id),
      'proposal_published',
      'group:' || new.group_id
    );
  end if;
  return null;
end;
$$;

create or replace function private.broadcast_notification() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    perform realtime.send(jsonb_build_object('notification_id', new.id), 'notification_added',
      'user:' || new.user_id);
  elsif new.read_at is distinct from old.read_at then
    perform realtime.send(jsonb_build_object('notification_id', new.id), 'notifications_read',
      'user:' || new.user_id);
  end if;
  return null;
end;
$$;

-- triggers
create trigger broadcast_comment
  after insert or update of body, deleted_at, edited_at, hidden_at on public.comments
  for each row execute function private.broadcast_comment();

create trigger broadcast_proposal
  after update of support_count, oppose_count, status, version on public.proposals
  for each row execute function private.broadcast_proposal();

create trigger broadcast_notification
  after insert or update of read_at on public.notifications
  for each row execute function private.broadcast_notification();

-- grants
revoke all on function private.may_hear(text) from public, anon;
grant execute on function private.may_hear(text) to authenticated;
revoke all on function private.broadcast_comment(), private.broadcast_proposal(),
  private.broadcast_notification() from public, anon, authenticated;

-- RLS and policies (realtime.messages has RLS enabled by the platform, hosted and local)
create policy "Members hear of what they may read"
  on realtime.messages for select
  to authenticated
  using (realtime.messages.extension = 'broadcast' and (select private.may_hear((select realtime.topic()))));
