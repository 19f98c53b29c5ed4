-- The candidate's answers: on every proposal forwarded to them, the candidate decides
-- (adopted, under consideration, not taken forward) and explains why, in public. The
-- proposal's status follows the decision; the candidate may revise an answer. Authors and
-- supporters are told, once each, and the answer is logged.

-- tables
create type public.candidate_decision as enum ('adopted', 'considering', 'declined');

create table public.candidate_responses (
  proposal_id uuid primary key references public.proposals (id) on delete cascade,
  decision public.candidate_decision not null,
  explanation text not null check (char_length(explanation) between 1 and 5000),
  responded_by uuid references public.profiles (id) on delete set null,
  -- The first answer; updated_at moves with each revision.
  responded_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.candidate_responses is 'The candidate''s public answer to a forwarded proposal. Written by answer_proposal only.';

-- indexes
create index candidate_responses_responded_by_idx on public.candidate_responses (responded_by);

-- functions
/** The candidate answers a forwarded proposal, or revises an answer already given. */
create or replace function public.answer_proposal(proposal_id uuid, decision text, explanation text)
returns public.candidate_responses
language plpgsql
security definer
set search_path = ''
as $$
declare
  proposal public.proposals;
  clean_explanation text := private.trim_text(answer_proposal.explanation);
  response public.candidate_responses;
begin
  if not private.has_site_role('candidate') then
    raise exception 'Only the candidate can answer proposals.' using errcode = '42501';
  end if;
  select * into proposal from public.proposals p where p.id = answer_proposal.proposal_id for no key update;
  if proposal.id is null or not private.can_read_proposal(proposal.id) then
    raise exception 'This proposal does not exist, or you cannot see it.' using errcode = '42501';
  end if;
  if proposal.status not in ('forwarded', 'adopted', 'considering', 'declined') then
    raise exception 'Only proposals forwarded to the candidate can be answered.' using errcode = 'P0001';
  end if;
  if answer_proposal.decision is null or answer_proposal.decision not in ('adopted', 'considering', 'declined') then
    raise exception 'Choose a decision: adopted, considering or declined.' using errcode = 'P0001';
  end if;
  if coalesce(char_length(clean_explanation), 0) not between 1 and 5000 then
    raise exception 'Explain your decision, in up to 5,000 characters.' using errcode = 'P0001';
  end if;

  insert into public.candidate_responses as r (proposal_id, decision, explanation, responded_by)
  values (proposal.id, answer_proposal.decision::public.candidate_decision, clean_explanation, auth.uid())
  on conflict on constraint candidate_responses_pkey do update
    set decision = excluded.decision,
        explanation = excluded.explanation,
        responded_by = excluded.responded_by,
        updated_at = now()
  returning * into response;
  update public.proposals p
     set status = response.decision::text::public.proposal_status
   where p.id = proposal.id and p.status::text <> response.decision::text;
  return response;
end;
$$;

-- The proposal's status is still the one before the answer when this runs (answer_proposal
-- writes the answer first), so the log shows the move it makes.
create or replace function private.after_candidate_response() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  proposal public.proposals;
  sentence text;
begin
  if tg_op = 'UPDATE' and (new.decision, new.explanation) is not distinct from (old.decision, old.explanation) then
    return null;
  end if;
  select * into proposal from public.proposals where id = new.proposal_id;
  perform private.audit(case when tg_op = 'INSERT' then 'proposal.answer' else 'proposal.revise_answer' end,
    proposal.group_id, proposal.id, target_user_id => proposal.author_id,
    from_status => proposal.status::text, to_status => new.decision::text, reason => new.explanation);
  sentence := case new.decision
    when 'adopted' then format('The candidate adopted “%s”', proposal.title)
    when 'considering' then format('The candidate is considering “%s”', proposal.title)
    else format('The candidate will not take “%s” forward', proposal.title)
  end;
  if tg_op = 'UPDATE' then
    sentence := 'Answer updated: ' || sentence;
  end if;
  perform private.notify(
    array(select a.user_id from public.proposal_authors a where a.proposal_id = proposal.id
          union
          select v.user_id from public.votes v where v.proposal_id = proposal.id and v.value = 1),
    'candidate_answer', sentence, new.responded_by, proposal.group_id, proposal.id);
  return null;
end;
$$;

-- triggers
create trigger candidate_responses_touch_updated_at
  before update on public.candidate_responses
  for each row execute function private.touch_updated_at();

create trigger candidate_responses_after_write
  after insert or update on public.candidate_responses
  for each row execute function private.after_candidate_response();

-- grants
revoke all on function private.after_candidate_response() from public, anon, authenticated;
revoke all on function public.answer_proposal(uuid, text, text) from public, anon;
grant execute on function public.answer_proposal(uuid, text, text) to authenticated;

revoke all on public.candidate_responses from anon, authenticated, service_role;
grant select on public.candidate_responses to anon, authenticated, service_role;

-- RLS and policies
alter table public.candidate_responses enable row level security;

create policy "The candidate's answers are as public as their proposal"
  on public.candidate_responses for select
  to anon, authenticated
  using ((select private.can_read_proposal(proposal_id)));
