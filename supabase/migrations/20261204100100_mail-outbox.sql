-- The mail outbox: what the worker (npm run worker) must send. A notification a member wants at
-- once becomes a row here in the same transaction as the event that made it; digests become
-- rows when they fall due. Each row is one mail, sent once: the row is the idempotency key and
-- records when it went. When graphile-worker's schema is installed (the worker installs it at
-- start, on hosted Supabase too), the same transaction also adds the job that sends it; rows
-- made before that are picked up by the worker's sweep. Addresses are read by the worker only,
-- at send time, from auth.users; nothing here holds one.
-- Unsubscribe links carry a token signed in Postgres (HMAC-SHA256, a secret no API role reads),
-- so one POST from a mail client turns a kind of mail off without signing in.

-- tables
create table private.mail_outbox (
  id bigint generated always as identity primary key,
  user_id uuid not null references public.profiles (id) on delete cascade,
  -- An immediate mail tells of one notification; a digest covers (period_start, period_end].
  notification_id uuid unique references public.notifications (id) on delete cascade,
  cadence public.mail_cadence not null check (cadence <> 'off'),
  period_start timestamptz,
  period_end timestamptz,
  created_at timestamptz not null default now(),
  attempts integer not null default 0,
  last_error text,
  sent_at timestamptz,
  skipped_reason text,
  check ((cadence = 'immediately') = (notification_id is not null)),
  check ((cadence = 'immediately') = (period_end is null)),
  check (period_start < period_end),
  -- One digest per member, cadence and period: scheduling twice makes nothing new.
  unique (user_id, cadence, period_end)
);
comment on table private.mail_outbox is 'Each mail the worker must send (once), immediate or digest. No addresses.';

create table private.mail_secret (
  id boolean primary key default true check (id),
  secret bytea not null default extensions.gen_random_bytes(32)
);
insert into private.mail_secret default values;

-- indexes
create index mail_outbox_unsent_idx on private.mail_outbox (created_at)
  where sent_at is null and skipped_reason is null;

-- functions
/** Which preference decides how a notification of this kind is mailed. */
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
    else 'group_activity'
  end
$$;

create or replace function private.cadence_for(member uuid, topic text) returns public.mail_cadence
language sql stable
security definer
set search_path = ''
as $$
  select case topic
    when 'replies' then p.replies
    when 'my_proposals' then p.my_proposals
    when 'supported' then p.supported
    when 'facilitation' then p.facilitation
    else p.group_activity
  end
  from public.mail_preferences p
  join public.profiles pr on pr.id = p.user_id and pr.deleted_at is null
  where p.user_id = member
$$;

/** Whether a mail to `member` may mention this proposal (and comment): never a hidden or
 * deleted one, nor a draft unless the member is one of its authors or invitees. */
create or replace function private.mail_may_mention(member uuid, proposal uuid, comment uuid)
returns boolean
language sql stable
security definer
set search_path = ''
as $$
  select (proposal is null or exists (
            select 1 from public.proposals p
             where p.id = proposal and p.hidden_at is null
               and (p.status <> 'draft'
                    or exists (select 1 from public.proposal_authors a where a.proposal_id = p.id and a.user_id = member))))
     and (comment is null or exists (
            select 1 from public.comments c
             where c.id = comment and c.hidden_at is null and c.deleted_at is null))
$$;

/** Adds the job that sends an outbox row, when graphile-worker's schema is there. */
create or replace function private.enqueue_mail(delivery bigint) returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
  if to_regprocedure('graphile_worker.add_job(text, json, text, timestamptz, integer, text, integer, text[], text)') is not null then
    execute 'select graphile_worker.add_job($1, json_build_object(''delivery'', $2), job_key => $3, max_attempts => 25)'
      using 'send_mail', delivery, 'mail:' || delivery;
  end if;
end;
$$;

create or replace function private.mail_notification() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  delivery bigint;
begin
  if private.cadence_for(new.user_id, private.mail_topic(new.kind)) = 'immediately' then
    insert into private.mail_outbox (user_id, notification_id, cadence)
    values (new.user_id, new.id, 'immediately')
    returning id into delivery;
    perform private.enqueue_mail(delivery);
  end if;
  return null;
