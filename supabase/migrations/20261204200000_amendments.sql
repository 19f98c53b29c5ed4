-- Amendments (issue 15, item 1). On an open or shortlisted proposal, a member with standing in
-- its group (decision 008) who is not one of its authors may suggest a change: a full document
-- stored against the version it was based on, with a reason. Everyone who can read the
-- proposal can read its suggestions; active members support them; the proposal's authors
-- accept one (it becomes the next revision, credited to the suggester, and the suggester and
-- supporters are told) or decline it with a reason.
--
-- Everything is plain RLS and triggers: members insert into amendments and
-- amendment_supports, and authors decide by updating an amendment's status. There is no
-- RPC. The triggers check who and when, move the status one way only, apply an accepted text
-- to the proposal and notify. "Outdated" is not stored: a suggestion is outdated while it is
-- open and its base_version is older than the proposal's version, so it never goes stale.

-- tables
create type public.amendment_status as enum ('open', 'accepted', 'declined');

create table public.amendments (
  id uuid primary key default gen_random_uuid(),
  proposal_id uuid not null references public.proposals (id) on delete cascade,
  -- Always the signed-in member (the insert trigger enforces it).
  suggester_id uuid not null default auth.uid() references public.profiles (id) on delete cascade,
  -- The proposal's version and text when the suggestion was made, so a decided suggestion
  -- still shows what it changed. Always set by the insert trigger (the defaults never stay).
  base_version integer not null default 0 check (base_version >= 1),
  base_body jsonb not null default '{}',
  body jsonb not null,
  body_text text not null default '' check (char_length(body_text) <= 25000),
  reason text not null check (char_length(reason) between 1 and 1000),
  status public.amendment_status not null default 'open',
  supporters_count integer not null default 0 check (supporters_count >= 0),
  decided_by uuid references public.profiles (id) on delete set null,
  decided_at timestamptz,
  decision_reason text check (char_length(decision_reason) <= 1000),
  -- The proposal version an accepted suggestion became.
  accepted_version integer,
  created_at timestamptz not null default now(),
  check ((status = 'open') = (decided_at is null)),
  check ((status = 'accepted') = (accepted_version is not null)),
  check (status <> 'declined' or char_length(decision_reason) >= 1)
);
comment on table public.amendments is 'Suggested changes to published proposals: a full document against a base version, with a reason; authors accept or decline them.';

create table public.amendment_supports (
  amendment_id uuid not null references public.amendments (id) on delete cascade,
  user_id uuid not null default auth.uid() references public.profiles (id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (amendment_id, user_id)
);
comment on table public.amendment_supports is 'Members who support a suggested change; each member reads only their own rows.';

alter table public.proposals
  add column amendments_open integer not null default 0 check (amendments_open >= 0),
  add column amendments_accepted integer not null default 0 check (amendments_accepted >= 0),
  add column amendments_declined integer not null default 0 check (amendments_declined >= 0);
comment on column public.proposals.amendments_open is 'Open suggested changes (kept by triggers on amendments).';

alter table public.proposal_revisions
  add column amendment_id uuid references public.amendments (id) on delete set null;
comment on column public.proposal_revisions.amendment_id is 'The accepted suggestion this revision came from; its editor is the suggester.';

alter table public.notifications
  add column amendment_id uuid references public.amendments (id) on delete cascade;

alter type public.notification_kind add value if not exists 'amendment_suggested';
alter type public.notification_kind add value if not exists 'amendment_accepted';
alter type public.notification_kind add value if not exists 'amendment_declined';

-- indexes
create index amendments_proposal_listing_idx on public.amendments (proposal_id, status, created_at desc);
create index amendments_suggester_id_idx on public.amendments (suggester_id, proposal_id, status);
create index amendments_decided_by_idx on public.amendments (decided_by);
create index amendment_supports_user_id_idx on public.amendment_supports (user_id);
create index proposal_revisions_amendment_id_idx on public.proposal_revisions (amendment_id);
create index notifications_amendment_id_idx on public.notifications (amendment_id);

-- Once a day per recipient, kind, thing and actor, as before; the thing is now the amendment
-- when there is one, so two suggestions to the same proposal are two notifications.
drop index public.notifications_once_a_day_idx;
create unique index notifications_once_a_day_idx
  on public.notifications (
    user_id, kind, coalesce(amendment_id, comment_id, proposal_id, group_id), actor_id,
    ((created_at at time zone 'UTC')::date)
  ) nulls not distinct
  where kind not in ('proposal_status', 'candidate_answer');

-- functions
/** Whether the signed-in member may suggest a change to a proposal now: it is open or
 * shortlisted and shown, its group is active, they have standing there and are not one of its
 * authors. The insert trigger says which of these is missing. */
create or replace function private.can_suggest_amendment(target uuid) returns boolean
language sql stable
security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.proposals p
     where p.id = target and p.status in ('open', 'shortlisted') and p.hidden_at is null
       and not private.group_is_archived(p.group_id)
       and private.has_standing(p.group_id, (select auth.uid()))
       and not exists (select 1 from public.proposal_authors a where a.proposal_id = p.id and a.user_id = (select auth.uid()))
  )
