-- Long threads are paged (issue 12): the proposal page reads 20 top-level comments at a time,
-- keyset on (created_at, id), and the replies of those comments in one query. A reply records
-- the top-level comment it sits under (root_id, kept by the insert trigger; no role can write
-- it: the column grants on comments leave it out), so "the replies of these 20 comments" is an
-- index range, whatever their depth.
alter table public.comments add column root_id uuid;
comment on column public.comments.root_id is
  'The top-level comment this reply sits under (null for top-level comments). Set on insert.';

-- Backfill as the owner, without the row triggers (nothing a member did changed).
alter table public.comments disable trigger user;
with recursive tree as (
  select id, id as root from public.comments where parent_id is null
  union all
  select c.id, t.root from public.comments c join tree t on c.parent_id = t.id
)
update public.comments c set root_id = t.root
from tree t
where c.id = t.id and c.parent_id is not null;
alter table public.comments enable trigger user;

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
      new.root_id := coalesce(parent.root_id, parent.id);
    else
      new.depth := 0;
      new.root_id := null;
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
revoke all on function private.prepare_comment() from public, anon, authenticated;

-- Each page in its exact order: top-level comments oldest or newest first (read backwards),
-- comments of one stance (the filtered view lists every live comment of that stance, flat),
-- and the replies under a page's top-level comments. One partial index per stance, not a
-- (proposal_id, stance, ...) index: under RLS Postgres may not use the enum's `=` (not
-- leakproof) as an index condition, but it does match a partial index's predicate.
create index comments_top_level_page_idx on public.comments (proposal_id, created_at, id)
  where parent_id is null;
create index comments_for_page_idx on public.comments (proposal_id, created_at, id)
  where stance = 'for' and deleted_at is null;
create index comments_against_page_idx on public.comments (proposal_id, created_at, id)
  where stance = 'against' and deleted_at is null;
create index comments_neutral_page_idx on public.comments (proposal_id, created_at, id)
  where stance = 'neutral' and deleted_at is null;
create index comments_root_created_idx on public.comments (root_id, created_at, id)
  where root_id is not null;

-- Readers see the column like the rest of the thread (comments' select grants are per column
-- since 20261203200000_moderators-stay-private).
grant select (root_id) on public.comments to anon, authenticated;
