-- No conflicts of interest: nobody who curates a group (facilitator or admin) decides on
-- their own content. On a proposal they wrote, co-wrote or are invited to co-write, and on a
-- comment they wrote, they cannot review its flags or show it again; they cannot shortlist,
-- forward or merge their own proposal, nor merge another proposal into it. Another
-- facilitator of the group or an admin does.
--
-- The rule sits in triggers on the rows themselves, so every path that decides (resolve_flag,
-- unhide_content, transition_proposal, forward_shortlist, and whatever comes later) meets it
-- and answers with the same sentence. Work the database owner does (auth.uid() is null) and
-- automatic hides and lifts are not anyone's decision and pass.

-- functions
/** Whether the signed-in member wrote the comment, or is an author, co-author or invitee of
 * the proposal (exactly one of the two ids). */
create or replace function private.is_own_content(target_proposal uuid, target_comment uuid) returns boolean
language sql stable
security definer
set search_path = ''
as $$
  select case
    when target_comment is not null then exists (
      select 1 from public.comments c where c.id = target_comment and c.author_id = (select auth.uid())
    )
    else exists (
      select 1 from public.proposal_authors a
       where a.proposal_id = target_proposal and a.user_id = (select auth.uid())
    ) or exists (
      select 1 from public.proposals p where p.id = target_proposal and p.author_id = (select auth.uid())
    )
  end
$$;

-- Reviewing a flag (upholding or dismissing it) on one's own content.
create or replace function private.refuse_own_flag_review() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if auth.uid() is not null and private.is_own_content(new.proposal_id, new.comment_id) then
    raise exception 'Flags on your own % are reviewed by another facilitator of the group or an admin.',
      case when new.comment_id is not null then 'comment' else 'proposal' end
      using errcode = '42501';
  end if;
  return new;
end;
$$;

-- Showing one's own hidden proposal or comment again (tg_argv[0]: 'proposal' or 'comment').
create or replace function private.refuse_own_unhide() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if auth.uid() is not null and private.is_own_content(
    case when tg_argv[0] = 'proposal' then new.id end,
    case when tg_argv[0] = 'comment' then new.id end
  ) then
    raise exception 'Another facilitator of the group or an admin decides whether to show your own % again.',
      tg_argv[0]
      using errcode = '42501';
  end if;
  return new;
end;
$$;

-- Shortlisting, forwarding or merging one's own proposal, or merging into it.
create or replace function private.refuse_own_curation() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  verb text := private.transition_verb(old.status, new.status);
begin
  if auth.uid() is null or verb not in ('shortlist', 'forward', 'merge') then
    return new;
  end if;
  if private.is_own_content(new.id, null) then
    raise exception 'Another facilitator of the group or an admin decides whether to % your own proposal “%”.',
      verb, new.title
      using errcode = '42501';
  end if;
  if verb = 'merge' and private.is_own_content(new.merged_into, null) then
    raise exception 'Another facilitator of the group or an admin decides whether to merge a proposal into your own.'
      using errcode = '42501';
  end if;
  return new;
end;
$$;

-- triggers
create trigger flags_refuse_own_review
  before update of status on public.flags
  for each row when (old.status = 'open' and new.status <> 'open')
  execute function private.refuse_own_flag_review();

create trigger proposals_refuse_own_unhide
  before update of hidden_at on public.proposals
  for each row when (old.hidden_at is not null and new.hidden_at is null)
  execute function private.refuse_own_unhide('proposal');

create trigger comments_refuse_own_unhide
  before update of hidden_at on public.comments
  for each row when (old.hidden_at is not null and new.hidden_at is null)
  execute function private.refuse_own_unhide('comment');

create trigger proposals_refuse_own_curation
  before update of status on public.proposals
  for each row when (old.status is distinct from new.status)
  execute function private.refuse_own_curation();

-- grants
revoke all on function private.is_own_content(uuid, uuid) from public;
grant execute on function private.is_own_content(uuid, uuid) to authenticated, service_role;
revoke all on function private.refuse_own_flag_review(), private.refuse_own_unhide(),
  private.refuse_own_curation()
  from public, anon, authenticated;
