-- A proposal's pages in one call fewer (issue 12, items 3 and 6): on a
-- /groups/<slug>/proposals/<id>/… address the page frame also brings what my_proposal_state
-- answers for that proposal (the viewer's right to edit, vote, follow, standing, and the
-- borough table), so that call beside it goes. It is my_proposal_state's own answer, asked
-- as the caller (security invoker).

-- functions
create or replace function public.page_frame_of_proposal(
  unread_up_to integer default 100,
  group_slug text default null,
  proposal_id uuid default null
)
returns jsonb
language sql stable security invoker set search_path = ''
as $$
  select public.page_frame(unread_up_to, group_slug)
         || jsonb_build_object('proposal_state',
              case when proposal_id is not null
                   then public.my_proposal_state(proposal_id, true) end)
$$;
comment on function public.page_frame_of_proposal(integer, text, uuid) is
  'page_frame, and for the proposal a page''s address names, my_proposal_state with its borough table (proposal_state).';

-- grants
revoke all on function public.page_frame_of_proposal(integer, text, uuid) from public;
grant execute on function public.page_frame_of_proposal(integer, text, uuid) to anon, authenticated, service_role;
