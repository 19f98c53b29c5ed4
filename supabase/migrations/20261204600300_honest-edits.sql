-- Honest edits (issue 19, item 6). Once members have a proposal in front of them, its text
-- changes only in the open:
-- * a change to a published proposal's title, summary or text carries a short note saying what
--   changed and why, kept with its revision in the public history. The note travels in the
--   write-only column proposals.change_note (always stored empty) so that the ordinary update
--   through PostgREST still works; an update without one is refused;
-- * its supporters and opponents are told of a change to the title or text (one notification a
--   day per editor, linking to the history's word diff);
-- * once shortlisted, only the group's facilitators edit it; its authors suggest a change like
--   anyone else (an accepted suggestion is its own credited revision, as before).

alter table public.proposals
  add column change_note text constraint proposals_change_note_write_only check (change_note is null);
comment on column public.proposals.change_note is
  'Write-only: the note of the edit being saved, moved into its revision by trigger. Always empty when stored.';

alter table public.proposal_revisions
  add column change_note text check (char_length(change_note) <= 600);
comment on column public.proposal_revisions.change_note is
  'What the editor said they changed and why (published proposals only; none for the first version or an accepted suggestion).';

alter type public.notification_kind add value if not exists 'proposal_edited';

-- functions
create or replace function private.can_edit_proposal(target uuid) returns boolean
language sql stable
security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.proposals p
    where p.id = target
      and not private.group_is_archived(p.group_id)
      and (
        (p.status = 'draft' and private.is_proposal_author(p.id))
        or (p.status = 'open' and (private.is_proposal_author(p.id) or private.can_curate(p.group_id)))
        or (p.status = 'shortlisted' and private.can_curate(p.group_id))
      )
  )
$$;

/** Takes the note of an edit out of the row (it is never stored there) and into this
 * transaction, for record_revision; refuses a published proposal's edit without one. */
create or replace function private.take_change_note() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  note text := nullif(btrim(coalesce(new.change_note, '')), '');
begin
  new.change_note := null;
  if old.status <> 'draft' and auth.uid() is not null
     and nullif(current_setting('policy_forum.accepting_amendment', true), '') is null
     and (new.title, new.summary, new.body) is distinct from (old.title, old.summary, old.body) then
    if note is null then
      raise exception 'Say in a few words what you changed and why: the note is shown in the proposal''s history.'
        using errcode = '23514';
    end if;
    if char_length(note) > 280 then
      raise exception 'Keep the note on your change to 280 characters: it has %.', char_length(note)
        using errcode = '23514';
    end if;
  end if;
  perform set_config('policy_forum.change_note', coalesce(note, ''), true);
  return new;
end;
$$;

-- As in amendments, with the edit's note kept on its revision (joined when edits are folded).
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
  note text := nullif(current_setting('policy_forum.change_note', true), '');
  suggester uuid;
begin
  if new.status = 'draft' or not (
    (tg_op = 'UPDATE' and old.status = 'draft')
    or (tg_op = 'UPDATE' and new.version <> old.version)
  ) then
    return null;
  end if;
  if old.status = 'draft' then
    note := null;
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
             change_note = case
               when note is null or latest.change_note = note then latest.change_note
               when latest.change_note is null then note
               else left(latest.change_note || ' · ' || note, 600)
             end,
             updated_at = now()
       where id = latest.id;
      return null;
    end if;
  end if;
  insert into public.proposal_revisions (proposal_id, version, editor_id, title, summary, body, change_note)
  values (new.id, new.version, editor, new.title, new.summary, new.body, note);
  return null;
end;
$$;

/** Tells a published proposal's voters (not its authors, not the editor) that its title or
 * text changed, once a day per editor, with the editor's note. */
create or replace function private.notify_voters_of_edit() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  note text := nullif(current_setting('policy_forum.change_note', true), '');
  editor uuid := auth.uid();
begin
  insert into public.notifications (user_id, kind, group_id, proposal_id, actor_id, body)
  select v.user_id, 'proposal_edited', new.group_id, new.id, editor,
         left(format('“%s”, which you voted on, was changed%s', new.title,
                     case when note is not null then ': ' || note
                          when nullif(current_setting('policy_forum.accepting_amendment', true), '') is not null
                            then ': its authors accepted a suggested change'
                          else '' end), 500)
    from public.votes v
    join public.profiles pr on pr.id = v.user_id and pr.deleted_at is null
   where v.proposal_id = new.id
     and v.user_id is distinct from editor
     and not exists (select 1 from public.proposal_authors a
                      where a.proposal_id = new.id and a.user_id = v.user_id and a.accepted_at is not null)
  on conflict do nothing;
  return null;
end;
$$;

-- triggers
create trigger proposals_take_change_note
  before update of title, summary, body, change_note on public.proposals
  for each row execute function private.take_change_note();

create trigger proposals_notify_voters_of_edit
  after update of title, body on public.proposals
  for each row
  when (old.status <> 'draft' and new.status in ('open', 'shortlisted')
        and (old.title, old.body) is distinct from (new.title, new.body))
  execute function private.notify_voters_of_edit();

-- grants
revoke all on function private.take_change_note(), private.notify_voters_of_edit() from public, anon, authenticated;
grant update (change_note) on public.proposals to authenticated;
-- Proposals are read column by column (moderators stay private); the note is always empty.
grant select (change_note) on public.proposals to anon, authenticated;
