-- The facilitators' console finds a group's proposals by words in their title (issue 19):
-- "title ilike '%word%'" for each word typed. A trigram index answers it without reading
-- every title in the group, so a search stays fast in a group of 10,000 proposals; the
-- listing's order then sorts only the matches. Drafts are never listed, so not indexed.
-- (proposals_title_trgm_idx, for similar titles while drafting, holds only open and
-- shortlisted proposals that are not hidden; the console lists those with the candidate,
-- answered and hidden ones too.)

-- indexes
create index proposals_console_title_idx on public.proposals
  using gin (title extensions.gin_trgm_ops) where status <> 'draft';
