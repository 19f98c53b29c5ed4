-- Whether the viewer may edit a proposal, asked of the same helper its update policy uses
-- (issue 13, item 2): the app calls can_edit_proposal instead of re-stating the policy
-- "authors edit drafts; authors and curators edit open proposals; curators edit shortlisted
-- ones; nobody edits in an archived group" in TypeScript, where the two could drift apart.
-- (An RPC, not a computed field on proposals: a computed field takes the whole row, and
-- members may read only some of its columns.)

create function public.can_edit_proposal(target uuid)
returns boolean
language sql stable security invoker set search_path = ''
as $$ select private.can_edit_proposal(target) $$;
comment on function public.can_edit_proposal(uuid) is
  'Whether the signed-in member may edit this proposal: the update policy''s own test (private.can_edit_proposal).';

-- grants
revoke all on function public.can_edit_proposal(uuid) from public;
grant execute on function public.can_edit_proposal(uuid) to anon, authenticated, service_role;
