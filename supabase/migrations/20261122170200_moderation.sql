-- Moderation: members flag a proposal or a comment (once each, with a reason); the group's
-- facilitators hide it with a public reason or dismiss the flag. Three open flags from
-- different members hide it automatically until a facilitator reviews it.
--
-- A hidden comment keeps its place in the thread (replies stay under it) but its words move
-- to a private table, so no API role can read them except through the facilitators' RPC.
-- A hidden proposal disappears, with its comments, history and tallies, for everyone but its
-- authors and the group's facilitators, who see the reason. Hidden content takes no votes,
-- comments or replies.

-- tables
create type public.flag_status as enum ('open', 'upheld', 'dismissed');

alter table public.proposals
  add column hidden_at timestamptz,
  -- The sentence shown in its place, e.g. "Hidden by a facilitator: …".
  add column hidden_reason text check (char_length(hidden_reason) <= 600),
  add column hidden_by uuid references public.profiles (id) on delete set null,
  -- Hidden by three open flags, not (yet) by a facilitator's decision.
  add column hidden_automatically boolean not null default false,
  add constraint proposals_hidden_check
    check ((hidden_at is null) = (hidden_reason is null) and (hidden_at is not null or not hidden_automatically));

alter table public.comments
  add column hidden_at timestamptz,
  add column hidden_reason text check (char_length(hidden_reason) <= 600),
  add column hidden_by uuid references public.profiles (id) on delete set null,
  add column hidden_automatically boolean not null default false,
  add constraint comments_hidden_check
    check ((hidden_at is null) = (hidden_reason is null) and (hidden_at is not null or not hidden_automatically)),
  -- A hidden comment's body is empty here: its words are in private.hidden_comment_bodies.
  drop constraint comments_check,
  add constraint comments_body_present check (deleted_at is not null or hidden_at is not null or char_length(btrim(body)) >= 1);

create table private.hidden_comment_bodies (
  comment_id uuid primary key references public.comments (id) on delete cascade,
  body text not null
);
comment on table private.hidden_comment_bodies is 'The words of hidden comments, out of the API''s reach; put back when a comment is un-hidden.';

create table public.flags (
  id uuid primary key default gen_random_uuid(),
  proposal_id uuid references public.proposals (id) on delete cascade,
  comment_id uuid references public.comments (id) on delete cascade,
  -- The flagged content's group, set by the insert trigger: whose facilitators review it.
  group_id uuid not null references public.groups (id) on delete cascade,
  reporter_id uuid not null default auth.uid() references public.profiles (id) on delete cascade,
  reason text not null check (char_length(reason) between 1 and 500),
  status public.flag_status not null default 'open',
  created_at timestamptz not null default now(),
  resolved_by uuid references public.profiles (id) on delete set null,
  resolved_at timestamptz,
  resolution_note text check (char_length(resolution_note) <= 500),
  check (num_nonnulls(proposal_id, comment_id) = 1),
  check ((status = 'open') = (resolved_at is null)),
  -- Nulls are distinct, so each pair only binds flags of its own kind.
  unique (reporter_id, proposal_id),
  unique (reporter_id, comment_id)
);
comment on table public.flags is 'Members'' reports of abusive proposals and comments, for the group''s facilitators to review.';

-- indexes
create index proposals_hidden_by_idx on public.proposals (hidden_by);
create index comments_hidden_by_idx on public.comments (hidden_by);
create index flags_proposal_status_idx on public.flags (proposal_id, status);
create index flags_comment_status_idx on public.flags (comment_id, status);
create index flags_group_status_created_idx on public.flags (group_id, status, created_at);
create index flags_resolved_by_idx on public.flags (resolved_by);

-- functions
/** Text typed by a member without surrounding white space of any kind (btrim only strips
 * spaces, so a reason of blank lines would pass for one). */
create or replace function private.trim_text(value text) returns text
language sql immutable parallel safe
set search_path = ''
as $$
  select regexp_replace(value, '^[[:space:]]+|[[:space:]]+$', '', 'g')
$$;

/** Published proposals are public unless hidden; hidden ones are for their authors and the
 * group's curators; drafts for their authors only. */
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
$$;

/** Proposals members can discuss and vote on: published, not closed, not hidden. */
create or replace function private.proposal_is_live(target uuid) returns boolean
language sql stable
security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.proposals p
    where p.id = target
      and p.status in ('open', 'shortlisted', 'forwarded', 'adopted', 'considering', 'declined')
      and p.hidden_at is null
      and not private.group_is_archived(p.group_id)
  )
