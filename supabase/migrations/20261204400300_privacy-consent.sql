-- Explicit consent at sign-up. What members post shows their political opinions (special
-- category data under UK GDPR), so the sign-up form shows a plain notice of what is public
-- and asks for explicit consent; the consent is recorded, with the notice's version, when
-- the account's profile is made. The sign-up sends the version in its metadata; only the
-- current version counts, and nobody writes or changes a consent through the API. Members
-- who joined before the notice have none recorded.

-- tables
create table public.privacy_consents (
  user_id uuid primary key references public.profiles (id) on delete cascade,
  notice_version text not null check (notice_version ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
  consented_at timestamptz not null default now()
);
comment on table public.privacy_consents is 'Each member''s explicit consent to the privacy notice at sign-up. Written by trigger only; readable by the member.';

-- indexes: the primary key serves the only read (a member's own row).

-- functions
/** The privacy notice the sign-up form shows now (app/utils/privacy-notice.ts says the same). */
create function private.current_privacy_notice() returns text
language sql immutable
set search_path = ''
as $$ select '2026-12-04'::text $$;

-- Records the consent the sign-up sent, if it names the current notice.
create function private.record_privacy_consent() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  agreed text;
begin
  select u.raw_user_meta_data ->> 'privacy_notice' into agreed from auth.users u where u.id = new.id;
  if agreed is not null and agreed = private.current_privacy_notice() then
    insert into public.privacy_consents (user_id, notice_version) values (new.id, agreed)
    on conflict on constraint privacy_consents_pkey do nothing;
  end if;
  return null;
end;
$$;

-- triggers
create trigger profiles_record_privacy_consent
  after insert on public.profiles
  for each row execute function private.record_privacy_consent();

-- A token from an ended session changes nothing here either (live-accounts).
create trigger refuse_ended_sessions
  before insert or update or delete on public.privacy_consents
  for each statement execute function private.refuse_ended_sessions();

-- grants
revoke all on function private.record_privacy_consent() from public, anon, authenticated;
revoke all on function private.current_privacy_notice() from public, anon, authenticated;

revoke all on public.privacy_consents from anon, authenticated, service_role;
grant select on public.privacy_consents to authenticated, service_role;

-- RLS and policies
alter table public.privacy_consents enable row level security;

create policy "Members can read their own consent"
  on public.privacy_consents for select
  to authenticated
  using (user_id = (select auth.uid()));
