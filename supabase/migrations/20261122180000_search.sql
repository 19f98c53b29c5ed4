-- Search across published proposals: full text over title, summary and body (the stored,
-- indexed `search` column), ranked, with a highlighted extract. Runs as the caller, so row
-- security decides what each person can find (drafts and hidden proposals stay out).

-- functions
create or replace function public.search_proposals(
  query text,
  group_slug text default null,
  result_limit integer default 20,
  result_offset integer default 0
)
returns table (
  id uuid,
  title text,
  summary text,
  status public.proposal_status,
  group_slug text,
  group_name text,
  published_at timestamptz,
  support_count integer,
  rank real,
  excerpt text
)
language sql stable
security invoker
set search_path = ''
as $$
  with q as (select websearch_to_tsquery('english', coalesce(query, '')) as tsq)
  select p.id, p.title, p.summary, p.status, g.slug, g.name, p.published_at, p.support_count,
         ts_rank_cd(p.search, q.tsq) as rank,
         -- Markers no member can type (control characters) around matches; the page turns
         -- them into <mark> after escaping everything else.
         ts_headline('english', p.body_text, q.tsq,
           'StartSel=' || chr(1) || ', StopSel=' || chr(2) || ', MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "')
  from public.proposals p
  join public.groups g on g.id = p.group_id
  cross join q
  where p.status <> 'draft'
    and p.search @@ q.tsq
    and (group_slug is null or g.slug = group_slug)
  order by rank desc, p.published_at desc
  limit least(greatest(result_limit, 1), 50)
  offset greatest(result_offset, 0)
$$;

-- grants
revoke all on function public.search_proposals(text, text, integer, integer) from public;
grant execute on function public.search_proposals(text, text, integer, integer) to anon, authenticated;