$$;

-- As before, and: hiding or un-hiding is not an edit by the author, and a hidden comment
-- takes no replies.
create or replace function private.prepare_comment() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  parent public.comments;
begin
  if tg_op = 'INSERT' then
    if auth.uid() is not null then
      new.author_id := auth.uid();
      new.created_at := now();
      new.edited_at := null;
      new.deleted_at := null;
      new.hidden_at := null;
      new.hidden_reason := null;
      new.hidden_by := null;
      new.hidden_automatically := false;
    end if;
    if new.parent_id is not null then
      select * into parent from public.comments where id = new.parent_id;
      if parent.proposal_id is distinct from new.proposal_id then
        raise exception 'A reply must be on the same proposal as its comment.' using errcode = 'P0001';
      end if;
      if parent.hidden_at is not null then
        raise exception 'This comment is hidden and takes no replies.' using errcode = 'P0001';
      end if;
      new.depth := least(parent.depth + 1, 32767);
    else
      new.depth := 0;
    end if;
    perform private.enforce_rate_limit('comment', 10,
      'You are commenting very fast. Please wait a minute before you post again.');
  elsif new.hidden_at is distinct from old.hidden_at or new.hidden_reason is distinct from old.hidden_reason then
    null; -- moderation (only definer functions can write these columns)
  elsif new.body is distinct from old.body or new.stance is distinct from old.stance then
    if old.deleted_at is not null then
      raise exception 'A deleted comment cannot be edited.' using errcode = 'P0001';
    end if;
    new.edited_at := now();
  end if;
  return new;
end;
$$;

/** Authors delete their comment: its words go (hidden ones too), its place stays. */
create or replace function public.delete_comment(comment_id uuid) returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
  update public.comments
     set deleted_at = now(), body = '', stance = null
   where id = comment_id and author_id = (select auth.uid()) and deleted_at is null;
  if not found then
    raise exception 'Only its author can delete a comment, once.' using errcode = '42501';
  end if;
  delete from private.hidden_comment_bodies h where h.comment_id = delete_comment.comment_id;
end;
$$;

/** Hides a proposal or a comment (exactly one of the two ids), or turns an automatic hide
 * into a facilitator's. reason is the facilitator's public reason; null when automatic. */
create or replace function private.hide_content(
  target_proposal uuid,
  target_comment uuid,
  reason text,
  automatic boolean,
  details jsonb default '{}'::jsonb
) returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  shown text := case
    when automatic then 'Hidden until a facilitator reviews it: several members flagged it.'
    else 'Hidden by a facilitator: ' || reason
  end;
  hider uuid := case when automatic then null else auth.uid() end;
  flagged_comment public.comments;
  proposal public.proposals;
begin
  if target_comment is not null then
    select * into flagged_comment from public.comments where id = target_comment for no key update;
    if flagged_comment.hidden_at is null and flagged_comment.deleted_at is null then
      insert into private.hidden_comment_bodies (comment_id, body)
      values (flagged_comment.id, flagged_comment.body)
      on conflict on constraint hidden_comment_bodies_pkey do update set body = excluded.body;
    end if;
    update public.comments
       set body = '', hidden_at = now(), hidden_reason = shown, hidden_by = hider, hidden_automatically = automatic
     where id = flagged_comment.id;
    select * into proposal from public.proposals where id = flagged_comment.proposal_id;
    perform private.audit('comment.hide', proposal.group_id, proposal.id, flagged_comment.id,
      target_user_id => flagged_comment.author_id, to_status => 'hidden', reason => reason,
      details => details || jsonb_build_object('automatic', automatic), actor => hider);
  else
    update public.proposals
       set hidden_at = now(), hidden_reason = shown, hidden_by = hider, hidden_automatically = automatic
     where id = target_proposal
    returning * into proposal;
    perform private.audit('proposal.hide', proposal.group_id, proposal.id,
      target_user_id => proposal.author_id, to_status => 'hidden', reason => reason,
      details => details || jsonb_build_object('automatic', automatic), actor => hider);
  end if;
end;
$$;

/** Shows hidden content again, with a comment's words put back. */
create or replace function private.restore_content(
  target_proposal uuid,
  target_comment uuid,
  note text,
  details jsonb default '{}'::jsonb
) returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  restored_comment public.comments;
  proposal public.proposals;
