-- Bounded history (issue 11, item 5). Saving a published proposal 60 times in a minute used
-- to store 60 full revisions. Now saves by the same editor within ten minutes of the start
-- of their latest revision update that revision (its text, version and updated_at) instead
-- of adding one. The revision written at publication is never overwritten, so the text
-- members first saw stays in the history. Clients still cannot write revisions at all: the
-- table has no insert, update or delete grant for anon or authenticated.

-- tables
alter table public.proposal_revisions
  add column updated_at timestamptz not null default now();
comment on column public.proposal_revisions.created_at is 'When this revision was first saved; saves by the same editor within ten minutes of it update the row.';
comment on column public.proposal_revisions.updated_at is 'The last save folded into this revision.';
comment on table public.proposal_revisions is 'History of published proposals: one row per editing session (an editor''s saves within ten minutes), plus the published text.';

-- indexes
-- unique (proposal_id, version) already serves keyset pages ordered by version.

-- functions
create or replace function private.record_revision() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  editor uuid := coalesce(auth.uid(), new.author_id);
  latest public.proposal_revisions;
  first_version integer;
begin
  if new.status = 'draft' or not (
    (tg_op = 'UPDATE' and old.status = 'draft')
    or (tg_op = 'UPDATE' and new.version <> old.version)
  ) then
    return null;
  end if;
  if old.status <> 'draft' then
    select * into latest from public.proposal_revisions
     where proposal_id = new.id order by version desc limit 1 for update;
    select min(version) into first_version from public.proposal_revisions where proposal_id = new.id;
    if latest.id is not null
       and latest.version > first_version
       and latest.editor_id = editor
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

-- grants
revoke all on function private.record_revision() from public, anon, authenticated;
revoke insert, update, delete, truncate on public.proposal_revisions from anon, authenticated;
