-- Co-authors by consent. Adding a co-author is an invitation: the member invited hears of it
-- (a notification with accept and decline) and becomes a co-author only by accepting.
-- Until then they cannot edit, are not listed, and get no author notifications; only the
-- inviter and the invitee see the invitation. Declining is stepping down: the row goes.
-- Co-authors added before this migration never agreed: they are invited now.

-- tables
alter table public.proposal_authors add column accepted_at timestamptz;
comment on column public.proposal_authors.accepted_at is 'When the co-author accepted the invitation; null while it is pending. The author''s own row is accepted when the proposal is created.';
update public.proposal_authors set accepted_at = added_at where role = 'author';
alter table public.proposal_authors
  add constraint proposal_authors_author_accepted check (role = 'coauthor' or accepted_at is not null);
comment on table public.proposal_authors is 'The author of each proposal, the co-authors who accepted, and pending invitations.';

insert into public.notifications (user_id, kind, group_id, proposal_id, actor_id, body)
select a.user_id, 'coauthor_invitation', p.group_id, p.id, a.added_by,
       format('%s invited you to co-author “%s”. Accept or decline on the proposal''s page.',
         coalesce((select pr.display_name from public.profiles pr where pr.id = a.added_by), 'Someone'), p.title)
  from public.proposal_authors a
  join public.proposals p on p.id = a.proposal_id
 where a.role = 'coauthor' and a.accepted_at is null;

-- indexes
-- Policies and author lists filter on (proposal_id, user_id), the primary key, and user_id
-- and added_by, already indexed.

-- functions
/** Accepted authors only: invitations give no rights. */
create or replace function private.is_proposal_author(target uuid) returns boolean
language sql stable
security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.proposal_authors
    where proposal_id = target and user_id = (select auth.uid()) and accepted_at is not null
  )
$$;

create or replace function private.is_invited_coauthor(target uuid) returns boolean
language sql stable
security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.proposal_authors
    where proposal_id = target and user_id = (select auth.uid()) and accepted_at is null
  )
$$;

/** As before; a member invited to co-author a draft may read it, to decide. */
create or replace function private.can_read_proposal(target uuid) returns boolean
language sql stable
security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.proposals p
    where p.id = target and p.status <> 'draft'
      and (p.hidden_at is null or private.can_curate(p.group_id))
  )
    or private.is_proposal_author(target)
    or private.is_invited_coauthor(target)
$$;

create or replace function private.add_main_author() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  insert into public.proposal_authors (proposal_id, user_id, role, added_by, accepted_at)
  values (new.id, new.author_id, 'author', new.author_id, now());
  return null;
end;
$$;

/** Authors invite co-authors from the group's active members; nobody else, and only while
 * the proposal can still be edited by its authors. An invitation starts pending. */
create or replace function private.prepare_coauthor() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  proposal public.proposals;
begin
  -- The database owner, and the main author's own row (added by a trigger; clients cannot
  -- write the role column).
  if auth.uid() is null or new.role = 'author' then
    return new;
  end if;
  select * into proposal from public.proposals where id = new.proposal_id;
  if proposal.author_id is distinct from auth.uid() then
    raise exception 'Only the proposal''s author can invite co-authors.' using errcode = '42501';
  end if;
  if proposal.status not in ('draft', 'open', 'shortlisted') then
    raise exception 'This proposal can no longer be edited.' using errcode = 'P0001';
  end if;
  if not exists (
    select 1 from public.group_members
    where group_id = proposal.group_id and user_id = new.user_id and status = 'active'
  ) then
    raise exception 'Co-authors must be members of the group.' using errcode = 'P0001';
  end if;
  if exists (select 1 from public.proposal_authors a where a.proposal_id = new.proposal_id and a.user_id = new.user_id) then
    raise exception 'This member is already an author or invited.' using errcode = 'P0001';
  end if;
  new.role := 'coauthor';
  new.added_by := auth.uid();
  new.added_at := now();
  new.accepted_at := null;
  return new;
end;
$$;

/** The invitee accepts (the only change anyone makes to an author row), while the proposal
 * can still be edited. Accepting cannot be undone by an update: co-authors step down. */
create or replace function private.accept_coauthor_invitation() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if auth.uid() is null then
    return new;
  end if;
  if new.user_id <> auth.uid() or old.accepted_at is not null then
    raise exception 'Only the member invited can accept an invitation, once.' using errcode = '42501';
  end if;
  if new.accepted_at is null then
    raise exception 'To decline an invitation, remove yourself from the proposal''s authors.' using errcode = 'P0001';
  end if;
  if not exists (
    select 1 from public.proposals p
     where p.id = new.proposal_id and p.status in ('draft', 'open', 'shortlisted')
       and not private.group_is_archived(p.group_id)
  ) then
    raise exception 'This proposal can no longer be edited, so the invitation has lapsed.' using errcode = 'P0001';
  end if;
  new.accepted_at := now();
  return new;
end;
$$;

create or replace function private.notify_coauthor_invitation() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  proposal public.proposals;
begin
  select * into proposal from public.proposals where id = new.proposal_id;
  perform private.notify(array[new.user_id], 'coauthor_invitation',
    format('%s invited you to co-author “%s”. Accept or decline on the proposal''s page.',
      private.display_name(new.added_by), proposal.title),
    new.added_by, proposal.group_id, proposal.id);
  return null;
