-- The first campaign's data: the Liverpool City Region metro-mayor campaign. Another
-- campaign replaces this file; the app has none of it hard-coded.

insert into public.regions (slug, name, is_borough, position) values
  ('liverpool', 'Liverpool', true, 1),
  ('sefton', 'Sefton', true, 2),
  ('knowsley', 'Knowsley', true, 3),
  ('st-helens', 'St Helens', true, 4),
  ('halton', 'Halton', true, 5),
  ('wirral', 'Wirral', true, 6),
  ('elsewhere', 'Elsewhere', false, 7)
on conflict (slug) do update
  set name = excluded.name, is_borough = excluded.is_borough, position = excluded.position;

insert into public.groups (slug, name, summary, description, horizon, join_policy, position) values
  (
    'buses',
    'Buses',
    'A bus network that serves communities before operators: routes back to the estates and villages that have been cut off, step-free access, and fares that fit how people work now.',
    E'Too many places in the city region have lost the bus that linked them to work, college and the doctor''s. The campaign has committed to a network run for the people who use it rather than for operators'' margins.\n\nThis group works on what that means in practice: which cut-off areas need a service back first; what full disabled access looks like, from the kerb to the timetable; and part-time season tickets, so that people who work two or three days a week are not paying for seven.\n\nGood proposals name the place, the people affected and what would change for them in the first year.',
    'quick_win',
    'open',
    1
  ),
  (
    'skills',
    'Skills',
    'Skills for residents who are out of work, better use of the apprenticeship levy, and real links between city hall, employers and colleges.',
    E'Thousands of residents want work and cannot get past the first interview because the training that would get them there is not on offer near them, or not at a time they can manage.\n\nThis group works on skills for out-of-work residents; on making the apprenticeship levy pay for apprenticeships here instead of flowing back unspent; and on bringing city hall, employers and the colleges to one table so that courses lead to jobs that exist.\n\nGood proposals say who would be trained, by whom, and which employers are ready to hire.',
    'strategic',
    'open',
    2
  ),
  (
    'schools',
    'Schools',
    'Raising school performance where it is weakest, and qualifications that give every school leaver a real next step.',
    E'Results across the city region are uneven, and the gap opens early. The mayor does not run schools, but can convene them, back what works and make the case for funding.\n\nThis group looks further ahead than the others: how to lift performance in the schools that are struggling most, and how to make sure every school leaver leaves with qualifications that open a door — to college, an apprenticeship or a job.\n\nGood proposals draw on what has worked in schools like ours and are honest about what the mayor''s office can and cannot do.',
    'long_term',
    'request',
    3
  ),
  (
    'housing',
    'Housing',
    'An end to poor-quality housing and a plan for healthy places to live, in every borough.',
    E'Damp, cold and overcrowded homes make people ill and hold children back at school. Too many residents rent homes that would fail any fair inspection.\n\nThis group works on tackling poor-quality housing — standards for landlords, help for owners who cannot afford repairs — and on healthy places to live: green space, clean air and streets that are safe to walk.\n\nGood proposals are specific about the homes or streets they would change and how the work would be paid for.',
    'strategic',
    'open',
    4
  ),
  (
    'tolls',
    'Bridge & tunnel tolls',
    'Removing the tolls on the Mersey crossings that divide the region and tax the people who can least afford them.',
    E'The tolls on the Mersey tunnels and the bridge split the city region in two. They cost a daily commuter hundreds of pounds a year and keep families, workers and businesses on either side of the river apart.\n\nThe campaign has committed to removing them. This group works on how: the order of steps, what replaces the income, and who benefits first.\n\nGood proposals show the sums and who gains, borough by borough.',
    'quick_win',
    'open',
    5
  )
on conflict (slug) do nothing;

insert into public.campaign (name, slogan, intro, region_name) values (
  'Liverpool City Region for Everyone',
  'Together, we can…',
  'This is where the campaign''s members shape the policies our candidate for metro mayor will take into office. Join a policy group, put forward a proposal, argue it out and vote. Facilitators bring the strongest proposals to the candidate, who answers every one of them here, in public.',
  'Liverpool City Region'
)
on conflict (id) do update
  set name = excluded.name, slogan = excluded.slogan, intro = excluded.intro, region_name = excluded.region_name;

insert into public.commitments (position, title, body, group_id)
select c.position, c.title, c.body, g.id
from (values
  (1, 'Buses that serve communities before operators', 'Reconnect the areas that have been cut off, make every journey accessible to disabled passengers, and offer part-time season tickets for people who do not work five days a week.', 'buses'),
  (2, 'Skills that lead to work', 'Training for residents who are out of work, the apprenticeship levy spent here, and city hall, employers and colleges planning together.', 'skills'),
  (3, 'Schools where every child gets a fair start', 'Lift performance where it is weakest and make sure every school leaver has the qualifications for a next step.', 'schools'),
  (4, 'Healthy homes and places to live', 'Take on poor-quality housing and build neighbourhoods that are good for our health.', 'housing'),
  (5, 'A region no longer divided by tolls', 'Remove the tolls on the Mersey tunnels and bridge that split the region and tax the people who can least afford them.', 'tolls')
) as c(position, title, body, slug)
join public.groups g on g.slug = c.slug
where not exists (select 1 from public.commitments);
