-- The proposal page in fewer calls (issue 12, items 3 and 6): my_proposal_state, read beside
-- the proposal, also gives the viewer's standing in the proposal's group (whether they may
-- suggest changes: my_standing's answer) and, when asked, the proposal's support borough by
-- borough (borough_support's answer, small boroughs withheld) — two calls after the
-- proposal's read before. It now answers visitors too (vote 0, no standing), so the page can
-- ask it before it knows who is signed in. Read as the caller (security invoker): RLS and the
-- functions it calls decide, as they did for the calls it replaces. (Not computed fields on
-- the proposal's row: a function of the whole row needs every column's grant, and
-- proposals.hidden_by is kept from members.)

-- functions
drop function public.my_proposal_state(uuid);

create function public.my_proposal_state(target uuid, with_regions boolean default false)
returns jsonb
language plpgsql stable security invoker set search_path = ''
as $$
declare
  me uuid := (select auth.uid());
  state jsonb;
begin
  -- Visitors may not read votes or follows at all (plpgsql plans each statement when it runs).
  if me is null then
    state := jsonb_build_object('can_edit', false, 'vote', 0, 'following', false, 'standing', null);
  else
    state := jsonb_build_object(
      'can_edit', private.can_edit_proposal(target),
      'vote', coalesce((
        select v.value from public.votes v where v.proposal_id = target and v.user_id = me
      ), 0),
      'following', exists (
        select 1 from public.follows f where f.proposal_id = target and f.user_id = me
      ),
      'standing', (
        select to_jsonb(s)
          from public.proposals p, private.viewer_standing(p.group_id) s
         where p.id = target
      )
    );
  end if;
  if with_regions then
    state := state || jsonb_build_object('regions', (
      select coalesce(jsonb_agg(jsonb_build_object(
               'region', s.region, 'support', s.support, 'oppose', s.oppose,
               'fewer_than_5', s.fewer_than_5)), '[]'::jsonb)
        from private.borough_support(array[target]) s
    ));
  end if;
  return state;
end;
$$;
comment on function public.my_proposal_state(uuid, boolean) is
  'The viewer and one proposal: whether they may edit it (the update policy''s test), their vote (1, -1 or 0), whether they follow it, their standing in its group (as my_standing; null for a visitor) and, with with_regions, its support by region (as borough_support).';

-- grants
revoke all on function public.my_proposal_state(uuid, boolean) from public;
grant execute on function public.my_proposal_state(uuid, boolean) to anon, authenticated, service_role;