begin
  if target_comment is not null then
    update public.comments c
       set body = coalesce((select h.body from private.hidden_comment_bodies h where h.comment_id = c.id), c.body),
           hidden_at = null, hidden_reason = null, hidden_by = null, hidden_automatically = false
     where c.id = target_comment
    returning * into restored_comment;
    delete from private.hidden_comment_bodies where comment_id = target_comment;
    select * into proposal from public.proposals where id = restored_comment.proposal_id;
    perform private.audit('comment.unhide', proposal.group_id, proposal.id, restored_comment.id,
      target_user_id => restored_comment.author_id, from_status => 'hidden', reason => note, details => details);
  else
    update public.proposals
       set hidden_at = null, hidden_reason = null, hidden_by = null, hidden_automatically = false
     where id = target_proposal
    returning * into proposal;
    perform private.audit('proposal.unhide', proposal.group_id, proposal.id,
      target_user_id => proposal.author_id, from_status => 'hidden', reason => note, details => details);
  end if;
end;
$$;

create or replace function private.prepare_flag() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  flagged_comment public.comments;
  proposal public.proposals;
  what text := case when new.comment_id is not null then 'comment' else 'proposal' end;
begin
  if num_nonnulls(new.proposal_id, new.comment_id) <> 1 then
    raise exception 'Flag either a proposal or a comment.' using errcode = 'P0001';
  end if;
  if auth.uid() is not null then
    new.reporter_id := auth.uid();
  end if;
  new.reason := private.trim_text(new.reason);
  if coalesce(char_length(new.reason), 0) not between 1 and 500 then
    raise exception 'Say what is wrong with it, in up to 500 characters.' using errcode = 'P0001';
  end if;
  new.status := 'open';
  new.created_at := now();
  new.resolved_by := null;
  new.resolved_at := null;
  new.resolution_note := null;
  if what = 'comment' then
    select * into flagged_comment from public.comments where id = new.comment_id;
  end if;
  select * into proposal from public.proposals where id = coalesce(new.proposal_id, flagged_comment.proposal_id);
  if proposal.id is null or (auth.uid() is not null and not private.can_read_proposal(proposal.id)) then
    raise exception 'You can only flag what you can read.' using errcode = '42501';
  end if;
  if proposal.status = 'draft' then
    raise exception 'Only published proposals and their comments can be flagged.' using errcode = 'P0001';
  end if;
  if flagged_comment.deleted_at is not null then
    raise exception 'This comment has been deleted.' using errcode = 'P0001';
  end if;
  if coalesce(flagged_comment.hidden_at, proposal.hidden_at) is not null then
    raise exception 'This % is already hidden while a facilitator reviews it.', what using errcode = 'P0001';
  end if;
  if exists (
    select 1 from public.flags f
    where f.reporter_id = new.reporter_id and (f.proposal_id = new.proposal_id or f.comment_id = new.comment_id)
  ) then
    raise exception 'You have already flagged this %.', what using errcode = 'P0001';
  end if;
  new.group_id := proposal.group_id;
  perform private.enforce_rate_limit('flag', 10,
    'You are flagging very fast. Please wait a minute before you flag again.');
  return new;
end;
$$;

-- Takes the flagged row's lock first (NO KEY UPDATE: compatible with the flags' own
-- foreign-key locks), so concurrent flags are counted one after another.
create or replace function private.hide_when_flagged() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  open_flags integer;
  still_shown boolean;
begin
  if new.comment_id is not null then
    select hidden_at is null into still_shown from public.comments where id = new.comment_id for no key update;
    select count(distinct reporter_id) into open_flags
      from public.flags where comment_id = new.comment_id and status = 'open';
  else
    select hidden_at is null into still_shown from public.proposals where id = new.proposal_id for no key update;
    select count(distinct reporter_id) into open_flags
      from public.flags where proposal_id = new.proposal_id and status = 'open';
  end if;
  if still_shown and open_flags >= 3 then
    perform private.hide_content(new.proposal_id, new.comment_id, null, true,
      jsonb_build_object('open_flags', open_flags));
  end if;
  return null;
end;
$$;

/** The group of a proposal, or of a comment's proposal. */
create or replace function private.content_group(target_proposal uuid, target_comment uuid) returns uuid
language sql stable
security definer
set search_path = ''
as $$
  select p.group_id
    from public.proposals p
   where p.id = coalesce(target_proposal, (select c.proposal_id from public.comments c where c.id = target_comment))
$$;

