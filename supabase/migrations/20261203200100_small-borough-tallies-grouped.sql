-- Votes stay private in small boroughs. In a borough where fewer than 5 members voted on a
-- proposal, its support and opposition would tell a neighbour how one person voted, so the
-- API withholds them: public.borough_support() returns null counts and fewer_than_5 for
-- those boroughs (including those with no votes, so that "someone there voted" is not told
-- either).
--
-- The total counts on the proposal are public, so withholding small boroughs alone would not
-- do: total minus the boroughs shown is what the small ones hold together. When the withheld
-- boroughs hold between 1 and 4 votes together, the shown borough with the fewest votes is
-- withheld as well (it has 5 or more, so the withheld set then has at least 5).
--
-- Rankings (region_score, top_score) still use the exact tallies in Postgres, through
-- definer functions. The exact table is readable only by the candidate and admins, whose
-- review ranks proposals by support in one borough.

-- functions

create or replace function private.borough_support(proposal_ids uuid[])
returns table (proposal_id uuid, region text, support integer, oppose integer, fewer_than_5 boolean)
language sql stable
security definer
set search_path = ''
as $$
  with readable as (
    select distinct ids.id
      from unnest(proposal_ids) as ids(id)
     where private.can_read_proposal(ids.id)
  ),
  counted as (
    select r.id as proposal_id, g.slug as region, g.position,
           coalesce(t.support, 0) as support, coalesce(t.oppose, 0) as oppose,
           coalesce(t.support, 0) + coalesce(t.oppose, 0) as voters
      from readable r
      cross join public.regions g
      left join public.proposal_region_tallies t on t.proposal_id = r.id and t.region = g.slug
  ),
  ranked as (
    select c.*,
           sum(case when c.voters < 5 then c.voters else 0 end) over (partition by c.proposal_id) as withheld_votes,
           row_number() over (
             partition by c.proposal_id
             order by case when c.voters >= 5 then c.voters end asc nulls last, c.position, c.region
           ) as smallest
      from counted c
  )
  select proposal_id, region,
         case when shown then support end,
         case when shown then oppose end,
         voters < 5
    from (
      select ranked.*,
             voters >= 5 and not (smallest = 1 and withheld_votes between 1 and 4) as shown
        from ranked
    ) x
   order by proposal_id, position, region
$$;

create function public.borough_support(proposal_ids uuid[])
returns table (proposal_id uuid, region text, support integer, oppose integer, fewer_than_5 boolean)
language sql stable security invoker set search_path = ''
as $$ select * from private.borough_support($1) $$;

-- grants
revoke all on function private.borough_support(uuid[]) from public;
grant execute on function private.borough_support(uuid[]) to anon, authenticated, service_role;
revoke all on function public.borough_support(uuid[]) from public;
grant execute on function public.borough_support(uuid[]) to anon, authenticated, service_role;

revoke select on public.proposal_region_tallies from anon;

-- RLS and policies
drop policy "Support by region is public for readable proposals" on public.proposal_region_tallies;
create policy "The candidate and admins read exact support by borough, for their review"
  on public.proposal_region_tallies for select
  to authenticated
  using (
    ((select private.has_site_role('candidate')) or (select private.is_admin()))
    and exists (select 1 from public.proposals p where p.id = proposal_id)
  );
