-- The campaign the forum serves: its name, slogan and commitments are data, so another
-- campaign can run the same software with its own seed.

-- tables
create table public.campaign (
  id boolean primary key default true check (id),
  name text not null check (char_length(name) between 2 and 120),
  slogan text not null default '' check (char_length(slogan) <= 200),
  intro text not null default '' check (char_length(intro) <= 2000),
  region_name text not null default '' check (char_length(region_name) <= 120),
  updated_at timestamptz not null default now()
);
comment on table public.campaign is 'The one campaign this deployment serves (a single row).';

create table public.commitments (
  id uuid primary key default gen_random_uuid(),
  position smallint not null default 0,
  title text not null check (char_length(title) between 2 and 160),
  body text not null default '' check (char_length(body) <= 1000),
  group_id uuid references public.groups (id) on delete set null
);
comment on table public.commitments is 'The campaign''s public commitments, each usually answered by a policy group.';

-- indexes
create index commitments_group_id_idx on public.commitments (group_id);
create index commitments_position_idx on public.commitments (position);

-- triggers
create trigger campaign_touch_updated_at
  before update on public.campaign
  for each row execute function private.touch_updated_at();

-- grants
revoke all on public.campaign, public.commitments from anon, authenticated;
grant select on public.campaign, public.commitments to anon, authenticated;
grant update (name, slogan, intro, region_name) on public.campaign to authenticated;
grant insert (position, title, body, group_id), update (position, title, body, group_id), delete
  on public.commitments to authenticated;

-- RLS and policies
alter table public.campaign enable row level security;
alter table public.commitments enable row level security;

create policy "Anyone can read the campaign"
  on public.campaign for select
  to anon, authenticated
  using (true);

create policy "Admins can edit the campaign"
  on public.campaign for update
  to authenticated
  using ((select private.is_admin()))
  with check ((select private.is_admin()));

create policy "Anyone can read the commitments"
  on public.commitments for select
  to anon, authenticated
  using (true);

create policy "Admins can add commitments"
  on public.commitments for insert
  to authenticated
  with check ((select private.is_admin()));

create policy "Admins can edit commitments"
  on public.commitments for update
  to authenticated
  using ((select private.is_admin()))
  with check ((select private.is_admin()));

create policy "Admins can remove commitments"
  on public.commitments for delete
  to authenticated
  using ((select private.is_admin()));