$$;

/** Whether the signed-in member may support a suggestion: it is open, on a proposal still
 * open or shortlisted, they are an active member of the group and did not suggest it. */
create or replace function private.can_support_amendment(target uuid) returns boolean
language sql stable
security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.amendments m
      join public.proposals p on p.id = m.proposal_id
     where m.id = target and m.status = 'open' and p.status in ('open', 'shortlisted')
       and m.suggester_id <> (select auth.uid())
       and private.is_active_member(p.group_id)
  )
$$;

/** Whether the signed-in member is an author of the amendment's proposal. */
create or replace function private.decides_amendment(target uuid) returns boolean
language sql stable
security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.amendments m
     where m.id = target and private.is_proposal_author(m.proposal_id)
  )
$$;

/** One notification about an amendment per recipient (not its actor), once a day. */
create or replace function private.notify_amendment(
  recipients uuid[], kind public.notification_kind, body text, actor uuid, amendment public.amendments
) returns void
language sql
security definer
set search_path = ''
as $$
  insert into public.notifications (user_id, kind, group_id, proposal_id, amendment_id, actor_id, body)
  select distinct r.id, notify_amendment.kind, p.group_id, p.id, amendment.id,
         notify_amendment.actor, notify_amendment.body
    from unnest(notify_amendment.recipients) as r (id)
    join public.proposals p on p.id = amendment.proposal_id
   where r.id is not null and r.id is distinct from notify_amendment.actor
  on conflict do nothing
$$;

create or replace function private.prepare_amendment() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  proposal public.proposals;
  member uuid := auth.uid();
begin
  select * into proposal from public.proposals where id = new.proposal_id;
  if proposal.id is null or (member is not null and not private.can_read_proposal(proposal.id)) then
    raise exception 'There is no proposal to suggest a change to.' using errcode = '42501';
  end if;
  if member is not null then
    new.suggester_id := member;
    if proposal.status not in ('open', 'shortlisted') or proposal.hidden_at is not null
       or private.group_is_archived(proposal.group_id) then
      raise exception 'Changes can be suggested only while a proposal is open or shortlisted.' using errcode = 'P0001';
    end if;
    if exists (select 1 from public.proposal_authors a where a.proposal_id = proposal.id and a.user_id = member) then
      raise exception 'You are an author of this proposal: edit it instead of suggesting a change.' using errcode = 'P0001';
    end if;
    if not private.has_standing(proposal.group_id, member) then
      raise exception 'You can suggest changes once you have standing in this group.'
        using errcode = '42501', hint = 'no_standing';
    end if;
    if (select count(*) from public.amendments m
         where m.suggester_id = member and m.proposal_id = proposal.id and m.status = 'open') >= 3 then
      raise exception 'You already have 3 open suggestions on this proposal. Wait for the authors to decide on them.'
        using errcode = 'P0001', hint = 'rate_limited';
    end if;
    perform private.enforce_limit('amendment', 10, interval '1 day',
      'You have suggested 10 changes today. Please wait a day before you suggest another.');
  end if;
  new.base_version := proposal.version;
  new.base_body := proposal.body;
  new.reason := private.trim_text(new.reason);
  if coalesce(char_length(new.reason), 0) not between 1 and 1000 then
    raise exception 'Say why you suggest this change, in up to 1,000 characters.' using errcode = 'P0001';
  end if;
  if not private.document_is_valid(new.body) then
    raise exception 'The suggested text contains something the editor does not allow.' using errcode = '23514';
  end if;
  new.body_text := private.document_text(new.body);
  if btrim(new.body_text) = '' then
    raise exception 'The suggested text is empty. Write the text you suggest.' using errcode = 'P0001';
  end if;
  if new.body = proposal.body then
    raise exception 'Your suggestion is the same as the current text. Change something first.' using errcode = 'P0001';
  end if;
  new.status := 'open';
  new.supporters_count := 0;
  new.decided_by := null;
  new.decided_at := null;
  new.decision_reason := null;
  new.accepted_version := null;
  new.created_at := now();
  return new;
end;
$$;

-- Authors decide by setting the status; nothing else about a suggestion changes. Accepting
-- writes its text to the proposal (a new revision credited to the suggester).
create or replace function private.decide_amendment() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  proposal public.proposals;
  accepted integer;
