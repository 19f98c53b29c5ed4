-- Safe public acts for the candidate: an answer is a private draft first (saved, previewed as
-- the public will see it, then published by publish_answer), and a published answer that is
-- corrected keeps each earlier wording, shown as corrected on the proposal page.

-- tables

-- One draft per proposal: the candidate's next answer, or the correction of the published one.
create table public.candidate_answer_drafts (
  proposal_id uuid primary key references public.proposals (id) on delete cascade,
  decision public.candidate_decision not null,
  explanation text not null check (char_length(explanation) between 1 and 5000),
  drafted_by uuid not null default auth.uid() references public.profiles (id) on delete cascade,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.candidate_answer_drafts is 'The candidate''s unpublished answers. Seen and written by the candidate only; publish_answer makes one public.';

-- Append-only: each wording a published answer had before it was corrected.
create table public.candidate_response_versions (
  id uuid primary key default gen_random_uuid(),
  proposal_id uuid not null references public.candidate_responses (proposal_id) on delete cascade,
  decision public.candidate_decision not null,
  explanation text not null,
  published_at timestamptz not null,
  corrected_at timestamptz not null default now()
);
comment on table public.candidate_response_versions is 'Earlier wordings of a corrected answer, public with the answer. Written by trigger only.';

-- indexes
create index candidate_answer_drafts_drafted_by_idx on public.candidate_answer_drafts (drafted_by);
create index candidate_response_versions_proposal_idx
  on public.candidate_response_versions (proposal_id, corrected_at desc);

-- functions

/** Publishes the candidate's draft for a proposal exactly as it was saved (and previewed),
 * then discards the draft. The rules of answer_proposal apply. */
create function private.publish_answer(proposal_id uuid)
returns public.candidate_responses
language plpgsql
security definer
set search_path = ''
as $$
declare
  draft public.candidate_answer_drafts;
  response public.candidate_responses;
begin
  if not private.has_site_role('candidate') then
    raise exception 'Only the candidate can publish answers.' using errcode = '42501';
  end if;
  select * into draft from public.candidate_answer_drafts d
   where d.proposal_id = publish_answer.proposal_id for update;
  if draft.proposal_id is null then
    raise exception 'There is no saved draft to publish: save your answer first.' using errcode = 'P0001';
  end if;
  select * into response
    from private.answer_proposal(draft.proposal_id, draft.decision::text, draft.explanation);
  delete from public.candidate_answer_drafts d where d.proposal_id = draft.proposal_id;
  return response;
end;
$$;

create function public.publish_answer(proposal_id uuid)
returns public.candidate_responses
language sql security invoker set search_path = ''
as $$ select * from private.publish_answer($1) $$;

-- Keeps the wording being replaced, so the public page can show what was corrected.
create function private.keep_corrected_answer() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if (new.decision, new.explanation) is distinct from (old.decision, old.explanation) then
    insert into public.candidate_response_versions (proposal_id, decision, explanation, published_at)
    values (old.proposal_id, old.decision, old.explanation, old.updated_at);
  end if;
  return new;
end;
$$;

-- A draft is only for a proposal with the candidate (forwarded or answered); its author and
-- times are the database's, not the client's.
create function private.check_answer_draft() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if not exists (
    select 1 from public.proposals p
     where p.id = new.proposal_id and p.status in ('forwarded', 'adopted', 'considering', 'declined')
  ) then
    raise exception 'Only proposals forwarded to the candidate can be answered.' using errcode = 'P0001';
  end if;
  new.drafted_by := auth.uid();
  if tg_op = 'INSERT' then
    new.created_at := now();
  else
    new.proposal_id := old.proposal_id;
    new.created_at := old.created_at;
  end if;
  new.updated_at := now();
  return new;
end;
$$;

-- triggers
create trigger candidate_responses_keep_corrected
  before update on public.candidate_responses
  for each row execute function private.keep_corrected_answer();

create trigger candidate_answer_drafts_check
  before insert or update on public.candidate_answer_drafts
  for each row execute function private.check_answer_draft();

-- A token from an ended session changes nothing here either (live-accounts).
create trigger refuse_ended_sessions
  before insert or update or delete on public.candidate_answer_drafts
  for each statement execute function private.refuse_ended_sessions();
create trigger refuse_ended_sessions
  before insert or update or delete on public.candidate_response_versions
  for each statement execute function private.refuse_ended_sessions();

-- grants
revoke all on function private.publish_answer(uuid) from public, anon;
grant execute on function private.publish_answer(uuid) to authenticated;
revoke all on function public.publish_answer(uuid) from public, anon;
grant execute on function public.publish_answer(uuid) to authenticated;
revoke all on function private.keep_corrected_answer(), private.check_answer_draft()
  from public, anon, authenticated;

revoke all on public.candidate_answer_drafts from anon, authenticated, service_role;
grant select, delete on public.candidate_answer_drafts to authenticated;
-- update on proposal_id too, because an upsert sets every column it sends; the trigger keeps
-- a draft on its proposal.
grant insert (proposal_id, decision, explanation), update (proposal_id, decision, explanation)
  on public.candidate_answer_drafts to authenticated;
grant select on public.candidate_answer_drafts to service_role;

revoke all on public.candidate_response_versions from anon, authenticated, service_role;
grant select on public.candidate_response_versions to anon, authenticated, service_role;

-- RLS and policies
alter table public.candidate_answer_drafts enable row level security;

create policy "The candidate can read their drafts"
  on public.candidate_answer_drafts for select
  to authenticated
  using ((select private.has_site_role('candidate')));

create policy "The candidate can draft answers"
  on public.candidate_answer_drafts for insert
  to authenticated
  with check ((select private.has_site_role('candidate')));

create policy "The candidate can change their drafts"
  on public.candidate_answer_drafts for update
  to authenticated
  using ((select private.has_site_role('candidate')))
  with check ((select private.has_site_role('candidate')));

create policy "The candidate can discard their drafts"
  on public.candidate_answer_drafts for delete
  to authenticated
  using ((select private.has_site_role('candidate')));

alter table public.candidate_response_versions enable row level security;

create policy "Corrected answers are as public as their proposal"
  on public.candidate_response_versions for select
  to anon, authenticated
  using ((select private.can_read_proposal(proposal_id)));
