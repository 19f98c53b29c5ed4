-- Forwarding the shortlist takes an optional cover note from the facilitators to the
-- candidate, shown beside each forwarded proposal in the candidate's review. A forwarding is
-- kept (who, when, how many, the note) and each proposal it carried points to it.

-- tables
create table public.shortlist_forwardings (
  id uuid primary key default gen_random_uuid(),
  group_id uuid not null references public.groups (id) on delete cascade,
  forwarded_by uuid references public.profiles (id) on delete set null,
  cover_note text not null default '' check (char_length(cover_note) <= 2000),
  proposal_count integer not null default 0 check (proposal_count >= 0),
  forwarded_at timestamptz not null default now()
);
comment on table public.shortlist_forwardings is 'Each time a group''s shortlist went to the candidate, with the facilitators'' cover note. Written by forward_shortlist only.';

create table public.forwarded_proposals (
  proposal_id uuid primary key references public.proposals (id) on delete cascade,
  forwarding_id uuid not null references public.shortlist_forwardings (id) on delete cascade
);
comment on table public.forwarded_proposals is 'Which forwarding took each proposal to the candidate (the latest one).';

-- indexes
create index shortlist_forwardings_group_idx on public.shortlist_forwardings (group_id, forwarded_at desc);
create index shortlist_forwardings_forwarded_by_idx on public.shortlist_forwardings (forwarded_by);
create index forwarded_proposals_forwarding_idx on public.forwarded_proposals (forwarding_id);

-- functions

/** Curators forward every shortlisted proposal of their group to the candidate at once, with
 * an optional cover note. Hidden ones wait until their flags are reviewed. Returns how many
 * were forwarded; nothing is recorded when there was nothing to forward. */
drop function public.forward_shortlist(uuid);
drop function private.forward_shortlist(uuid);

create function private.forward_shortlist(group_id uuid, cover_note text default null)
returns integer
language plpgsql
security definer
set search_path = ''
as $$
declare
  note text := coalesce(private.trim_text(forward_shortlist.cover_note), '');
  new_forwarding uuid;
  forwarded integer;
begin
  if not private.can_curate(forward_shortlist.group_id) then
    raise exception 'Only the group''s facilitators can forward its shortlist.' using errcode = '42501';
  end if;
  if not exists (select 1 from public.groups g where g.id = forward_shortlist.group_id) then
    raise exception 'There is no such group.' using errcode = 'P0001';
  end if;
  if private.group_is_archived(forward_shortlist.group_id) then
    raise exception 'This group is archived: its proposals can no longer change.' using errcode = 'P0001';
  end if;
  if char_length(note) > 2000 then
    raise exception 'Keep the cover note to 2,000 characters.' using errcode = 'P0001';
  end if;
  insert into public.shortlist_forwardings (group_id, forwarded_by, cover_note)
  values (forward_shortlist.group_id, auth.uid(), note)
  returning id into new_forwarding;
  with moved as (
    update public.proposals p
       set status = 'forwarded', status_reason = null
     where p.group_id = forward_shortlist.group_id and p.status = 'shortlisted' and p.hidden_at is null
    returning p.id
  )
  insert into public.forwarded_proposals (proposal_id, forwarding_id)
  select moved.id, new_forwarding from moved
  on conflict on constraint forwarded_proposals_pkey do update set forwarding_id = excluded.forwarding_id;
  get diagnostics forwarded = row_count;
  if forwarded = 0 then
    delete from public.shortlist_forwardings f where f.id = new_forwarding;
  else
    update public.shortlist_forwardings f set proposal_count = forwarded
     where f.id = new_forwarding;
  end if;
  return forwarded;
end;
$$;

create function public.forward_shortlist(group_id uuid, cover_note text default null)
returns integer
language sql security invoker set search_path = ''
as $$ select private.forward_shortlist($1, $2) $$;

-- Who may read a forwarding: the candidate it went to, admins, and the group's curators.
create function private.can_read_forwarding(group_id uuid) returns boolean
language sql stable
security definer
set search_path = ''
as $$
  select private.has_site_role('candidate') or private.can_curate(can_read_forwarding.group_id)
$$;

-- A token from an ended session changes nothing here either (live-accounts).
create trigger refuse_ended_sessions
  before insert or update or delete on public.shortlist_forwardings
  for each statement execute function private.refuse_ended_sessions();
create trigger refuse_ended_sessions
  before insert or update or delete on public.forwarded_proposals
  for each statement execute function private.refuse_ended_sessions();

-- grants
revoke all on function private.forward_shortlist(uuid, text) from public, anon;
grant execute on function private.forward_shortlist(uuid, text) to authenticated;
revoke all on function public.forward_shortlist(uuid, text) from public, anon;
grant execute on function public.forward_shortlist(uuid, text) to authenticated;
revoke all on function private.can_read_forwarding(uuid) from public, anon;
grant execute on function private.can_read_forwarding(uuid) to authenticated;

revoke all on public.shortlist_forwardings from anon, authenticated, service_role;
grant select on public.shortlist_forwardings to authenticated, service_role;
revoke all on public.forwarded_proposals from anon, authenticated, service_role;
grant select on public.forwarded_proposals to authenticated, service_role;

-- RLS and policies
alter table public.shortlist_forwardings enable row level security;

create policy "The candidate and the group's curators can read forwardings"
  on public.shortlist_forwardings for select
  to authenticated
  using ((select private.can_read_forwarding(group_id)));

alter table public.forwarded_proposals enable row level security;

create policy "Which forwarding carried a proposal is as private as the forwarding"
  on public.forwarded_proposals for select
  to authenticated
  using (exists (select 1 from public.shortlist_forwardings f where f.id = forwarding_id));
