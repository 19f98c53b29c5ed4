-- Proposals, their authors and their revisions. Members of a group draft proposals (alone
-- or with co-authors); drafts are seen by their authors only; publishing opens them to
-- everyone. Each save of a published proposal appends a revision. Status, authorship,
-- group and version never change by a plain update.

-- tables
create type public.proposal_status as enum (
  'draft', 'open', 'shortlisted', 'forwarded', 'adopted', 'considering', 'declined', 'archived', 'merged'
);
create type public.author_role as enum ('author', 'coauthor');

create table public.proposals (
  id uuid primary key default gen_random_uuid(),
  group_id uuid not null references public.groups (id) on delete cascade,
  -- Always the signed-in member (the insert trigger enforces it; clients cannot write it).
  author_id uuid not null default auth.uid() references public.profiles (id) on delete cascade,
  title text not null check (char_length(title) between 5 and 120 and title = btrim(title)),
  summary text not null default '' check (char_length(summary) <= 280),
  -- Checked by private.document_is_valid in the prepare trigger whenever it changes (a check
  -- constraint would re-validate the whole document on every counter update).
  body jsonb not null,
  body_text text not null default '' check (char_length(body_text) <= 25000),
  status public.proposal_status not null default 'draft',
  version integer not null default 1 check (version >= 1),
  pinned boolean not null default false,
  merged_into uuid references public.proposals (id) on delete set null,
  status_reason text check (char_length(status_reason) <= 2000),
  published_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  search tsvector generated always as (
    setweight(to_tsvector('english', title), 'A')
    || setweight(to_tsvector('english', summary), 'B')
    || setweight(to_tsvector('english', body_text), 'C')
  ) stored,
  check ((status = 'draft') = (published_at is null)),
  check ((status = 'merged') = (merged_into is not null)),
  check (merged_into is distinct from id)
);
comment on table public.proposals is 'Policy proposals: a rich-text body (Tiptap JSON), a lifecycle status, counters and scores.';

create table public.proposal_authors (
  proposal_id uuid not null references public.proposals (id) on delete cascade,
  user_id uuid not null references public.profiles (id) on delete cascade,
  role public.author_role not null default 'coauthor',
  added_by uuid references public.profiles (id) on delete set null,
  added_at timestamptz not null default now(),
  primary key (proposal_id, user_id)
);
comment on table public.proposal_authors is 'Everyone who may edit a proposal: its author and the co-authors they added.';

create table public.proposal_revisions (
  id bigint generated always as identity primary key,
  proposal_id uuid not null references public.proposals (id) on delete cascade,
  version integer not null,
  editor_id uuid references public.profiles (id) on delete set null,
  title text not null,
  summary text not null,
  body jsonb not null,
  created_at timestamptz not null default now(),
  unique (proposal_id, version)
);
comment on table public.proposal_revisions is 'Append-only history of published proposals: one row per saved version.';

-- indexes
create index proposals_group_listing_idx on public.proposals (group_id, status, published_at desc);
create index proposals_author_id_idx on public.proposals (author_id);
create index proposals_merged_into_idx on public.proposals (merged_into);
create index proposals_search_idx on public.proposals using gin (search);
create index proposal_authors_user_id_idx on public.proposal_authors (user_id);
create index proposal_authors_added_by_idx on public.proposal_authors (added_by);
create index proposal_revisions_editor_id_idx on public.proposal_revisions (editor_id);

-- functions
create or replace function private.is_proposal_author(target uuid) returns boolean
language sql stable
security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.proposal_authors where proposal_id = target and user_id = (select auth.uid())
  )
$$;

create or replace function private.is_main_author(target uuid) returns boolean
language sql stable
security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.proposals where id = target and author_id = (select auth.uid())
  )
$$;

/** Published proposals are public; drafts are for their authors only. */
create or replace function private.can_read_proposal(target uuid) returns boolean
language sql stable
security definer
set search_path = ''
as $$
  select exists (select 1 from public.proposals where id = target and status <> 'draft')
    or private.is_proposal_author(target)
$$;

/** Authors edit drafts; authors and the group's curators edit open and shortlisted ones. */
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
        or (p.status in ('open', 'shortlisted') and (private.is_proposal_author(p.id) or private.can_curate(p.group_id)))
      )
  )
$$;

create or replace function private.prepare_proposal() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  content_changed boolean := tg_op = 'INSERT'
    or (new.title, new.summary, new.body) is distinct from (old.title, old.summary, old.body);
begin
  if tg_op = 'INSERT' then
    if auth.uid() is not null then
      new.author_id := auth.uid();
      new.status := 'draft';
      new.published_at := null;
      new.version := 1;
      new.pinned := false;
      new.merged_into := null;
      new.status_reason := null;
    end if;
    if private.group_is_archived(new.group_id) then
      raise exception 'This group is archived and takes no new proposals.' using errcode = 'P0001';
    end if;
  elsif content_changed then
    new.version := old.version + 1;
  end if;
  if tg_op = 'INSERT' or new.body is distinct from old.body then
    if not private.document_is_valid(new.body) then
      raise exception 'The proposal text contains something the editor does not allow.'
        using errcode = '23514';
    end if;
    new.body_text := private.document_text(new.body);
  elsif new.body_text is distinct from old.body_text then
    new.body_text := old.body_text;
  end if;
  if content_changed then
    new.updated_at := now();
  end if;
  return new;
end;
$$;

