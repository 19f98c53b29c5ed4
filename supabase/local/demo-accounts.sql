-- Demo accounts for trying the roles on a local stack. Applied by the local stack on its
-- first boot only (never by the Supabase CLI, so production has none). All share the
-- password "policy-forum-demo"; README.md lists them.

with people (email, display_name, region) as (
  values
    ('admin@demo.policyforum.local', 'Ada Admin', 'liverpool'),
    ('candidate@demo.policyforum.local', 'The Candidate', 'liverpool'),
    ('buses.facilitator@demo.policyforum.local', 'Bernie (Buses facilitator)', 'sefton'),
    ('skills.facilitator@demo.policyforum.local', 'Sunita (Skills facilitator)', 'knowsley'),
    ('schools.facilitator@demo.policyforum.local', 'Sam (Schools facilitator)', 'st-helens'),
    ('housing.facilitator@demo.policyforum.local', 'Hannah (Housing facilitator)', 'halton'),
    ('tolls.facilitator@demo.policyforum.local', 'Tariq (Tolls facilitator)', 'wirral'),
    ('liverpool.member@demo.policyforum.local', 'Lena from Liverpool', 'liverpool'),
    ('sefton.member@demo.policyforum.local', 'Sean from Sefton', 'sefton'),
    ('knowsley.member@demo.policyforum.local', 'Kofi from Knowsley', 'knowsley'),
    ('sthelens.member@demo.policyforum.local', 'Sian from St Helens', 'st-helens'),
    ('halton.member@demo.policyforum.local', 'Harry from Halton', 'halton'),
    ('wirral.member@demo.policyforum.local', 'Wendy from Wirral', 'wirral')
)
insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
  raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
select '00000000-0000-0000-0000-000000000000', gen_random_uuid(), 'authenticated', 'authenticated', email,
  extensions.crypt('policy-forum-demo', extensions.gen_salt('bf', 10)), now(),
  '{"provider": "email", "providers": ["email"]}'::jsonb,
  jsonb_build_object('display_name', display_name, 'region', region), now(), now()
from people
where not exists (select 1 from auth.users u where u.email = people.email);

insert into public.site_roles (user_id, role)
select u.id, r.role::public.site_role
from (values ('admin@demo.policyforum.local', 'admin'), ('candidate@demo.policyforum.local', 'candidate')) as r(email, role)
join auth.users u on u.email = r.email
on conflict do nothing;

insert into public.group_members (group_id, user_id, role)
select g.id, u.id, 'facilitator'
from public.groups g
join auth.users u on u.email = g.slug || '.facilitator@demo.policyforum.local'
on conflict do nothing;

insert into public.group_members (group_id, user_id, role)
select g.id, u.id, 'member'
from public.groups g
cross join auth.users u
where u.email like '%.member@demo.policyforum.local' and g.join_policy = 'open'
on conflict do nothing;