end;
$$;

/** What a digest of `member` for (since, until] holds: their notifications whose kind they
 * take at this cadence, and new proposals in the groups they follow (active membership unless
 * muted, or followed), never their own, never hidden or draft. At most `most` items (the
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
        and pr.published_at > since and pr.published_at <= until)
    limit most;
end;
$$;

/** Makes the digests that have fallen due by `at` (each member's hour in their time zone;
 * weekly ones on their weekday), each starting where the member's last one ended. A period
 * with nothing in it is recorded as skipped ('nothing new'), so it is looked at once, never
 * mailed, and the next digest starts after it. Running it twice makes nothing new. Returns
 * how many digests are to be sent.
 * `everyone_now` ends every member's digests at `at` instead (the local outbox's button). */
create or replace function private.schedule_digests(at timestamptz default now(), everyone_now boolean default false)
returns integer
language plpgsql
security definer
set search_path = ''
as $$
declare
  made bigint[];
begin
  with due as (
    select p.user_id, c.cadence,
           case when everyone_now then at
           else case c.cadence
             when 'daily' then (date_trunc('day', at at time zone p.time_zone)
                                + make_interval(hours => p.digest_hour)) at time zone p.time_zone
             else (date_trunc('week', at at time zone p.time_zone)
                   + make_interval(days => p.digest_weekday - 1, hours => p.digest_hour)) at time zone p.time_zone
           end end as period_end
      from public.mail_preferences p
      join public.profiles pr on pr.id = p.user_id and pr.deleted_at is null
      cross join (values ('daily'::public.mail_cadence), ('weekly'::public.mail_cadence)) as c (cadence)
     where c.cadence in (p.replies, p.my_proposals, p.supported, p.group_activity, p.facilitation)
  ), windows as (
    select d.user_id, d.cadence, d.period_end,
           coalesce((select max(o.period_end) from private.mail_outbox o
                      where o.user_id = d.user_id and o.cadence = d.cadence),
                    d.period_end - case d.cadence when 'daily' then interval '1 day' else interval '7 days' end
           ) as period_start
      from due d
     where d.period_end <= at
  ), inserted as (
    insert into private.mail_outbox (user_id, cadence, period_start, period_end, skipped_reason)
    select w.user_id, w.cadence, w.period_start, w.period_end,
           case when not exists (select 1 from private.digest_items(w.user_id, w.cadence, w.period_start, w.period_end, 1))
                then 'nothing new' end
      from windows w
     where w.period_start < w.period_end
    on conflict do nothing
    returning id, skipped_reason
  )
  select coalesce(array_agg(id) filter (where skipped_reason is null), '{}') into made from inserted;
  perform private.enqueue_mail(id) from unnest(made) as id;
  return cardinality(made);
end;
$$;

/** Forgets mail handled over 30 days ago, but keeps each member's latest digest of each
 * cadence (where their next one starts). Returns how many rows went. */
create or replace function private.prune_mail_outbox() returns integer
language plpgsql
security definer
set search_path = ''
as $$
declare
  gone integer;
begin
  delete from private.mail_outbox o
   where o.created_at < now() - interval '30 days'
     and (o.sent_at is not null or o.skipped_reason is not null)
     and (o.cadence = 'immediately'
          or exists (select 1 from private.mail_outbox n
                      where n.user_id = o.user_id and n.cadence = o.cadence and n.period_end > o.period_end));
  get diagnostics gone = row_count;
  return gone;
end;
$$;

/** A token that lets whoever holds it set one kind of mail for one member until `expires`. */
create or replace function private.unsubscribe_token(member uuid, topic text, expires timestamptz)
returns text
language sql stable
security definer
set search_path = ''
as $$
  select payload || '.' || encode(extensions.hmac(convert_to(payload, 'UTF8'), (select secret from private.mail_secret), 'sha256'), 'hex')
    from (select member::text || '.' || topic || '.' || floor(extract(epoch from expires))::bigint::text as payload) as t
$$;

/** The member and kind a token names, if its signature holds and it has not expired. */
create or replace function private.check_unsubscribe_token(token text)
returns table (user_id uuid, topic text)
language plpgsql stable
security definer
set search_path = ''
as $$
declare
  parts text[] := string_to_array(coalesce(token, ''), '.');
