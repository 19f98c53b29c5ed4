-- The notification kinds that collaborative drafting added (suggested changes, the support
-- threshold, mentions and follows, and voters told of an edit) are filed under the mail topic a member would look for them
-- in, instead of all falling to "new proposals in your groups". The worker reads the topic from
-- this one function, for the reason in the mail's footer and its unsubscribe link.
create or replace function private.mail_topic(kind public.notification_kind) returns text
language sql immutable
set search_path = ''
as $$
  select case kind::text
    when 'reply_to_comment' then 'replies'
    when 'mention' then 'replies'
    when 'comment_on_proposal' then 'my_proposals'
    when 'proposal_status' then 'my_proposals'
    when 'coauthor_invitation' then 'my_proposals'
    when 'amendment_suggested' then 'my_proposals'
    when 'amendment_accepted' then 'my_proposals'
    when 'amendment_declined' then 'my_proposals'
    when 'proposal_ready' then 'my_proposals'
    when 'candidate_answer' then 'supported'
    when 'merge_invitation' then 'supported'
    when 'followed_proposal_comment' then 'supported'
    when 'proposal_edited' then 'supported'
    when 'join_request' then 'facilitation'
    when 'proposal_forwarded' then 'facilitation'
    else 'group_activity'
  end
$$;
