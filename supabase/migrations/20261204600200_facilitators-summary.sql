-- Facilitators' daily summary holds their whole queue (issue 14, item 6): beside join requests,
-- the reports that came in and the proposals that reached the support threshold, so a
-- facilitator hears of them in the digest at the hour they chose instead of finding them by
-- chance. Both are read through the partial and group indexes the console already uses.
/** What a digest of `member` for (since, until] holds: their notifications whose kind they
 * take at this cadence, and new proposals in the groups they follow (active membership unless
 * muted, or followed), never their own, never hidden or draft; for a facilitator taking
 * facilitator work at this cadence, their queue too: how many reports came in per group (a
 * count, never the reported text) and the proposals that reached the group's support
 * threshold and wait to be shortlisted. At most `most` items (the
 * scheduler asks for one, to know whether there is anything). The member's preferences are
 * read once, not per item. */
create or replace function private.digest_items(
  member uuid, cadence public.mail_cadence, since timestamptz, until timestamptz, most integer default null
) returns table (
  group_id uuid, kind text, body text, proposal_id uuid, comment_id uuid, happened_at timestamptz
)
language plpgsql stable
security definer
set search_path = ''
as $$
declare
  p public.mail_preferences;
begin
  select mp.* into p
    from public.mail_preferences mp
    join public.profiles pr on pr.id = mp.user_id and pr.deleted_at is null
   where mp.user_id = member;
  if not found then
    return;
  end if;
  return query
    (select n.group_id, n.kind::text, n.body, n.proposal_id, n.comment_id, n.created_at
       from public.notifications n
      where n.user_id = member and n.created_at > since and n.created_at <= until
        and cadence = case private.mail_topic(n.kind)
                        when 'replies' then p.replies
                        when 'my_proposals' then p.my_proposals
                        when 'supported' then p.supported
                        when 'facilitation' then p.facilitation
                        else p.group_activity
                      end
        and private.mail_may_mention(member, n.proposal_id, n.comment_id)
     union all
     select pr.group_id, 'new_proposal', pr.title, pr.id, null::uuid, pr.published_at
       from public.proposals pr
      where p.group_activity = cadence
        and pr.group_id in (
          select m.group_id from public.group_members m
           where m.user_id = member and m.status = 'active'
             and not exists (select 1 from public.group_mail g
                              where g.user_id = member and g.group_id = m.group_id and not g.following)
          union
          select g.group_id from public.group_mail g where g.user_id = member and g.following)
        and pr.status <> 'draft' and pr.hidden_at is null and pr.author_id <> member
        and pr.published_at > since and pr.published_at <= until
     union all
     select f.group_id, 'open_reports',
            case when count(*) = 1 then '1 new report to review'
                 else count(*) || ' new reports to review' end,
            null::uuid, null::uuid, max(f.created_at)
       from public.flags f
      where p.facilitation = cadence
        and f.group_id in (select m.group_id from public.group_members m
                            where m.user_id = member and m.role = 'facilitator' and m.status = 'active')
        and f.status = 'open' and f.created_at > since and f.created_at <= until
      group by f.group_id
     union all
     select pr.group_id, 'ready_for_shortlist', pr.title, pr.id, null::uuid, pr.ready_at
       from public.proposals pr
      where p.facilitation = cadence
        and pr.group_id in (select m.group_id from public.group_members m
                             where m.user_id = member and m.role = 'facilitator' and m.status = 'active')
        and pr.status = 'open' and pr.hidden_at is null
        and pr.ready_at > since and pr.ready_at <= until)
    limit most;
end;
$$;