begin
  if cardinality(parts) <> 4
     or parts[1] !~ '^[0-9a-f-]{36}$'
     or parts[2] not in ('replies', 'my_proposals', 'supported', 'group_activity', 'facilitation', 'daily', 'weekly')
     or parts[3] !~ '^[0-9]{1,12}$'
     or parts[4] is distinct from encode(extensions.hmac(convert_to(parts[1] || '.' || parts[2] || '.' || parts[3], 'UTF8'),
                                          (select secret from private.mail_secret), 'sha256'), 'hex') then
    raise exception 'This unsubscribe link is not valid. Sign in to change your mail settings.'
      using errcode = '22023';
  end if;
  if to_timestamp(parts[3]::bigint) < now() then
    raise exception 'This unsubscribe link has expired. Sign in to change your mail settings.'
      using errcode = '22023';
  end if;
  return query select parts[1]::uuid, parts[2];
end;
$$;

/** Sets the kind of mail a token names to `choice` (off unless said). */
create or replace function private.apply_unsubscribe(token text, choice public.mail_cadence)
returns text
language plpgsql
security definer
set search_path = ''
as $$
declare
  member uuid;
  chosen text;
begin
  select t.user_id, t.topic into member, chosen from private.check_unsubscribe_token(token) t;
  -- A digest's token ('daily' or 'weekly') names every kind the member takes in that digest.
  update public.mail_preferences p
     set replies = case when chosen in ('replies', p.replies::text) then choice else p.replies end,
         my_proposals = case when chosen in ('my_proposals', p.my_proposals::text) then choice else p.my_proposals end,
         supported = case when chosen in ('supported', p.supported::text) then choice else p.supported end,
         group_activity = case when chosen in ('group_activity', p.group_activity::text) then choice else p.group_activity end,
         facilitation = case when chosen in ('facilitation', p.facilitation::text) then choice else p.facilitation end
   where p.user_id = member;
  return chosen;
end;
$$;

/** Which kind of mail an unsubscribe link is about, and how it is sent now (for its page). */
create or replace function private.read_unsubscribe(token text)
returns table (topic text, cadence public.mail_cadence)
language sql stable
security definer
set search_path = ''
as $$
  select t.topic,
         case when t.topic in ('daily', 'weekly') then t.topic::public.mail_cadence
              else private.cadence_for(t.user_id, t.topic) end
    from private.check_unsubscribe_token(token) t
$$;

create or replace function public.unsubscribe(token text, choice public.mail_cadence default 'off')
returns text
language sql
set search_path = ''
as $$
  select private.apply_unsubscribe(token, choice)
$$;

create or replace function public.unsubscribe_link(token text)
returns table (topic text, cadence public.mail_cadence)
language sql stable
set search_path = ''
as $$
  select * from private.read_unsubscribe(token)
$$;

-- triggers
create trigger notifications_mail
  after insert on public.notifications
  for each row execute function private.mail_notification();

-- grants
revoke all on private.mail_outbox, private.mail_secret from public, anon, authenticated, service_role;
revoke all on function private.mail_topic(public.notification_kind),
  private.cadence_for(uuid, text),
  private.mail_may_mention(uuid, uuid, uuid),
  private.enqueue_mail(bigint),
  private.mail_notification(),
  private.digest_items(uuid, public.mail_cadence, timestamptz, timestamptz, integer),
  private.schedule_digests(timestamptz, boolean),
  private.prune_mail_outbox(),
  private.unsubscribe_token(uuid, text, timestamptz),
  private.check_unsubscribe_token(text),
  private.apply_unsubscribe(text, public.mail_cadence),
  private.read_unsubscribe(text)
  from public, anon, authenticated;
-- The unsubscribe link works without signing in: its token is the permission.
grant execute on function private.apply_unsubscribe(text, public.mail_cadence),
  private.read_unsubscribe(text) to anon, authenticated;
revoke all on function public.unsubscribe(text, public.mail_cadence), public.unsubscribe_link(text) from public;
grant execute on function public.unsubscribe(text, public.mail_cadence), public.unsubscribe_link(text)
  to anon, authenticated;