create or replace function private.add_main_author() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  insert into public.proposal_authors (proposal_id, user_id, role, added_by)
  values (new.id, new.author_id, 'author', new.author_id);
  return null;
end;
$$;

create or replace function private.record_revision() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if new.status <> 'draft' and (
    (tg_op = 'UPDATE' and old.status = 'draft')
    or (tg_op = 'UPDATE' and new.version <> old.version)
  ) then
    insert into public.proposal_revisions (proposal_id, version, editor_id, title, summary, body)
    values (new.id, new.version, coalesce(auth.uid(), new.author_id), new.title, new.summary, new.body);
  end if;
  return null;
end;
$$;

/** Authors add co-authors from the group's active members; nobody else, and only while the
 * proposal can still be edited by its authors. */
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
    raise exception 'Only the proposal''s author can add co-authors.' using errcode = '42501';
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
  new.role := 'coauthor';
  new.added_by := auth.uid();
  new.added_at := now();
  return new;
end;
$$;

create or replace function private.keep_main_author() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if old.role = 'author' and exists (select 1 from public.proposals where id = old.proposal_id) then
    raise exception 'The author cannot be removed from their own proposal.' using errcode = 'P0001';
  end if;
  return old;
end;
$$;

/** Authors publish a draft: it opens for discussion and votes, and its history begins. */
create or replace function public.publish_proposal(proposal_id uuid) returns public.proposals
language plpgsql
security definer
set search_path = ''
as $$
declare
  published public.proposals;
begin
  if not private.is_proposal_author(proposal_id) then
    raise exception 'Only the proposal''s authors can publish it.' using errcode = '42501';
  end if;
  if exists (select 1 from public.proposals p where p.id = proposal_id and btrim(p.body_text) = '') then
    raise exception 'Write the proposal itself before publishing it.' using errcode = 'P0001';
  end if;
  update public.proposals
     set status = 'open', published_at = now()
   where id = proposal_id and status = 'draft' and not private.group_is_archived(group_id)
  returning * into published;
  if published.id is null then
    raise exception 'Only a draft in an active group can be published.' using errcode = 'P0001';
  end if;
  return published;
end;
$$;

-- triggers
create trigger proposals_prepare
  before insert or update on public.proposals
  for each row execute function private.prepare_proposal();

create trigger proposals_add_main_author
  after insert on public.proposals
  for each row execute function private.add_main_author();

create trigger proposals_record_revision
  after update on public.proposals
  for each row execute function private.record_revision();

create trigger proposal_authors_prepare
  before insert on public.proposal_authors
  for each row execute function private.prepare_coauthor();

create trigger proposal_authors_keep_main_author
  before delete on public.proposal_authors
  for each row execute function private.keep_main_author();

-- grants
revoke all on function private.is_proposal_author(uuid), private.is_main_author(uuid), private.can_read_proposal(uuid),
  private.can_edit_proposal(uuid) from public;
grant execute on function private.is_proposal_author(uuid), private.is_main_author(uuid), private.can_read_proposal(uuid),
  private.can_edit_proposal(uuid) to anon, authenticated, service_role;
revoke all on function private.prepare_proposal(), private.add_main_author(), private.record_revision(),
  private.prepare_coauthor(), private.keep_main_author() from public, anon, authenticated;
revoke all on function public.publish_proposal(uuid) from public, anon;
grant execute on function public.publish_proposal(uuid) to authenticated;

revoke all on public.proposals, public.proposal_authors, public.proposal_revisions from anon, authenticated;
grant select on public.proposals, public.proposal_authors, public.proposal_revisions to anon, authenticated;
grant insert (group_id, title, summary, body), update (title, summary, body), delete on public.proposals to authenticated;
grant insert (proposal_id, user_id), delete on public.proposal_authors to authenticated;

-- RLS and policies
alter table public.proposals enable row level security;
alter table public.proposal_authors enable row level security;
alter table public.proposal_revisions enable row level security;

create policy "Anyone reads published proposals; authors read their drafts"
  on public.proposals for select
  to anon, authenticated
  -- author_id is checked directly too: the author row in proposal_authors is added after the
  -- insert, when INSERT … RETURNING has already checked this policy.
  using (status <> 'draft' or author_id = (select auth.uid()) or (select private.is_proposal_author(id)));

create policy "Active members draft proposals in their groups"
  on public.proposals for insert
  to authenticated
  with check (author_id = (select auth.uid()) and (select private.is_active_member(group_id)));

create policy "Authors edit drafts; authors and curators edit open proposals"
  on public.proposals for update
  to authenticated
  using ((select private.can_edit_proposal(id)))
  with check ((select private.can_edit_proposal(id)));

create policy "Authors delete their drafts"
  on public.proposals for delete
  to authenticated
  using (status = 'draft' and author_id = (select auth.uid()));

create policy "Authors of readable proposals are public"
  on public.proposal_authors for select
  to anon, authenticated
  using ((select private.can_read_proposal(proposal_id)));

create policy "Authors add co-authors"
  on public.proposal_authors for insert
  to authenticated
  with check ((select private.is_main_author(proposal_id)));

create policy "Authors remove co-authors; co-authors step down"
  on public.proposal_authors for delete
  to authenticated
  using ((select private.is_main_author(proposal_id)) or user_id = (select auth.uid()));

create policy "History is as public as the proposal"
  on public.proposal_revisions for select
  to anon, authenticated
  using ((select private.can_read_proposal(proposal_id)));
