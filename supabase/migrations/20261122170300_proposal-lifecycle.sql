-- The proposal lifecycle, enforced in Postgres whatever client calls it:
--   authors publish (draft → open);
--   the group's curators (facilitators and admins) shortlist (open → shortlisted), reopen
--   (shortlisted → open), forward (shortlisted → forwarded), archive with a public reason
--   (open | shortlisted → archived) and merge (open | shortlisted → merged, into another
--   open or shortlisted proposal of the same group);
--   the candidate answers forwarded proposals (answer_proposal, in its own migration).
-- Every other move is refused with a clear message. Status changes are logged in the audit
-- log and notified to the proposal's authors; a merge invites the merged proposal's
-- supporters to support the other one, because votes are never moved.
-- Scores need no refresh here: they depend on the votes and the publication time only, and
-- publishing already recomputes them (proposals_score_on_publish).

-- functions
create or replace function public.transition_proposal(
  proposal_id uuid,
  action text,
  reason text default null,
  merge_target uuid default null
) returns public.proposals
language plpgsql
security definer
set search_path = ''
as $$
declare
  target_id uuid := transition_proposal.proposal_id;
  verb text := lower(btrim(coalesce(transition_proposal.action, '')));
  public_reason text := nullif(private.trim_text(transition_proposal.reason), '');
  proposal public.proposals;
  destination public.proposals;
  allowed_from public.proposal_status[];
  next_status public.proposal_status;
  refusal text;
