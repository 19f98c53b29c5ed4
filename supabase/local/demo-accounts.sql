-- Demo accounts for trying the roles on a local stack. Applied by the local stack on its
-- first boot only (never by the Supabase CLI, so production has none). All share the
-- password "policy-forum-demo"; README.md lists them.

with people (email, display_name, region) as (
  values
    ('admin@demo.policyforum.local', 'Ada Okafor', 'liverpool'),
    ('candidate@demo.policyforum.local', 'Cara Whitfield', 'liverpool'),
    ('buses.facilitator@demo.policyforum.local', 'Bernie Doyle', 'sefton'),
    ('skills.facilitator@demo.policyforum.local', 'Sunita Rao', 'knowsley'),
    ('schools.facilitator@demo.policyforum.local', 'Sam Okoye', 'st-helens'),
    ('housing.facilitator@demo.policyforum.local', 'Hannah Byrne', 'halton'),
    ('tolls.facilitator@demo.policyforum.local', 'Tariq Aziz', 'wirral'),
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

-- A little discussion to look at: published proposals with votes and comments.
with author as (select id from auth.users where email = 'liverpool.member@demo.policyforum.local'),
     grp as (select id from public.groups where slug = 'buses')
insert into public.proposals (group_id, author_id, title, summary, body, status, published_at)
select grp.id, author.id, p.title, p.summary, p.body::jsonb, 'open', now() - p.age
from author, grp, (values
  ('Part-time season tickets',
   'Season tickets priced for people who work two or three days a week.',
   '{"type":"doc","content":[{"type":"heading","attrs":{"level":2},"content":[{"type":"text","text":"The problem"}]},{"type":"paragraph","content":[{"type":"text","text":"Weekly and monthly tickets assume a five-day week. Part-time workers, many of them carers, pay day fares instead."}]},{"type":"heading","attrs":{"level":2},"content":[{"type":"text","text":"What we propose"}]},{"type":"bulletList","content":[{"type":"listItem","content":[{"type":"paragraph","content":[{"type":"text","text":"A carnet of 10 or 12 day tickets, valid for a month"}]}]},{"type":"listItem","content":[{"type":"paragraph","content":[{"type":"text","text":"Priced at the weekly ticket''s daily rate"}]}]}]}]}',
   interval '3 days'),
  ('Bring back the 10A to Halewood',
   'Restore the evening service that linked Halewood to the city centre.',
   '{"type":"doc","content":[{"type":"paragraph","content":[{"type":"text","text":"Since the evening 10A was cut, people in Halewood cannot get home from late shifts without a taxi."}]}]}',
   interval '1 day')
) as p(title, summary, body, age)
where not exists (select 1 from public.proposals where title = p.title);

insert into public.votes (proposal_id, user_id, value)
select p.id, u.id, case when u.email like 'wirral%' and p.title like 'Bring back%' then -1 else 1 end
from public.proposals p
cross join auth.users u
where p.title in ('Part-time season tickets', 'Bring back the 10A to Halewood')
  and u.email like '%.member@demo.policyforum.local'
on conflict do nothing;

insert into public.comments (proposal_id, author_id, body, stance)
select p.id, u.id, c.body, c.stance::public.comment_stance
from public.proposals p
join (values
  ('sefton.member@demo.policyforum.local', 'I work three days a week at the hospital and pay more than my full-time colleagues. This would help a lot.', 'for'),
  ('wirral.member@demo.policyforum.local', 'How would operators be paid for the discount? See https://example.org/fares for how Manchester did it.', 'neutral')
) as c(email, body, stance) on true
join auth.users u on u.email = c.email
where p.title = 'Part-time season tickets'
  and not exists (select 1 from public.comments where proposal_id = p.id);
