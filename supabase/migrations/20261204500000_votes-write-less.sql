-- A vote writes less (issue 12, item 7). Every vote updates its proposal's counters and
-- scores; that update fired two row triggers written for edits, and wrote ten indexes, five of
-- which no query reads any more.
--
-- 1. The proposal's edit triggers fire only when an edit's columns are set. prepare_proposal
--    bumps the version, checks the document and derives its text when the title, summary or
--    body is set (and keeps body_text derived); record_revision keeps history when a proposal
--    is published (its status is set) or edited. A counter update sets none of these columns,
--    so neither function had anything to do for it: what they do for edits is unchanged.
-- 2. The rankings' indexes of 20261122160200 (group, score) and (score) are superseded by the
--    listing's indexes of 20261203300000 (group, pinned, score, newest), which serve the
--    group page, and the facilitator console now asks for the same order. Each vote wrote all
--    five for nothing.

-- indexes
drop index public.proposals_group_top_idx;
drop index public.proposals_group_hot_idx;
drop index public.proposals_group_region_idx;
drop index public.proposals_group_discussed_idx;
drop index public.proposals_top_idx;

-- triggers
drop trigger proposals_prepare on public.proposals;
create trigger proposals_prepare
  before insert or update of title, summary, body, body_text on public.proposals
  for each row execute function private.prepare_proposal();

drop trigger proposals_record_revision on public.proposals;
create trigger proposals_record_revision
  after update of status, title, summary, body on public.proposals
  for each row execute function private.record_revision();

-- functions
-- 3. The vote's own trigger computes Unites the region in its body. It called
--    private.region_score(), a SQL function that Postgres plans afresh on every call (it runs
--    as its definer with its own search_path, so it is never inlined): that planning cost each
--    vote as much as writing the proposal row. The statement here is planned once per session.
--    Same tallies, same order, same function: the same score to the last bit.
create or replace function private.count_votes() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  target uuid := coalesce(new.proposal_id, old.proposal_id);
  support_delta int := (case when tg_op <> 'DELETE' and new.value = 1 then 1 else 0 end)
                     - (case when tg_op <> 'INSERT' and old.value = 1 then 1 else 0 end);
  oppose_delta int := (case when tg_op <> 'DELETE' and new.value = -1 then 1 else 0 end)
                    - (case when tg_op <> 'INSERT' and old.value = -1 then 1 else 0 end);
  unites double precision;
begin
  -- NO KEY UPDATE: the vote's own foreign-key check holds KEY SHARE on this row, which FOR
  -- UPDATE would conflict with (two voters would deadlock); this lock does not. Votes on one
  -- proposal are counted one after another, each from the tallies the one before left.
  perform 1 from public.proposals where id = target for no key update;
  if tg_op <> 'INSERT' and old.region is not null then
    update public.proposal_region_tallies
       set support = support - (old.value = 1)::int, oppose = oppose - (old.value = -1)::int
     where proposal_id = target and region = old.region;
  end if;
  if tg_op <> 'DELETE' and new.region is not null then
    insert into public.proposal_region_tallies (proposal_id, region, support, oppose)
    values (target, new.region, (new.value = 1)::int, (new.value = -1)::int)
    on conflict (proposal_id, region) do update
      set support = public.proposal_region_tallies.support + excluded.support,
          oppose = public.proposal_region_tallies.oppose + excluded.oppose;
  end if;
  select coalesce(private.cross_borough_score(
           array_agg(t.support order by t.region), array_agg(t.oppose order by t.region),
           (select count(*)::integer from public.regions where is_borough)), 0)
    into unites
    from public.proposal_region_tallies t
    join public.regions r on r.slug = t.region and r.is_borough
   where t.proposal_id = target;
  update public.proposals p
     set support_count = p.support_count + support_delta,
         oppose_count = p.oppose_count + oppose_delta,
         top_score = private.wilson_lower_bound(p.support_count + support_delta, p.oppose_count + oppose_delta),
         hot_score = case when p.published_at is null then null
                          else private.hot_score(p.support_count + support_delta, p.oppose_count + oppose_delta, p.published_at) end,
         region_score = unites
   where p.id = target;
  return null;
end;
$$;