begin
  if verb not in ('publish', 'shortlist', 'reopen', 'forward', 'archive', 'merge') then
    raise exception 'Unknown action “%”: use publish, shortlist, reopen, forward, archive or merge.', transition_proposal.action
      using errcode = 'P0001';
  end if;
  -- Lock the proposal (and a merge's destination) in a fixed order, so that two merges of
  -- the same pair in opposite directions cannot deadlock or both succeed.
  perform 1 from public.proposals p
   where p.id = target_id or (verb = 'merge' and p.id = transition_proposal.merge_target)
   order by p.id
   for no key update;
  select * into proposal from public.proposals p where p.id = target_id;
  if proposal.id is null or not private.can_read_proposal(proposal.id) then
    raise exception 'This proposal does not exist, or you cannot see it.' using errcode = '42501';
  end if;

  if verb = 'publish' then
    if not private.is_proposal_author(proposal.id) then
      raise exception 'Only the proposal''s authors can publish it.' using errcode = '42501';
    end if;
    if proposal.status <> 'draft' or private.group_is_archived(proposal.group_id) then
      raise exception 'Only a draft in an active group can be published.' using errcode = 'P0001';
    end if;
    if btrim(proposal.body_text) = '' then
      raise exception 'Write the proposal itself before publishing it.' using errcode = 'P0001';
    end if;
    update public.proposals p
       set status = 'open', published_at = now()
     where p.id = proposal.id
    returning * into proposal;
    return proposal;
  end if;

  if not private.can_curate(proposal.group_id) then
    raise exception 'Only the group''s facilitators can %.', case verb
        when 'shortlist' then 'shortlist proposals'
        when 'reopen' then 'return proposals to open'
        when 'forward' then 'forward proposals to the candidate'
        when 'archive' then 'archive proposals'
        else 'merge proposals'
      end
      using errcode = '42501';
  end if;
  if private.group_is_archived(proposal.group_id) then
    raise exception 'This group is archived: its proposals can no longer change.' using errcode = 'P0001';
  end if;
  case verb
    when 'shortlist' then
      allowed_from := '{open}'; next_status := 'shortlisted';
      refusal := 'Only an open proposal can be shortlisted.';
    when 'reopen' then
      allowed_from := '{shortlisted}'; next_status := 'open';
      refusal := 'Only a shortlisted proposal can be returned to open.';
    when 'forward' then
      allowed_from := '{shortlisted}'; next_status := 'forwarded';
      refusal := 'Only a shortlisted proposal can be forwarded to the candidate.';
    when 'archive' then
      allowed_from := '{open,shortlisted}'; next_status := 'archived';
      refusal := 'Only an open or shortlisted proposal can be archived.';
    else
      allowed_from := '{open,shortlisted}'; next_status := 'merged';
      refusal := 'Only an open or shortlisted proposal can be merged into another.';
  end case;
  if proposal.status <> all (allowed_from) then
    raise exception '%', refusal using errcode = 'P0001';
  end if;
  if proposal.hidden_at is not null and verb in ('shortlist', 'forward', 'merge') then
    raise exception 'This proposal is hidden: review its flags before you % it.', verb using errcode = 'P0001';
  end if;
  if char_length(public_reason) > 2000 then
    raise exception 'Keep the reason to 2,000 characters.' using errcode = 'P0001';
  end if;
  if verb = 'archive' and public_reason is null then
    raise exception 'Give a public reason for archiving this proposal.' using errcode = 'P0001';
  end if;
  if verb = 'merge' then
    if transition_proposal.merge_target is null then
      raise exception 'Choose the proposal to merge this one into.' using errcode = 'P0001';
    end if;
    if transition_proposal.merge_target = proposal.id then
      raise exception 'A proposal cannot be merged into itself.' using errcode = 'P0001';
    end if;
    select * into destination from public.proposals p where p.id = transition_proposal.merge_target;
    if destination.id is null or destination.group_id <> proposal.group_id
       or destination.status not in ('open', 'shortlisted') or destination.hidden_at is not null then
      raise exception 'A proposal can only be merged into an open or shortlisted proposal of the same group.'
        using errcode = 'P0001';
    end if;
  end if;

  update public.proposals p
     set status = next_status,
         status_reason = public_reason,
         merged_into = destination.id
   where p.id = proposal.id
  returning * into proposal;
  return proposal;
end;
$$;

/** Authors publish a draft: it opens for discussion and votes, and its history begins. */
create or replace function public.publish_proposal(proposal_id uuid) returns public.proposals
language plpgsql
security definer
set search_path = ''
as $$
begin
  return public.transition_proposal(publish_proposal.proposal_id, 'publish');
end;
$$;

/** Curators forward every shortlisted proposal of their group to the candidate at once.
 * Hidden ones wait until their flags are reviewed. Returns how many were forwarded. */
create or replace function public.forward_shortlist(group_id uuid) returns integer
language plpgsql
security definer
set search_path = ''
as $$
declare
  forwarded integer;
begin
  if not private.can_curate(forward_shortlist.group_id) then
    raise exception 'Only the group''s facilitators can forward its shortlist.' using errcode = '42501';
  end if;
  if not exists (select 1 from public.groups g where g.id = forward_shortlist.group_id) then
    raise exception 'There is no such group.' using errcode = 'P0001';
  end if;
  if private.group_is_archived(forward_shortlist.group_id) then
    raise exception 'This group is archived: its proposals can no longer change.' using errcode = 'P0001';
  end if;
  update public.proposals p
     set status = 'forwarded', status_reason = null
   where p.group_id = forward_shortlist.group_id and p.status = 'shortlisted' and p.hidden_at is null;
  get diagnostics forwarded = row_count;
  return forwarded;
end;
$$;

/** Curators pin published proposals to the top of their group's page, and unpin them. */
create or replace function public.set_proposal_pinned(proposal_id uuid, pinned boolean) returns public.proposals
language plpgsql
security definer
set search_path = ''
as $$
declare
  proposal public.proposals;
begin
  select * into proposal from public.proposals p where p.id = set_proposal_pinned.proposal_id for no key update;
  if proposal.id is null or not private.can_read_proposal(proposal.id) then
    raise exception 'This proposal does not exist, or you cannot see it.' using errcode = '42501';
  end if;
  if not private.can_curate(proposal.group_id) then
    raise exception 'Only the group''s facilitators can pin proposals.' using errcode = '42501';
  end if;
  if set_proposal_pinned.pinned is null then
    raise exception 'Say whether to pin or unpin the proposal.' using errcode = 'P0001';
  end if;
  if private.group_is_archived(proposal.group_id) then
    raise exception 'This group is archived: its proposals can no longer change.' using errcode = 'P0001';
  end if;
  if proposal.status = 'draft' then
    raise exception 'Only published proposals can be pinned.' using errcode = 'P0001';
  end if;
  if set_proposal_pinned.pinned and proposal.hidden_at is not null then
    raise exception 'A hidden proposal cannot be pinned.' using errcode = 'P0001';
  end if;
  update public.proposals p
     set pinned = set_proposal_pinned.pinned
   where p.id = proposal.id
  returning * into proposal;
  return proposal;
end;
$$;

/** What the facilitators (or anyone, for an unknown move) did, named for the log. */
create or replace function private.transition_verb(from_status public.proposal_status, to_status public.proposal_status)
returns text
language sql immutable
set search_path = ''
as $$
  select case
    when from_status = 'draft' and to_status = 'open' then 'publish'
    when from_status = 'open' and to_status = 'shortlisted' then 'shortlist'
    when from_status = 'shortlisted' and to_status = 'open' then 'reopen'
    when to_status = 'forwarded' then 'forward'
    when to_status = 'archived' then 'archive'
    when to_status = 'merged' then 'merge'
    when to_status in ('adopted', 'considering', 'declined') then 'answer'
    else 'change_status'
  end
$$;

-- Publishing is the authors' own act, and the candidate's answers are logged with their
-- explanation by candidate_responses; every other status change is logged here.
create or replace function private.audit_proposal_status() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  verb text := private.transition_verb(old.status, new.status);
begin
  if verb not in ('publish', 'answer') then
    perform private.audit('proposal.' || verb, new.group_id, new.id,
      target_user_id => new.author_id, from_status => old.status::text, to_status => new.status::text,
      reason => new.status_reason,
      details => case when new.merged_into is null then '{}'::jsonb
                      else jsonb_build_object('merged_into', new.merged_into) end);
  end if;
  return null;
end;
$$;

-- The authors hear of every change of status but their own publishing and the candidate's
-- answers (which notify authors and supporters themselves). A merge also invites the merged
-- proposal's supporters to support the other one: their votes stay where they were cast.
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
    array(select a.user_id from public.proposal_authors a where a.proposal_id = new.id),
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

create or replace function private.audit_proposal_pin() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform private.audit(case when new.pinned then 'proposal.pin' else 'proposal.unpin' end,
    new.group_id, new.id, target_user_id => new.author_id);
  return null;
end;
$$;

-- triggers
create trigger proposals_audit_status
  after update of status on public.proposals
  for each row when (old.status is distinct from new.status)
  execute function private.audit_proposal_status();

create trigger proposals_notify_status
  after update of status on public.proposals
  for each row when (old.status is distinct from new.status)
  execute function private.notify_proposal_status();

create trigger proposals_audit_pin
  after update of pinned on public.proposals
  for each row when (old.pinned is distinct from new.pinned)
  execute function private.audit_proposal_pin();

-- grants
revoke all on function private.transition_verb(public.proposal_status, public.proposal_status),
  private.audit_proposal_status(), private.notify_proposal_status(), private.audit_proposal_pin()
  from public, anon, authenticated;
revoke all on function public.transition_proposal(uuid, text, text, uuid), public.publish_proposal(uuid),
  public.forward_shortlist(uuid), public.set_proposal_pinned(uuid, boolean)
  from public, anon;
grant execute on function public.transition_proposal(uuid, text, text, uuid), public.publish_proposal(uuid),
  public.forward_shortlist(uuid), public.set_proposal_pinned(uuid, boolean)
  to authenticated;
