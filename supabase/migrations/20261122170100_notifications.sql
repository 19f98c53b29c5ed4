-- Notifications in the app, created by triggers in Postgres so that no path can forget them.
-- Each is a short sentence for one member, with links to what it is about. Members read,
-- mark read and delete their own, and nobody else's.
--
-- This migration sends the notifications of the events that already exist: a comment on
-- your proposal, a reply to your comment, a new join request (to the group's facilitators)
-- and the decision on your request. Later migrations add their own events.

-- tables
create type public.notification_kind as enum (
  'comment_on_proposal',
  'reply_to_comment',
  'proposal_status',
  'candidate_answer',
  'merge_invitation',
  'join_request',
  'join_approved',
  'join_declined'
);

create table public.notifications (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references public.profiles (id) on delete cascade,
  kind public.notification_kind not null,
  group_id uuid references public.groups (id) on delete cascade,
  proposal_id uuid references public.proposals (id) on delete cascade,
  comment_id uuid references public.comments (id) on delete cascade,
  actor_id uuid references public.profiles (id) on delete set null,
  body text not null check (char_length(body) between 1 and 1000),
  created_at timestamptz not null default now(),
  read_at timestamptz
);
comment on table public.notifications is 'What happened that a member should hear about. Written by triggers; read and cleared by their owner.';

-- indexes
create index notifications_user_created_idx on public.notifications (user_id, created_at desc);
-- The unread count in the navigation.
create index notifications_user_unread_idx on public.notifications (user_id) where read_at is null;
create index notifications_group_id_idx on public.notifications (group_id);
create index notifications_proposal_id_idx on public.notifications (proposal_id);
create index notifications_comment_id_idx on public.notifications (comment_id);
create index notifications_actor_id_idx on public.notifications (actor_id);

-- functions
create or replace function private.display_name(member uuid) returns text
language sql stable
security definer
set search_path = ''
as $$
  select coalesce((select display_name from public.profiles where id = member), 'Someone')
$$;

/** One notification for each recipient, once, never for the member who caused it. */
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
$$;

-- A reply notifies the parent comment's author (once, as a reply, even if they also wrote
-- the proposal); every other author of the proposal hears of the comment.
create or replace function private.notify_comment() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  proposal public.proposals;
  parent_author uuid;
  commenter text := private.display_name(new.author_id);
begin
  select * into proposal from public.proposals where id = new.proposal_id;
  if new.parent_id is not null then
    select author_id into parent_author from public.comments where id = new.parent_id and deleted_at is null;
    perform private.notify(array[parent_author], 'reply_to_comment',
      format('%s replied to your comment on “%s”', commenter, proposal.title),
      new.author_id, proposal.group_id, proposal.id, new.id);
  end if;
  perform private.notify(
    array(select a.user_id from public.proposal_authors a
           where a.proposal_id = proposal.id and a.user_id is distinct from parent_author),
    'comment_on_proposal',
    format('%s commented on your proposal “%s”', commenter, proposal.title),
    new.author_id, proposal.group_id, proposal.id, new.id);
  return null;
end;
$$;

-- Requests go to the group's facilitators; decisions to the member who asked. A request
-- deleted by someone else is declined (not when its group or member is being deleted).
create or replace function private.notify_membership() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  group_name text := (select name from public.groups where id = coalesce(new.group_id, old.group_id));
begin
  if tg_op = 'INSERT' then
    if new.status = 'pending' then
      perform private.notify(
        array(select m.user_id from public.group_members m
               where m.group_id = new.group_id and m.role = 'facilitator' and m.status = 'active'),
        'join_request',
        format('%s asked to join %s', private.display_name(new.user_id), group_name),
        new.user_id, new.group_id);
    end if;
  elsif tg_op = 'UPDATE' then
    if old.status = 'pending' and new.status = 'active' then
      perform private.notify(array[new.user_id], 'join_approved',
        format('Your request to join %s was approved', group_name), auth.uid(), new.group_id);
    end if;
  elsif old.status = 'pending' and auth.uid() is distinct from old.user_id
    and group_name is not null
    and exists (select 1 from public.profiles where id = old.user_id) then
    perform private.notify(array[old.user_id], 'join_declined',
      format('Your request to join %s was declined', group_name), auth.uid(), old.group_id);
  end if;
  return null;
end;
$$;

/** Marks every unread notification of the signed-in member read; returns how many. */
create or replace function public.mark_all_notifications_read() returns integer
language plpgsql
set search_path = ''
as $$
declare
  marked integer;
begin
  update public.notifications
     set read_at = now()
   where user_id = (select auth.uid()) and read_at is null;
  get diagnostics marked = row_count;
  return marked;
end;
$$;

-- triggers
create trigger comments_notify
  after insert on public.comments
  for each row execute function private.notify_comment();

create trigger group_members_notify
  after insert or update of status or delete on public.group_members
  for each row execute function private.notify_membership();

-- grants
revoke all on function private.display_name(uuid),
  private.notify(uuid[], public.notification_kind, text, uuid, uuid, uuid, uuid),
  private.notify_comment(), private.notify_membership()
  from public, anon, authenticated;
revoke all on function public.mark_all_notifications_read() from public, anon;
grant execute on function public.mark_all_notifications_read() to authenticated;

-- Only triggers write notifications, whoever holds the key.
revoke all on public.notifications from anon, authenticated, service_role;
grant select on public.notifications to service_role;
grant select, delete on public.notifications to authenticated;
-- Marking read (or unread) is the only change a member makes.
grant update (read_at) on public.notifications to authenticated;

-- RLS and policies
alter table public.notifications enable row level security;

create policy "Members read their own notifications"
  on public.notifications for select
  to authenticated
  using (user_id = (select auth.uid()));

create policy "Members mark their own notifications read"
  on public.notifications for update
  to authenticated
  using (user_id = (select auth.uid()))
  with check (user_id = (select auth.uid()));

create policy "Members delete their own notifications"
  on public.notifications for delete
  to authenticated
  using (user_id = (select auth.uid()));
