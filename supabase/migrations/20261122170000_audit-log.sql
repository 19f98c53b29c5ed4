-- The audit log: every facilitator, candidate and admin action (who, what, when, from which
-- state to which, and why), appended by triggers and by the functions that carry the
-- actions out. Admins read all of it, facilitators their group's part; nobody edits it.
-- It has no foreign keys, so its rows outlive the groups, proposals and members they name.
--
-- This migration logs the actions that already exist: membership decisions and role
-- changes, site roles, group create / edit / archive / restore / delete, and facilitators'
-- edits of other people's proposals. Later migrations log their own actions.

-- tables
create table public.audit_log (
  id bigint generated always as identity primary key,
  -- Null for the database owner's own maintenance and for automatic actions (auto-hide).
  actor_id uuid,
  -- The actor's display name at the time, so the entry still reads well after they leave.
  actor_name text,
  action text not null check (action ~ '^[a-z_]+\.[a-z_]+$'),
  group_id uuid,
  proposal_id uuid,
  comment_id uuid,
  target_user_id uuid,
  from_status text,
  to_status text,
  reason text,
  details jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now()
);
comment on table public.audit_log is 'Append-only record of facilitator, candidate and admin actions. Written by triggers and functions only.';

-- indexes
create index audit_log_group_created_idx on public.audit_log (group_id, created_at desc);
create index audit_log_created_idx on public.audit_log (created_at desc);
create index audit_log_proposal_id_idx on public.audit_log (proposal_id);
create index audit_log_actor_id_idx on public.audit_log (actor_id);
create index audit_log_target_user_id_idx on public.audit_log (target_user_id);

-- functions
/** Appends one entry. The actor is the signed-in member unless the caller says otherwise
 * (null for automatic actions). */
create or replace function private.audit(
  action text,
  group_id uuid default null,
  proposal_id uuid default null,
  comment_id uuid default null,
  target_user_id uuid default null,
  from_status text default null,
  to_status text default null,
  reason text default null,
  details jsonb default '{}'::jsonb,
  actor uuid default auth.uid()
) returns void
language sql
security definer
set search_path = ''
as $$
  insert into public.audit_log (
    actor_id, actor_name, action, group_id, proposal_id, comment_id, target_user_id,
    from_status, to_status, reason, details
  )
  values (
    audit.actor,
    (select p.display_name from public.profiles p where p.id = audit.actor),
    audit.action, audit.group_id, audit.proposal_id, audit.comment_id, audit.target_user_id,
    audit.from_status, audit.to_status, audit.reason, coalesce(audit.details, '{}'::jsonb)
  )
$$;

-- Refuses every change and removal, even in the database owner's sessions. A migration
-- that must correct the log says so first: set local policy_forum.audit_log_maintenance = 'on'.
create or replace function private.keep_audit_log() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if coalesce(current_setting('policy_forum.audit_log_maintenance', true), '') = 'on' then
    if tg_level = 'STATEMENT' then
      return null;
    end if;
    return case when tg_op = 'DELETE' then old else new end;
  end if;
  raise exception 'The audit log is append-only: its entries cannot be changed or removed.'
    using errcode = '42501';
end;
$$;

-- Joining and leaving are the member's own business; what others do to a membership, and
-- every change of role (an admin appointing themself, a facilitator stepping down), is
-- logged. Rows removed because their group or member was deleted are not decisions.
create or replace function private.audit_membership() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  actor uuid := auth.uid();
begin
  if tg_op = 'INSERT' then
    if actor is distinct from new.user_id or new.role = 'facilitator' then
      perform private.audit(
        case when new.role = 'facilitator' then 'membership.appoint_facilitator' else 'membership.add' end,
        new.group_id, target_user_id => new.user_id, to_status => new.status::text,
        details => jsonb_build_object('role', new.role));
    end if;
  elsif tg_op = 'UPDATE' then
    if new.role <> old.role then
      perform private.audit(
        case when new.role = 'facilitator' then 'membership.appoint_facilitator' else 'membership.remove_facilitator' end,
        new.group_id, target_user_id => new.user_id, from_status => old.role::text, to_status => new.role::text);
    end if;
    if new.status <> old.status then
      perform private.audit(
        case when old.status = 'pending' and new.status = 'active' then 'membership.approve' else 'membership.change_status' end,
        new.group_id, target_user_id => new.user_id, from_status => old.status::text, to_status => new.status::text);
    end if;
  elsif (actor is distinct from old.user_id or old.role = 'facilitator')
    and exists (select 1 from public.groups where id = old.group_id)
    and exists (select 1 from public.profiles where id = old.user_id) then
    perform private.audit(
      case when old.status = 'pending' then 'membership.decline' else 'membership.remove' end,
      old.group_id, target_user_id => old.user_id, from_status => old.status::text,
      details => jsonb_build_object('role', old.role));
  end if;
  return null;
