-- Supabase's linter (0029): a security definer function in the exposed schema is an endpoint
-- that bypasses RLS for any free sign-up. Each public RPC below already checks its caller
-- first, then does one privileged step; that body moves unchanged into `private` (which the
-- API does not expose), and the public name becomes a security invoker wrapper that calls it.
-- See docs/decisions/006-public-rpcs-run-as-invoker.md.

-- functions

alter function public.answer_proposal(uuid, text, text) set schema private;
create function public.answer_proposal(proposal_id uuid, decision text, explanation text)
returns public.candidate_responses
language sql security invoker set search_path = ''
as $$ select * from private.answer_proposal($1, $2, $3) $$;

alter function public.delete_comment(uuid) set schema private;
create function public.delete_comment(comment_id uuid)
returns void
language sql security invoker set search_path = ''
as $$ select private.delete_comment($1) $$;

alter function public.delete_my_account() set schema private;
create function public.delete_my_account()
returns void
language sql security invoker set search_path = ''
as $$ select private.delete_my_account() $$;

alter function public.flag_content(text, uuid, uuid) set schema private;
create function public.flag_content(reason text, proposal_id uuid default null, comment_id uuid default null)
returns public.flags
language sql security invoker set search_path = ''
as $$ select * from private.flag_content($1, $2, $3) $$;

alter function public.forward_shortlist(uuid) set schema private;
create function public.forward_shortlist(group_id uuid)
returns integer
language sql security invoker set search_path = ''
as $$ select private.forward_shortlist($1) $$;

alter function public.publish_proposal(uuid) set schema private;
create function public.publish_proposal(proposal_id uuid)
returns public.proposals
language sql security invoker set search_path = ''
as $$ select * from private.publish_proposal($1) $$;

alter function public.read_hidden_comment(uuid) set schema private;
create function public.read_hidden_comment(comment_id uuid)
returns text
language sql stable security invoker set search_path = ''
as $$ select private.read_hidden_comment($1) $$;

alter function public.resolve_flag(uuid, text, text) set schema private;
create function public.resolve_flag(flag_id uuid, decision text, public_reason text default null)
returns public.flags
language sql security invoker set search_path = ''
as $$ select * from private.resolve_flag($1, $2, $3) $$;

alter function public.set_proposal_pinned(uuid, boolean) set schema private;
create function public.set_proposal_pinned(proposal_id uuid, pinned boolean)
returns public.proposals
language sql security invoker set search_path = ''
as $$ select * from private.set_proposal_pinned($1, $2) $$;

alter function public.transition_proposal(uuid, text, text, uuid) set schema private;
create function public.transition_proposal(
  proposal_id uuid, action text, reason text default null, merge_target uuid default null
)
returns public.proposals
language sql security invoker set search_path = ''
as $$ select * from private.transition_proposal($1, $2, $3, $4) $$;

alter function public.unhide_content(uuid, uuid, text) set schema private;
create function public.unhide_content(
  proposal_id uuid default null, comment_id uuid default null, note text default null
)
returns void
language sql security invoker set search_path = ''
as $$ select private.unhide_content($1, $2, $3) $$;

alter function public.update_group_note(uuid, text) set schema private;
create function public.update_group_note(group_id uuid, note text)
returns public.groups
language sql security invoker set search_path = ''
as $$ select * from private.update_group_note($1, $2) $$;

-- grants: only signed-in members call these; the private bodies keep their own grants.

revoke execute on function
  public.answer_proposal(uuid, text, text),
  public.delete_comment(uuid),
  public.delete_my_account(),
  public.flag_content(text, uuid, uuid),
  public.forward_shortlist(uuid),
  public.publish_proposal(uuid),
  public.read_hidden_comment(uuid),
  public.resolve_flag(uuid, text, text),
  public.set_proposal_pinned(uuid, boolean),
  public.transition_proposal(uuid, text, text, uuid),
  public.unhide_content(uuid, uuid, text),
  public.update_group_note(uuid, text)
from public, anon;

grant execute on function
  public.answer_proposal(uuid, text, text),
  public.delete_comment(uuid),
  public.delete_my_account(),
  public.flag_content(text, uuid, uuid),
  public.forward_shortlist(uuid),
  public.publish_proposal(uuid),
  public.read_hidden_comment(uuid),
  public.resolve_flag(uuid, text, text),
  public.set_proposal_pinned(uuid, boolean),
  public.transition_proposal(uuid, text, text, uuid),
  public.unhide_content(uuid, uuid, text),
  public.update_group_note(uuid, text)
to authenticated;

revoke execute on function
  private.answer_proposal(uuid, text, text),
  private.delete_comment(uuid),
  private.delete_my_account(),
  private.flag_content(text, uuid, uuid),
  private.forward_shortlist(uuid),
  private.publish_proposal(uuid),
  private.read_hidden_comment(uuid),
  private.resolve_flag(uuid, text, text),
  private.set_proposal_pinned(uuid, boolean),
  private.transition_proposal(uuid, text, text, uuid),
  private.unhide_content(uuid, uuid, text),
  private.update_group_note(uuid, text)
from public, anon;

grant execute on function
  private.answer_proposal(uuid, text, text),
  private.delete_comment(uuid),
  private.delete_my_account(),
  private.flag_content(text, uuid, uuid),
  private.forward_shortlist(uuid),
  private.publish_proposal(uuid),
  private.read_hidden_comment(uuid),
  private.resolve_flag(uuid, text, text),
  private.set_proposal_pinned(uuid, boolean),
  private.transition_proposal(uuid, text, text, uuid),
  private.unhide_content(uuid, uuid, text),
  private.update_group_note(uuid, text)
to authenticated;