/** Members flag a proposal or a comment they can read (exactly one of the two), once each.
 * The insert trigger checks the rest and says what is wrong in plain words. */
create or replace function public.flag_content(reason text, proposal_id uuid default null, comment_id uuid default null)
returns public.flags
language plpgsql
security definer
set search_path = ''
as $$
declare
  flagged public.flags;
begin
  if auth.uid() is null then
    raise exception 'Sign in to flag content.' using errcode = '42501';
  end if;
  insert into public.flags (proposal_id, comment_id, reason)
  values (flag_content.proposal_id, flag_content.comment_id, flag_content.reason)
  returning * into flagged;
  return flagged;
end;
$$;

/** Facilitators review a flag: hide the content with a public reason (every open flag on it
 * is upheld), or dismiss the flag (and lift an automatic hide once no open flag is left). */
create or replace function public.resolve_flag(flag_id uuid, decision text, public_reason text default null)
returns public.flags
language plpgsql
security definer
set search_path = ''
as $$
declare
  flag public.flags;
  note text := nullif(private.trim_text(public_reason), '');
  upheld integer;
  content_hidden boolean;
  auto_hidden boolean;
begin
  select * into flag from public.flags f where f.id = resolve_flag.flag_id;
  if flag.id is null or not private.can_curate(flag.group_id) then
    raise exception 'Only the group''s facilitators can review its flags.' using errcode = '42501';
  end if;
  -- Reviews of the same content queue on its row before any of its flags is locked, so two
  -- facilitators acting at once cannot deadlock over each other's flags.
  if flag.comment_id is not null then
    perform 1 from public.comments c where c.id = flag.comment_id for no key update;
  else
    perform 1 from public.proposals p where p.id = flag.proposal_id for no key update;
  end if;
  select * into flag from public.flags f where f.id = resolve_flag.flag_id for update;
  if flag.status <> 'open' then
    raise exception 'This flag has already been reviewed.' using errcode = 'P0001';
  end if;
  if decision is null or decision not in ('hide', 'dismiss') then
    raise exception 'Choose to hide the content or to dismiss the flag.' using errcode = 'P0001';
  end if;
  if char_length(note) > 500 then
    raise exception 'Keep the reason to 500 characters.' using errcode = 'P0001';
  end if;

  if decision = 'hide' then
    if note is null then
      raise exception 'Give a public reason for hiding it: members will see it.' using errcode = 'P0001';
    end if;
    update public.flags f
       set status = 'upheld', resolved_by = auth.uid(), resolved_at = now(), resolution_note = note
     where f.status = 'open' and (f.proposal_id = flag.proposal_id or f.comment_id = flag.comment_id);
    get diagnostics upheld = row_count;
    perform private.hide_content(flag.proposal_id, flag.comment_id, note, false,
      jsonb_build_object('flag_id', flag.id, 'upheld_flags', upheld));
  else
    update public.flags f
       set status = 'dismissed', resolved_by = auth.uid(), resolved_at = now(), resolution_note = note
     where f.id = flag.id;
    perform private.audit('flag.dismiss', flag.group_id, coalesce(flag.proposal_id,
        (select c.proposal_id from public.comments c where c.id = flag.comment_id)),
      flag.comment_id, target_user_id => flag.reporter_id, reason => note,
      details => jsonb_build_object('flag_id', flag.id));
    if flag.comment_id is not null then
      select hidden_at is not null, hidden_automatically into content_hidden, auto_hidden
        from public.comments where id = flag.comment_id for no key update;
    else
      select hidden_at is not null, hidden_automatically into content_hidden, auto_hidden
        from public.proposals where id = flag.proposal_id for no key update;
    end if;
    if content_hidden and auto_hidden and not exists (
      select 1 from public.flags f
       where f.status = 'open' and (f.proposal_id = flag.proposal_id or f.comment_id = flag.comment_id)
    ) then
      perform private.restore_content(flag.proposal_id, flag.comment_id, note,
        jsonb_build_object('automatic_hide_lifted', true, 'flag_id', flag.id));
    end if;
  end if;
  select * into flag from public.flags f where f.id = resolve_flag.flag_id;
  return flag;
end;
$$;

/** Facilitators show hidden content again (give exactly one id); its open flags are dismissed. */
create or replace function public.unhide_content(
  proposal_id uuid default null,
  comment_id uuid default null,
  note text default null
) returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  target_group uuid := private.content_group(unhide_content.proposal_id, unhide_content.comment_id);
  clean_note text := nullif(private.trim_text(note), '');
  is_hidden boolean;
  dismissed integer;
