-- Similar proposals while drafting (issue 15, item 2). Before a draft is published its
-- author is shown the group's open and shortlisted proposals whose titles are most like its
-- own (trigram similarity, pg_trgm), so they can support one of those instead or suggest a
-- change to it.
--
-- The index is a GiST trigram index that also holds the group (btree_gist), partial on the
-- proposals that can be shown. It answers "nearest titles in this group" in distance order
-- (a KNN scan: title <-> query), so Postgres reads about the few rows it returns even in a
-- group with thousands of proposals that share common words; a GIN index would fetch every
-- title sharing a trigram and sort them. See scripts/bench/similar-proposals.ts for timings.

-- tables
-- pg_trgm is already installed in the extensions schema (member search).
create extension if not exists btree_gist with schema extensions;

-- indexes
create index proposals_title_trgm_idx on public.proposals
  using gist (group_id, title extensions.gist_trgm_ops)
  where status in ('open', 'shortlisted') and hidden_at is null;

-- functions
/** The group's open or shortlisted proposals whose titles are most similar to `title`
 * (pg_trgm similarity of at least 0.3), most similar first, leaving out `exclude` (the draft
 * itself). Runs as the caller: RLS decides what they may read. */
create or replace function public.similar_proposals(
  target_group uuid,
  title text,
  exclude uuid default null,
  max_results integer default 5
)
returns table (
  id uuid,
  title text,
  summary text,
  status public.proposal_status,
  support_count integer,
  similarity real
)
language sql stable
security invoker
set search_path = ''
as $$
  select nearest.id, nearest.title, nearest.summary, nearest.status, nearest.support_count, nearest.similarity
    from (
      select p.id, p.title, p.summary, p.status, p.support_count,
             extensions.similarity(p.title, similar_proposals.title) as similarity
        from public.proposals p
       where p.group_id = similar_proposals.target_group
         and p.status in ('open', 'shortlisted') and p.hidden_at is null
         and p.id is distinct from similar_proposals.exclude
       order by p.title operator(extensions.<->) similar_proposals.title
       limit least(greatest(coalesce(similar_proposals.max_results, 5), 1), 20)
    ) as nearest
   where nearest.similarity >= 0.3
   order by nearest.similarity desc, nearest.support_count desc, nearest.id
$$;

-- grants
revoke all on function public.similar_proposals(uuid, text, uuid, integer) from public;
grant execute on function public.similar_proposals(uuid, text, uuid, integer) to anon, authenticated;
