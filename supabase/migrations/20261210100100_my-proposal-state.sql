-- What the signed-in member's proposal page needs of them, in one read (issue 12, item 3):
-- whether they may edit it (the update policy's own test, private.can_edit_proposal, as
-- can_edit_proposal answers it), their vote on it and whether they follow it. Three calls
-- beside the proposal's read before. Read as the member (security invoker): RLS decides, and
-- the vote and the follow read are the caller's own rows.

-- functions
create function public.my_proposal_state(target uuid)
returns jsonb
language plpgsql stable security invoker set search_path = ''
as $$
declare
  me uuid := (select auth.uid());
begin
  -- Visitors may not read votes or follows at all (plpgsql plans each statement when it runs).
  if me is null then
    return jsonb_build_object('can_edit', false, 'vote', 0, 'following', false);
  end if;
  return jsonb_build_object(
    'can_edit', private.can_edit_proposal(target),
    'vote', coalesce((
      select v.value from public.votes v where v.proposal_id = target and v.user_id = me
    ), 0),
    'following', exists (
      select 1 from public.follows f where f.proposal_id = target and f.user_id = me
    )
  );
end;
$$;
comment on function public.my_proposal_state(uuid) is
  'The signed-in member and one proposal: whether they may edit it (the update policy''s test), their vote (1, -1 or 0) and whether they follow it.';

-- grants
revoke all on function public.my_proposal_state(uuid) from public;
grant execute on function public.my_proposal_state(uuid) to anon, authenticated, service_role;