begin
  if new.status is not distinct from old.status then
    if new.decision_reason is distinct from old.decision_reason and auth.uid() is not null then
      raise exception 'A decision''s reason cannot be changed afterwards.' using errcode = 'P0001';
    end if;
    return new;
  end if;
  if old.status <> 'open' then
    raise exception 'This suggestion has already been %.', old.status using errcode = 'P0001';
  end if;
  if new.status = 'open' then
    raise exception 'Accept or decline the suggestion.' using errcode = 'P0001';
  end if;
  select * into proposal from public.proposals where id = new.proposal_id for no key update;
  if auth.uid() is not null then
    if not private.is_proposal_author(proposal.id) then
      raise exception 'Only the proposal''s authors can accept or decline suggestions.' using errcode = '42501';
    end if;
    if proposal.status not in ('open', 'shortlisted') or private.group_is_archived(proposal.group_id) then
      raise exception 'This proposal can no longer be changed, so its suggestions stay as they are.'
        using errcode = 'P0001';
    end if;
  end if;
  new.decision_reason := nullif(private.trim_text(new.decision_reason), '');
  if new.status = 'declined' and new.decision_reason is null then
    raise exception 'Say why you decline this suggestion.' using errcode = 'P0001';
  end if;
  if char_length(new.decision_reason) > 1000 then
    raise exception 'Keep the reason to 1,000 characters.' using errcode = 'P0001';
  end if;
  new.decided_by := auth.uid();
  new.decided_at := now();
  if new.status = 'accepted' then
    if new.body = proposal.body then
      raise exception 'The proposal already reads as this suggestion. Decline it with that reason instead.'
        using errcode = 'P0001';
    end if;
    -- record_revision credits the revision to the suggester while this is set.
    perform set_config('policy_forum.accepting_amendment', new.id::text, true);
    update public.proposals set body = new.body where id = proposal.id returning version into accepted;
    perform set_config('policy_forum.accepting_amendment', '', true);
    new.accepted_version := accepted;
  end if;
  return new;
end;
$$;

create or replace function private.after_amendment() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  title text;
  actor_name text;
begin
  select '“' || p.title || '”' into title from public.proposals p where p.id = coalesce(new.proposal_id, old.proposal_id);
  if tg_op = 'INSERT' then
    update public.proposals set amendments_open = amendments_open + 1 where id = new.proposal_id;
    actor_name := private.display_name(new.suggester_id);
    perform private.notify_amendment(
      array(select a.user_id from public.proposal_authors a where a.proposal_id = new.proposal_id and a.accepted_at is not null),
      'amendment_suggested',
      format('%s suggested a change to your proposal %s: %s', actor_name, title, left(new.reason, 200)),
      new.suggester_id, new);
  elsif tg_op = 'DELETE' then
    update public.proposals
       set amendments_open = amendments_open - (old.status = 'open')::int,
           amendments_accepted = amendments_accepted - (old.status = 'accepted')::int,
           amendments_declined = amendments_declined - (old.status = 'declined')::int
     where id = old.proposal_id;
  elsif new.status is distinct from old.status then
    update public.proposals
       set amendments_open = amendments_open - 1,
           amendments_accepted = amendments_accepted + (new.status = 'accepted')::int,
           amendments_declined = amendments_declined + (new.status = 'declined')::int
     where id = new.proposal_id;
    if new.status = 'accepted' then
      perform private.notify_amendment(array[new.suggester_id], 'amendment_accepted',
        format('Your suggested change to %s was accepted: it is now version %s.', title, new.accepted_version),
        auth.uid(), new);
      perform private.notify_amendment(
        array(select s.user_id from public.amendment_supports s where s.amendment_id = new.id),
        'amendment_accepted',
        format('A change you supported to %s was accepted: it is now version %s.', title, new.accepted_version),
        auth.uid(), new);
    else
      perform private.notify_amendment(array[new.suggester_id], 'amendment_declined',
        format('Your suggested change to %s was declined: %s', title, left(new.decision_reason, 300)),
        auth.uid(), new);
    end if;
  end if;
  return null;
end;
$$;

create or replace function private.prepare_amendment_support() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if auth.uid() is not null then
    new.user_id := auth.uid();
    if not private.can_support_amendment(new.amendment_id) then
      raise exception 'You can support open suggestions in groups you are a member of, but not your own.'
        using errcode = '42501';
    end if;
    perform private.enforce_rate_limit('amendment_support', 30,
      'You are supporting suggestions very fast. Please wait a minute.');
  end if;
  new.created_at := now();
  return new;
end;
$$;

create or replace function private.count_amendment_support() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    update public.amendments set supporters_count = supporters_count + 1 where id = new.amendment_id;
  else
    update public.amendments set supporters_count = supporters_count - 1 where id = old.amendment_id;
  end if;
  return null;
end;
$$;