begin
  if num_nonnulls(unhide_content.proposal_id, unhide_content.comment_id) <> 1 then
    raise exception 'Give either a proposal or a comment.' using errcode = 'P0001';
  end if;
  if target_group is null or not private.can_curate(target_group) then
    raise exception 'Only the group''s facilitators can show hidden content again.' using errcode = '42501';
  end if;
  if char_length(clean_note) > 500 then
    raise exception 'Keep the note to 500 characters.' using errcode = 'P0001';
  end if;
  if unhide_content.comment_id is not null then
    select c.hidden_at is not null into is_hidden from public.comments c where c.id = unhide_content.comment_id for no key update;
  else
    select p.hidden_at is not null into is_hidden from public.proposals p where p.id = unhide_content.proposal_id for no key update;
  end if;
  if not is_hidden then
    raise exception 'This is not hidden.' using errcode = 'P0001';
  end if;
  update public.flags f
     set status = 'dismissed', resolved_by = auth.uid(), resolved_at = now(), resolution_note = clean_note
   where f.status = 'open' and (f.proposal_id = unhide_content.proposal_id or f.comment_id = unhide_content.comment_id);
  get diagnostics dismissed = row_count;
  perform private.restore_content(unhide_content.proposal_id, unhide_content.comment_id, clean_note,
    jsonb_build_object('dismissed_flags', dismissed));
end;
$$;

/** The words of a hidden comment, for the group's facilitators reviewing it. */
create or replace function public.read_hidden_comment(comment_id uuid) returns text
language plpgsql stable
security definer
set search_path = ''
as $$
declare
  target public.comments;
begin
  select * into target from public.comments c where c.id = read_hidden_comment.comment_id;
  if target.id is null or not private.can_curate(private.proposal_group(target.proposal_id)) then
    raise exception 'Only the group''s facilitators can read hidden comments.' using errcode = '42501';
  end if;
  return coalesce((select h.body from private.hidden_comment_bodies h where h.comment_id = target.id), target.body);
end;
$$;

-- triggers
create trigger flags_prepare
  before insert on public.flags
  for each row execute function private.prepare_flag();

create trigger flags_hide_when_flagged
  after insert on public.flags
  for each row execute function private.hide_when_flagged();

-- grants
revoke all on function private.trim_text(text) from public, anon, authenticated;
revoke all on private.hidden_comment_bodies from public, anon, authenticated, service_role;
revoke all on function private.hide_content(uuid, uuid, text, boolean, jsonb),
  private.restore_content(uuid, uuid, text, jsonb), private.prepare_flag(), private.hide_when_flagged(),
  private.content_group(uuid, uuid)
  from public, anon, authenticated;
revoke all on function public.flag_content(text, uuid, uuid), public.resolve_flag(uuid, text, text),
  public.unhide_content(uuid, uuid, text), public.read_hidden_comment(uuid)
  from public, anon;
grant execute on function public.flag_content(text, uuid, uuid), public.resolve_flag(uuid, text, text),
  public.unhide_content(uuid, uuid, text), public.read_hidden_comment(uuid)
  to authenticated;

-- Flags are written only through flag_content, resolve_flag and unhide_content, whoever
-- holds the key.
revoke all on public.flags from anon, authenticated, service_role;
grant select on public.flags to authenticated, service_role;

-- RLS and policies
alter table public.flags enable row level security;

create policy "Reporters see their own flags; facilitators see their group's flags"
  on public.flags for select
  to authenticated
  using (reporter_id = (select auth.uid()) or (select private.can_curate(group_id)));

drop policy "Anyone reads published proposals; authors read their drafts" on public.proposals;
create policy "Anyone reads published proposals; hidden ones only their authors and facilitators; drafts only their authors"
  on public.proposals for select
  to anon, authenticated
  using (
    (status <> 'draft' and (hidden_at is null or (select private.can_curate(group_id))))
    or author_id = (select auth.uid())
    or (select private.is_proposal_author(id))
  );

drop policy "Authors edit their own comments" on public.comments;
create policy "Authors edit their own comments unless deleted or hidden"
  on public.comments for update
  to authenticated
  using (
    author_id = (select auth.uid()) and deleted_at is null and hidden_at is null
    and (select private.proposal_is_live(proposal_id))
  )
  with check (author_id = (select auth.uid()));
