-- Follows and @mentions (issue 15, item 4). Members follow proposals and groups; supporting
-- a proposal follows it (a member can unfollow). Followers of a proposal hear of its new
-- comments; followers of a group hear of its newly published proposals. "@Display Name" in a
-- comment mentions that member, if they are an active member of the proposal's group (nobody
-- else is ever told). Each comment tells each member at most once: a reply to them, else a
-- mention, else a comment on their proposal, else news of a proposal they follow.

-- tables
create table public.follows (
  id bigint generated always as identity primary key,
  user_id uuid not null default auth.uid() references public.profiles (id) on delete cascade,
  proposal_id uuid references public.proposals (id) on delete cascade,
  group_id uuid references public.groups (id) on delete cascade,
  created_at timestamptz not null default now(),
  check (num_nonnulls(proposal_id, group_id) = 1),
  unique (user_id, proposal_id),
  unique (user_id, group_id)
);
comment on table public.follows is 'Proposals and groups a member follows, to hear of new comments and new proposals.';

alter type public.notification_kind add value if not exists 'mention';
alter type public.notification_kind add value if not exists 'followed_proposal_comment';
alter type public.notification_kind add value if not exists 'followed_group_proposal';

-- indexes
create index follows_proposal_id_idx on public.follows (proposal_id) where proposal_id is not null;
create index follows_group_id_idx on public.follows (group_id) where group_id is not null;

-- functions
create or replace function private.prepare_follow() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if auth.uid() is not null then
    new.user_id := auth.uid();
    if new.proposal_id is not null and not private.can_read_proposal(new.proposal_id) then
      raise exception 'You can follow only proposals you can read.' using errcode = '42501';
    end if;
    perform private.enforce_rate_limit('follow', 60,
      'You are following very fast. Please wait a minute.');
  end if;
  new.created_at := now();
  return new;
end;
$$;

/** The active members of a group whose "@Display Name" appears in a text (at most 10). */
create or replace function private.mentioned_members(target_group uuid, body text) returns uuid[]
language sql stable
security definer
set search_path = ''
as $$
  select coalesce(array_agg(user_id), '{}') from (
    select m.user_id
      from public.group_members m
      join public.profiles p on p.id = m.user_id
     where m.group_id = target_group and m.status = 'active'
       and position('@' in body) > 0
       and body ~* ('(^|[^[:alnum:]_])@'
                    || regexp_replace(p.display_name, '([.^$*+?()\[\]{}|\\-])', '\\\1', 'g')
                    || '($|[^[:alnum:]_])')
     limit 10
  ) as found
$$;

-- As before (a reply tells the parent's author; a comment tells the proposal's authors), and
-- mentions and followers too, each member once per comment.
create or replace function private.notify_comment() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  proposal public.proposals;
  parent_author uuid;
  authors uuid[];
  mentioned uuid[];
  commenter text := private.display_name(new.author_id);
begin
  select * into proposal from public.proposals where id = new.proposal_id;
  if new.parent_id is not null then
    select author_id into parent_author from public.comments where id = new.parent_id and deleted_at is null;
    perform private.notify(array[parent_author], 'reply_to_comment',
      format('%s replied to your comment on “%s”', commenter, proposal.title),
      new.author_id, proposal.group_id, proposal.id, new.id);
  end if;
  mentioned := array(
    select u from unnest(private.mentioned_members(proposal.group_id, new.body)) as u
     where u is distinct from parent_author);
  perform private.notify(mentioned, 'mention',
    format('%s mentioned you in a comment on “%s”', commenter, proposal.title),
    new.author_id, proposal.group_id, proposal.id, new.id);
  authors := array(
    select a.user_id from public.proposal_authors a
     where a.proposal_id = proposal.id and a.accepted_at is not null
       and a.user_id is distinct from parent_author and a.user_id <> all (mentioned));
  perform private.notify(authors, 'comment_on_proposal',
    format('%s commented on your proposal “%s”', commenter, proposal.title),
    new.author_id, proposal.group_id, proposal.id, new.id);
  perform private.notify(
    array(select f.user_id from public.follows f
           where f.proposal_id = proposal.id
             and f.user_id is distinct from parent_author
             and f.user_id <> all (mentioned) and f.user_id <> all (authors)
             and not exists (select 1 from public.proposal_authors a
                              where a.proposal_id = proposal.id and a.user_id = f.user_id and a.accepted_at is not null)),
    'followed_proposal_comment',
    format('%s commented on “%s”, which you follow', commenter, proposal.title),
    new.author_id, proposal.group_id, proposal.id, new.id);
  return null;
end;
$$;

-- Supporting a proposal follows it (once: unfollowing is respected until the next new vote).
create or replace function private.follow_supported() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if new.value = 1 then
    insert into public.follows (user_id, proposal_id) values (new.user_id, new.proposal_id)
    on conflict do nothing;
  end if;
  return null;
end;
$$;

-- A proposal published in a group tells the group's followers.
create or replace function private.notify_group_followers() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform private.notify(
    array(select f.user_id from public.follows f
           where f.group_id = new.group_id
             and not exists (select 1 from public.proposal_authors a where a.proposal_id = new.id and a.user_id = f.user_id)),
    'followed_group_proposal',
    format('New proposal in a group you follow: “%s”', new.title),
    auth.uid(), new.group_id, new.id);
  return null;
end;
$$;

-- triggers
create trigger follows_prepare
  before insert on public.follows
  for each row execute function private.prepare_follow();

create trigger votes_follow_supported
  after insert on public.votes
  for each row execute function private.follow_supported();

create trigger proposals_notify_group_followers
  after update on public.proposals
  for each row when (old.status = 'draft' and new.status = 'open')
  execute function private.notify_group_followers();

create trigger refuse_ended_sessions
  before insert or update or delete on public.follows
  for each statement execute function private.refuse_ended_sessions();

-- grants
revoke all on function private.prepare_follow(), private.follow_supported(),
  private.notify_group_followers() from public, anon, authenticated;
revoke all on function private.mentioned_members(uuid, text) from public, anon, authenticated;
revoke all on public.follows from anon, authenticated;
grant select, insert (proposal_id, group_id), delete on public.follows to authenticated;

-- RLS and policies
alter table public.follows enable row level security;

create policy "Members see what they follow"
  on public.follows for select
  to authenticated
  using (user_id = (select auth.uid()));

create policy "Members follow proposals and groups"
  on public.follows for insert
  to authenticated
  with check (user_id = (select auth.uid()));

create policy "Members unfollow"
  on public.follows for delete
  to authenticated
  using (user_id = (select auth.uid()));
