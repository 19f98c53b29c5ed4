-- The candidate hears of each proposal forwarded to them: a notification (in the app, and by
-- mail as "facilitator work", a daily summary by default), once per proposal and facilitator a
-- day like any other (notifications_once_a_day_idx). A trigger of its own, beside the authors'
-- notify_proposal_status, so the lifecycle's function stays as it is.

-- functions
create or replace function private.notify_candidates_of_forward() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform private.notify(
    array(select r.user_id from public.site_roles r where r.role = 'candidate'),
    'proposal_forwarded',
    format('%s forwarded “%s” from %s for your answer',
      private.display_name(auth.uid()), new.title,
      (select g.name from public.groups g where g.id = new.group_id)),
    auth.uid(), new.group_id, new.id);
  return null;
end;
$$;

create or replace function private.mail_topic(kind public.notification_kind) returns text
language sql immutable
set search_path = ''
as $$
  select case kind::text
    when 'reply_to_comment' then 'replies'
    when 'comment_on_proposal' then 'my_proposals'
    when 'proposal_status' then 'my_proposals'
    when 'coauthor_invitation' then 'my_proposals'
    when 'candidate_answer' then 'supported'
    when 'merge_invitation' then 'supported'
    when 'join_request' then 'facilitation'
    when 'proposal_forwarded' then 'facilitation'
    else 'group_activity'
  end
$$;

-- triggers
create trigger proposals_notify_candidates_of_forward
  after update of status on public.proposals
  for each row when (new.status = 'forwarded' and old.status is distinct from 'forwarded')
  execute function private.notify_candidates_of_forward();

-- grants
revoke all on function private.notify_candidates_of_forward() from public, anon, authenticated;
