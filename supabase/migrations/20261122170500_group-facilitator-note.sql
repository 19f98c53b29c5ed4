-- A short summary of where the group stands, kept up to date by its facilitators and shown
-- on the group page. Written only through update_group_note, and logged.

-- tables
alter table public.groups
  add column facilitator_note text not null default '' check (char_length(facilitator_note) <= 1000),
  add column facilitator_note_updated_at timestamptz;

-- functions
create or replace function public.update_group_note(group_id uuid, note text) returns public.groups
language plpgsql
security definer
set search_path = ''
as $$
declare
  clean_note text := private.trim_text(coalesce(update_group_note.note, ''));
  updated public.groups;
begin
  if not private.can_curate(update_group_note.group_id) then
    raise exception 'Only the group''s facilitators can write its summary.' using errcode = '42501';
  end if;
  if not exists (select 1 from public.groups g where g.id = update_group_note.group_id) then
    raise exception 'There is no such group.' using errcode = 'P0001';
  end if;
  if private.group_is_archived(update_group_note.group_id) then
    raise exception 'This group is archived and cannot be changed.' using errcode = 'P0001';
  end if;
  if char_length(clean_note) > 1000 then
    raise exception 'Keep the summary to 1,000 characters.' using errcode = 'P0001';
  end if;
  update public.groups g
     set facilitator_note = clean_note, facilitator_note_updated_at = now()
   where g.id = update_group_note.group_id
  returning * into updated;
  return updated;
end;
$$;

create or replace function private.audit_group_note() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform private.audit('group.update_note', new.id,
    details => jsonb_build_object('from', old.facilitator_note, 'to', new.facilitator_note));
  return null;
end;
$$;

-- triggers
create trigger groups_audit_note
  after update of facilitator_note on public.groups
  for each row when (old.facilitator_note is distinct from new.facilitator_note)
  execute function private.audit_group_note();

-- grants
revoke all on function private.audit_group_note() from public, anon, authenticated;
revoke all on function public.update_group_note(uuid, text) from public, anon;
grant execute on function public.update_group_note(uuid, text) to authenticated;