-- As in bounded history, and a revision that comes from an accepted suggestion is its own
-- revision, credited to the suggester, never folded into another.
create or replace function private.record_revision() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  editor uuid := coalesce(auth.uid(), new.author_id);
  latest public.proposal_revisions;
  first_version integer;
  accepting uuid := nullif(current_setting('policy_forum.accepting_amendment', true), '')::uuid;
  suggester uuid;
begin
  if new.status = 'draft' or not (
    (tg_op = 'UPDATE' and old.status = 'draft')
    or (tg_op = 'UPDATE' and new.version <> old.version)
  ) then
    return null;
  end if;
  if accepting is not null then
    select m.suggester_id into suggester from public.amendments m
     where m.id = accepting and m.proposal_id = new.id;
  end if;
  if suggester is not null then
    insert into public.proposal_revisions (proposal_id, version, editor_id, title, summary, body, amendment_id)
    values (new.id, new.version, suggester, new.title, new.summary, new.body, accepting);
    return null;
  end if;
  if old.status <> 'draft' then
    select * into latest from public.proposal_revisions
     where proposal_id = new.id order by version desc limit 1 for update;
    select min(version) into first_version from public.proposal_revisions where proposal_id = new.id;
    if latest.id is not null
       and latest.version > first_version
       and latest.editor_id = editor
       and latest.amendment_id is null
       and latest.created_at > now() - interval '10 minutes' then
      update public.proposal_revisions
         set version = new.version, title = new.title, summary = new.summary, body = new.body,
             updated_at = now()
       where id = latest.id;
      return null;
    end if;
  end if;
  insert into public.proposal_revisions (proposal_id, version, editor_id, title, summary, body)
  values (new.id, new.version, editor, new.title, new.summary, new.body);
  return null;
end;
$$;

-- triggers
create trigger amendments_prepare
  before insert on public.amendments
  for each row execute function private.prepare_amendment();

create trigger amendments_decide
  before update on public.amendments
  for each row execute function private.decide_amendment();

create trigger amendments_after
  after insert or update of status or delete on public.amendments
  for each row execute function private.after_amendment();

create trigger amendment_supports_prepare
  before insert on public.amendment_supports
  for each row execute function private.prepare_amendment_support();

create trigger amendment_supports_count
  after insert or delete on public.amendment_supports
  for each row execute function private.count_amendment_support();

create trigger refuse_ended_sessions
  before insert or update or delete on public.amendments
  for each statement execute function private.refuse_ended_sessions();

create trigger refuse_ended_sessions
  before insert or update or delete on public.amendment_supports
  for each statement execute function private.refuse_ended_sessions();

-- grants
revoke all on function private.can_suggest_amendment(uuid), private.can_support_amendment(uuid),
  private.decides_amendment(uuid) from public;
grant execute on function private.can_suggest_amendment(uuid), private.can_support_amendment(uuid),
  private.decides_amendment(uuid) to authenticated, service_role;
revoke all on function private.notify_amendment(uuid[], public.notification_kind, text, uuid, public.amendments),
  private.prepare_amendment(), private.decide_amendment(), private.after_amendment(),
  private.prepare_amendment_support(), private.count_amendment_support()
  from public, anon, authenticated;

-- proposals and notifications are read column by column (moderators stay private).
grant select (amendments_open, amendments_accepted, amendments_declined) on public.proposals to anon, authenticated;
grant select (amendment_id) on public.notifications to authenticated;

revoke all on public.amendments, public.amendment_supports from anon, authenticated;
grant select on public.amendments to anon, authenticated;
grant insert (proposal_id, body, reason), update (status, decision_reason) on public.amendments to authenticated;
grant select, insert (amendment_id), delete on public.amendment_supports to authenticated;

-- RLS and policies
alter table public.amendments enable row level security;
alter table public.amendment_supports enable row level security;

create policy "Suggestions are as public as their proposal"
  on public.amendments for select
  to anon, authenticated
  using ((select private.can_read_proposal(proposal_id)));

create policy "Members with standing suggest changes to others' proposals"
  on public.amendments for insert
  to authenticated
  with check (suggester_id = (select auth.uid()) and (select private.can_suggest_amendment(proposal_id)));

create policy "Authors accept or decline suggestions"
  on public.amendments for update
  to authenticated
  using ((select private.decides_amendment(id)))
  with check ((select private.decides_amendment(id)));

create policy "Members see their own support"
  on public.amendment_supports for select
  to authenticated
  using (user_id = (select auth.uid()));

create policy "Members support open suggestions in their groups"
  on public.amendment_supports for insert
  to authenticated
  with check (user_id = (select auth.uid()) and (select private.can_support_amendment(amendment_id)));

create policy "Members withdraw their support from open suggestions"
  on public.amendment_supports for delete
  to authenticated
  using (
    user_id = (select auth.uid())
    and exists (select 1 from public.amendments m where m.id = amendment_id and m.status = 'open')
  );
