-- The facilitators' console lists the group's proposals with suggested changes waiting for
-- their authors, most waiting first: an index in exactly that order, partial on those rows.

-- indexes
create index proposals_open_amendments_idx on public.proposals (group_id, amendments_open desc, id)
  where amendments_open > 0 and status in ('open', 'shortlisted');