end;
$$;

-- Author notifications go to accepted authors only.

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
           where a.proposal_id = proposal.id and a.accepted_at is not null
             and a.user_id is distinct from parent_author),
    'comment_on_proposal',
    format('%s commented on your proposal “%s”', commenter, proposal.title),
    new.author_id, proposal.group_id, proposal.id, new.id);
  return null;
end;
$$;

create or replace function private.notify_proposal_status() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  verb text := private.transition_verb(old.status, new.status);
  title text := '“' || new.title || '”';
  destination_title text;
  sentence text;
begin
  if verb in ('publish', 'answer') then
    return null;
  end if;
  destination_title := '“' || (select p.title from public.proposals p where p.id = new.merged_into) || '”';
  sentence := case verb
    when 'shortlist' then format('Your proposal %s was shortlisted by the facilitators', title)
    when 'reopen' then format('Your proposal %s was returned to open discussion', title)
    when 'forward' then format('Your proposal %s was forwarded to the candidate', title)
    when 'archive' then format('Your proposal %s was archived: %s', title, left(new.status_reason, 300))
    when 'merge' then format('Your proposal %s was merged into %s', title, destination_title)
    else format('Your proposal %s is now %s', title, new.status)
  end;
  perform private.notify(
    array(select a.user_id from public.proposal_authors a where a.proposal_id = new.id and a.accepted_at is not null),
    'proposal_status', sentence, auth.uid(), new.group_id, new.id);
  if verb = 'merge' then
    perform private.notify(
      array(select v.user_id from public.votes v
             where v.proposal_id = new.id and v.value = 1
               and not exists (select 1 from public.votes w
                                where w.proposal_id = new.merged_into and w.user_id = v.user_id and w.value = 1)),
      'merge_invitation',
      format('%s, which you supported, was merged into %s. Your vote did not move: support %s if you agree with it.',
        title, destination_title, destination_title),
      auth.uid(), new.group_id, new.merged_into);
  end if;
  return null;
end;
$$;

create or replace function private.after_candidate_response() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  proposal public.proposals;
  sentence text;
begin
  if tg_op = 'UPDATE' and (new.decision, new.explanation) is not distinct from (old.decision, old.explanation) then
    return null;
  end if;
  select * into proposal from public.proposals where id = new.proposal_id;
  perform private.audit(case when tg_op = 'INSERT' then 'proposal.answer' else 'proposal.revise_answer' end,
    proposal.group_id, proposal.id, target_user_id => proposal.author_id,
    from_status => proposal.status::text, to_status => new.decision::text, reason => new.explanation);
  sentence := case new.decision
    when 'adopted' then format('The candidate adopted “%s”', proposal.title)
    when 'considering' then format('The candidate is considering “%s”', proposal.title)
    else format('The candidate will not take “%s” forward', proposal.title)
  end;
  if tg_op = 'UPDATE' then
    sentence := 'Answer updated: ' || sentence;
  end if;
  perform private.notify(
    array(select a.user_id from public.proposal_authors a
           where a.proposal_id = proposal.id and a.accepted_at is not null
          union
          select v.user_id from public.votes v where v.proposal_id = proposal.id and v.value = 1),
    'candidate_answer', sentence, new.responded_by, proposal.group_id, proposal.id);
  return null;
end;
$$;
-- triggers
create trigger proposal_authors_accept
  before update on public.proposal_authors
  for each row execute function private.accept_coauthor_invitation();

create trigger proposal_authors_notify_invitation
  after insert on public.proposal_authors
  for each row when (new.role = 'coauthor' and new.accepted_at is null)
  execute function private.notify_coauthor_invitation();

-- grants
revoke all on function private.is_invited_coauthor(uuid) from public;
grant execute on function private.is_invited_coauthor(uuid) to anon, authenticated, service_role;
revoke all on function private.accept_coauthor_invitation(), private.notify_coauthor_invitation()
  from public, anon, authenticated;
grant update (accepted_at) on public.proposal_authors to authenticated;

-- RLS and policies
drop policy "Anyone reads published proposals; hidden ones only their authors and facilitators; drafts only their authors"
  on public.proposals;
create policy "Anyone reads published proposals; hidden ones only their authors and facilitators; drafts only their authors and invitees"
  on public.proposals for select
  to anon, authenticated
  using (
    (status <> 'draft' and (hidden_at is null or (select private.can_curate(group_id))))
    or author_id = (select auth.uid())
    or (select private.is_proposal_author(id))
    or (select private.is_invited_coauthor(id))
  );

drop policy "Authors of readable proposals are public" on public.proposal_authors;
create policy "Accepted authors of readable proposals are public; invitations only to inviter and invitee"
  on public.proposal_authors for select
  to anon, authenticated
  using (
    (accepted_at is not null and (select private.can_read_proposal(proposal_id)))
    or user_id = (select auth.uid())
    or added_by = (select auth.uid())
  );

create policy "Invitees accept their own invitation"
  on public.proposal_authors for update
  to authenticated
  using (user_id = (select auth.uid()) and accepted_at is null)
  with check (user_id = (select auth.uid()));