end;
$$;

create or replace function private.audit_site_role() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    perform private.audit('site_role.grant', target_user_id => new.user_id, to_status => new.role::text);
  elsif exists (select 1 from public.profiles where id = old.user_id) then
    perform private.audit('site_role.revoke', target_user_id => old.user_id, from_status => old.role::text);
  end if;
  return null;
end;
$$;

create or replace function private.audit_group() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  changes jsonb;
begin
  if tg_op = 'INSERT' then
    perform private.audit('group.create', new.id, details => jsonb_build_object('slug', new.slug, 'name', new.name));
  elsif tg_op = 'DELETE' then
    perform private.audit('group.delete', old.id, details => jsonb_build_object('slug', old.slug, 'name', old.name));
  else
    if new.archived_at is distinct from old.archived_at then
      perform private.audit(case when new.archived_at is null then 'group.restore' else 'group.archive' end, new.id);
    end if;
    select jsonb_object_agg(n.key, jsonb_build_object('from', o.value, 'to', n.value))
      into changes
      from jsonb_each(to_jsonb(new)) n
      join jsonb_each(to_jsonb(old)) o using (key)
     where n.key in ('slug', 'name', 'summary', 'description', 'horizon', 'join_policy', 'position')
       and n.value is distinct from o.value;
    if changes is not null then
      perform private.audit('group.edit', new.id, details => changes);
    end if;
  end if;
  return null;
end;
$$;

/** A facilitator or admin saving someone else's proposal. Authors' own saves are not logged. */
create or replace function private.audit_proposal_edit() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if auth.uid() is not null and not private.is_proposal_author(new.id) then
    perform private.audit('proposal.edit', new.group_id, new.id, target_user_id => new.author_id,
      details => jsonb_build_object('from_version', old.version, 'to_version', new.version));
  end if;
  return null;
end;
$$;

-- triggers
create trigger audit_log_append_only
  before update or delete on public.audit_log
  for each row execute function private.keep_audit_log();

create trigger audit_log_no_truncate
  before truncate on public.audit_log
  for each statement execute function private.keep_audit_log();

create trigger group_members_audit
  after insert or update of role, status or delete on public.group_members
  for each row execute function private.audit_membership();

create trigger site_roles_audit
  after insert or delete on public.site_roles
  for each row execute function private.audit_site_role();

create trigger groups_audit
  after insert or delete
    or update of slug, name, summary, description, horizon, join_policy, position, archived_at
  on public.groups
  for each row execute function private.audit_group();

create trigger proposals_audit_edit
  after update on public.proposals
  for each row when (old.version is distinct from new.version)
  execute function private.audit_proposal_edit();

-- grants
revoke all on function private.audit(text, uuid, uuid, uuid, uuid, text, text, text, jsonb, uuid),
  private.keep_audit_log(), private.audit_membership(), private.audit_site_role(), private.audit_group(),
  private.audit_proposal_edit()
  from public, anon, authenticated;

-- Not even the service role writes it through the API.
revoke all on public.audit_log from anon, authenticated, service_role;
grant select on public.audit_log to authenticated, service_role;

-- RLS and policies
alter table public.audit_log enable row level security;

create policy "Admins read the whole audit log; facilitators read their group's entries"
  on public.audit_log for select
  to authenticated
  using ((select private.is_admin()) or (select private.is_group_facilitator(group_id)));
