-- Discussion threads on published proposals. Members of the group comment and reply, with an
-- optional stance; authors edit (marked "edited") and delete (a placeholder keeps replies in
-- place). At most 10 comments per member per minute.

-- tables
create type public.comment_stance as enum ('for', 'against', 'neutral');

create table public.comments (
  id uuid primary key default gen_random_uuid(),
  proposal_id uuid not null references public.proposals (id) on delete cascade,
  parent_id uuid references public.comments (id) on delete cascade,
  author_id uuid not null default auth.uid() references public.profiles (id) on delete cascade,
  body text not null check (char_length(body) <= 5000),
  stance public.comment_stance,
  depth smallint not null default 0,
  created_at timestamptz not null default now(),
  edited_at timestamptz,
  deleted_at timestamptz,
  check (deleted_at is not null or char_length(btrim(body)) >= 1),
  check (parent_id is distinct from id)
);
comment on table public.comments is 'Comments and replies on proposals. Deleted ones keep their place with an empty body.';

alter table public.proposals
  add column comment_count integer not null default 0 check (comment_count >= 0);

-- indexes
create index comments_proposal_created_idx on public.comments (proposal_id, created_at);
create index comments_parent_id_idx on public.comments (parent_id);
create index comments_author_created_idx on public.comments (author_id, created_at);

-- functions
/** Proposals members can discuss and vote on: published and not closed (archived, merged). */
create or replace function private.proposal_is_live(target uuid) returns boolean
language sql stable
security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.proposals p
    where p.id = target
      and p.status in ('open', 'shortlisted', 'forwarded', 'adopted', 'considering', 'declined')
      and not private.group_is_archived(p.group_id)
  )
$$;

create or replace function private.proposal_group(target uuid) returns uuid
language sql stable
security definer
set search_path = ''
as $$
  select group_id from public.proposals where id = target
$$;

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
    end if;
    if new.parent_id is not null then
      select * into parent from public.comments where id = new.parent_id;
      if parent.proposal_id is distinct from new.proposal_id then
        raise exception 'A reply must be on the same proposal as its comment.' using errcode = 'P0001';
      end if;
      new.depth := least(parent.depth + 1, 32767);
    else
      new.depth := 0;
    end if;
    perform private.enforce_rate_limit('comment', 10,
      'You are commenting very fast. Please wait a minute before you post again.');
  elsif new.body is distinct from old.body or new.stance is distinct from old.stance then
    if old.deleted_at is not null then
      raise exception 'A deleted comment cannot be edited.' using errcode = 'P0001';
    end if;
    new.edited_at := now();
  end if;
  return new;
end;
$$;

create or replace function private.count_comments() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  was_counted int := case when tg_op <> 'INSERT' and old.deleted_at is null then 1 else 0 end;
  is_counted int := case when tg_op <> 'DELETE' and new.deleted_at is null then 1 else 0 end;
begin
  if was_counted <> is_counted then
    update public.proposals
       set comment_count = comment_count + is_counted - was_counted
     where id = coalesce(new.proposal_id, old.proposal_id);
  end if;
  return null;
end;
$$;

/** Authors delete their comment: its words go, its place in the thread stays. */
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
end;
$$;

-- triggers
create trigger comments_prepare
  before insert or update on public.comments
  for each row execute function private.prepare_comment();

create trigger comments_count
  after insert or update of deleted_at or delete on public.comments
  for each row execute function private.count_comments();

-- grants
revoke all on function private.proposal_is_live(uuid), private.proposal_group(uuid) from public;
grant execute on function private.proposal_is_live(uuid), private.proposal_group(uuid) to anon, authenticated, service_role;
revoke all on function private.prepare_comment(), private.count_comments() from public, anon, authenticated;
revoke all on function public.delete_comment(uuid) from public, anon;
grant execute on function public.delete_comment(uuid) to authenticated;

revoke all on public.comments from anon, authenticated;
grant select on public.comments to anon, authenticated;
grant insert (proposal_id, parent_id, body, stance), update (body, stance) on public.comments to authenticated;

-- RLS and policies
alter table public.comments enable row level security;

create policy "Comments on published proposals are public"
  on public.comments for select
  to anon, authenticated
  using ((select private.can_read_proposal(proposal_id)));

create policy "Group members comment on live proposals"
  on public.comments for insert
  to authenticated
  with check (
    author_id = (select auth.uid())
    and (select private.proposal_is_live(proposal_id))
    and (select private.is_active_member(private.proposal_group(proposal_id)))
  );

create policy "Authors edit their own comments"
  on public.comments for update
  to authenticated
  using (author_id = (select auth.uid()) and deleted_at is null and (select private.proposal_is_live(proposal_id)))
  with check (author_id = (select auth.uid()));
