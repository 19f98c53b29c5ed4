-- A member's drafts in a group, found by an index (issue 12). The group page reads them in
-- its listing call. Asked as "status = 'draft'", Postgres could not use an index for it: under
-- RLS a condition is applied before the policy only when its operator is leakproof, and enum
-- equality is not, so the 10,000 proposals of a group were read one by one (15.6 ms at the
-- bench's size, for every visitor, who sees no drafts at all). A draft is exactly a proposal
-- not yet published (proposals_check: status = 'draft' ⇔ published_at is null), and
-- "published_at is null" calls no function, so it may be applied first, through this index.

-- indexes
create index proposals_group_drafts_idx on public.proposals (group_id, updated_at desc)
  where published_at is null;
