// The living demo (supabase/local/demo) on a throw-away stack built as `npm run db:reset`
// builds it: made by the rules, so its counters are exact; and each demo account's first page
// has real work on it, as README's table promises.
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoPassword } from '../../supabase/local/demo/people'
import { useStack, Visitor } from '../support/app'
import { readPage } from '../support/page'
import { clientOf, startOwnStack, type OwnStack } from '../support/own-stack'

let stack: OwnStack
let db: pg.Client
beforeAll(async () => {
  stack = await startOwnStack({}, undefined, { demoAccounts: true })
  useStack(stack)
  db = new pg.Client({ connectionString: stack.dbUrl })
  await db.connect()
}, 120_000)
afterAll(async () => {
  await db?.end()
  await stack?.remove()
})

async function signInAs(local: string) {
  const visitor = new Visitor()
  const response = await visitor.post('/signin', {
    email: `${local}@demo.policyforum.local`,
    password: demoPassword,
  })
  expect(response.status).toBe(302)
  return visitor
}

async function proposalId(title: string) {
  const { rows } = await db.query<{ id: string; slug: string }>(
    'select p.id, g.slug from public.proposals p join public.groups g on g.id = p.group_id where p.title = $1',
    [title],
  )
  expect(rows).toHaveLength(1)
  return `/groups/${rows[0]!.slug}/proposals/${rows[0]!.id}`
}

describe('the demo seed', () => {
  it('leaves every counter and score exact', async () => {
    expect((await db.query('select * from private.counter_drift()')).rows).toEqual([])
    expect((await db.query('select * from private.proposal_count_drift()')).rows).toEqual([])
  })

  it('is made by the people who would make it, as the audit log and the votes record', async () => {
    const { rows: curation } = await db.query<{ slug: string; actor: string | null }>(
      `select distinct g.slug, a.actor_name as actor
         from public.audit_log a join public.groups g on g.id = a.group_id
        where a.action in ('proposal.shortlist', 'proposal.forward', 'proposal.merge', 'comment.hide')`,
    )
    expect(curation.sort((a, b) => a.slug.localeCompare(b.slug))).toEqual([
      { slug: 'buses', actor: 'Bernie Doyle' },
      { slug: 'housing', actor: 'Hannah Byrne' },
      { slug: 'schools', actor: 'Sam Okoye' },
      { slug: 'skills', actor: 'Sunita Rao' },
      { slug: 'tolls', actor: 'Tariq Aziz' },
    ])
    const { rows: answers } = await db.query<{ actor: string; n: number }>(
      `select actor_name as actor, count(*)::int as n from public.audit_log
        where action = 'proposal.answer' group by 1`,
    )
    expect(answers).toEqual([{ actor: 'Cara Whitfield', n: 5 }])
    // Each vote carries its voter's borough, written by the votes trigger from their profile.
    const { rows: votes } = await db.query<{ mismatched: number; total: number }>(
      `select count(*) filter (where v.region is distinct from p.region)::int as mismatched,
              count(*)::int as total
         from public.votes v join public.profiles p on p.id = v.user_id`,
    )
    expect(votes[0]).toEqual({ mismatched: 0, total: expect.any(Number) })
    expect(votes[0]!.total).toBeGreaterThan(1000)
  })

  it('shows every stage of the lifecycle, and votes from every borough', async () => {
    const { rows } = await db.query<{ status: string }>(
      'select distinct status::text from public.proposals',
    )
    expect(rows.map((row) => row.status).sort()).toEqual(
      [
        'adopted',
        'archived',
        'considering',
        'declined',
        'draft',
        'forwarded',
        'merged',
        'open',
        'shortlisted',
      ].sort(),
    )
    const groups = await db.query<{ slug: string; statuses: string[] }>(
      `select g.slug, array_agg(distinct p.status::text) as statuses
         from public.groups g join public.proposals p on p.group_id = g.id group by g.slug`,
    )
    for (const group of groups.rows) {
      expect(group.statuses, group.slug).toEqual(
        expect.arrayContaining(['open', 'shortlisted', 'forwarded']),
      )
    }
    // Six boroughs with at least five voters on the adopted proposal, so the table shows each.
    const anon = clientOf(stack)
    const { data: adopted } = await anon
      .from('proposals')
      .select('id')
      .eq('title', 'Part-time season tickets')
      .single()
    const { data: tallies, error } = await anon.rpc('borough_support', {
      proposal_ids: [adopted!.id],
    })
    expect(error).toBeNull()
    const shown = (tallies ?? []).filter((t) => t.support !== null)
    expect(shown.map((t) => t.region).sort()).toEqual(
      ['halton', 'knowsley', 'liverpool', 'sefton', 'st-helens', 'wirral'].sort(),
    )
    // "Unites the region" and Top disagree: the Halewood bus is carried by one borough.
    const { data: scores } = await anon
      .from('proposals')
      .select('title, top_score, region_score')
      .in('title', ['Bring back the evening 10A to Halewood', 'Part-time season tickets'])
    const halewood = scores!.find((s) => s.title.startsWith('Bring back'))!
    const tickets = scores!.find((s) => s.title === 'Part-time season tickets')!
    expect(halewood.top_score / halewood.region_score).toBeGreaterThan(
      tickets.top_score / tickets.region_score,
    )
  })
})

describe('the demo’s priority ballots', () => {
  it('Buses shows a counted ballot round by round; Housing one still open to rank', async () => {
    const { rows } = await db.query<{ slug: string; id: string; counted: boolean; rounds: number }>(
      `select g.slug, b.id, b.counted_at is not null as counted,
              (select count(*)::int from public.ballot_rounds r where r.ballot_id = b.id) as rounds
         from public.ballots b join public.groups g on g.id = b.group_id order by g.slug`,
    )
    expect(rows.map((r) => [r.slug, r.counted])).toEqual([
      ['buses', true],
      ['housing', false],
    ])
    expect(rows[0]!.rounds).toBeGreaterThanOrEqual(2)
    const result = await readPage(await new Visitor().get(`/groups/buses/ballots/${rows[0]!.id}`))
    expect(result.headings(3)).toEqual(expect.arrayContaining(['Round 1', 'Round 2']))
    expect(result.text).toMatch(/First priority: /)
    const open = await readPage(
      await (await signInAs('housing.facilitator')).get(`/groups/housing/ballots/${rows[1]!.id}`),
    )
    expect(open.headings(2)).toContain('Rank the options')
  })
})

describe('each demo account finds work on its first page', () => {
  it('the candidate: forwarded proposals waiting for an answer', async () => {
    const page = await readPage(await (await signInAs('candidate')).get('/review'))
    expect(page.status).toBe(200)
    expect(page.text).not.toContain('Nothing is waiting for an answer here.')
    expect(page.text).toContain('5 proposals')
    for (const title of [
      'A bus back to Carr Mill and Moss Bank',
      'Free retraining for anyone out of work for six months',
      'A named next step for every school leaver',
      'Licence every private landlord, borough by borough',
      'Toll-free crossings for small firms’ vans while the tolls remain',
    ])
      expect(page.text).toContain(title)
  })

  it.each([
    ['buses', 'It feels like a put-down.', 1],
    ['skills', 'Sneers at the people who sit on the board', 1],
    ['schools', 'too much personal detail in public', 1],
    ['housing', 'Off topic, and sounds like it is making fun', 1],
    ['tolls', 'it is cluttering the thread', 2],
  ])('the %s facilitator: a report to decide, and a shortlist', async (slug, reason, flags) => {
    const page = await readPage(
      await (await signInAs(`${slug}.facilitator`)).get(`/groups/${slug}/console`),
    )
    expect(page.status).toBe(200)
    expect(page.text).toContain(`Flags (${flags})`)
    expect(page.text).toContain(reason)
    expect(page.buttons().map((b) => b.name)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Forward/)]),
    )
  })

  it('the admin: a report on a facilitator’s own comment, which only another curator decides', async () => {
    const tariq = await readPage(
      await (await signInAs('tolls.facilitator')).get('/groups/tolls/console'),
    )
    expect(tariq.text).toContain('Another facilitator decides on your own comment.')
    const admin = await signInAs('admin')
    expect((await admin.get('/admin')).status).toBe(200)
    const page = await readPage(await admin.get('/groups/tolls/console'))
    expect(page.text).toContain('A facilitator using the thread to shut down questions')
    expect(page.text).not.toContain('Another facilitator decides on your own comment.')
  })

  it('the schools facilitator: requests to join', async () => {
    const sam = await signInAs('schools.facilitator')
    const console = await readPage(await sam.get('/groups/schools/console'))
    expect(console.text).toContain('3 waiting.')
    const members = await readPage(await sam.get('/groups/schools/members'))
    expect(members.buttons().filter((b) => /^Approve /.test(b.name))).toHaveLength(3)
  })

  it.each([
    ['wirral.member', 'invited you to co-author “Real-time arrival screens at hospital stops”'],
    ['sefton.member', 'invited you to co-author “Step-free at every stop: the 50 worst first”'],
    [
      'sthelens.member',
      'invited you to co-author “Summer reading schools where results are lowest”',
    ],
    ['halton.member', 'invited you to co-author “Toll-free nights for shift workers”'],
    ['liverpool.member', 'invited you to co-author “Green skills'],
    ['knowsley.member', 'commented on your proposal “Bring back the evening 10A to Halewood”'],
  ])('%s: an invitation or news to act on', async (local, sentence) => {
    const page = await readPage(await (await signInAs(local)).get('/notifications'))
    expect(page.status).toBe(200)
    expect(page.text).toContain(sentence)
  })
})

describe('the loop on the proposal pages', () => {
  it('shows the candidate’s answer, and tells its supporters', async () => {
    const page = await readPage(
      await new Visitor().get(await proposalId('Part-time season tickets')),
    )
    expect(page.text).toContain('a flexible carnet of 8 or 12 day tickets')
    const notifications = await readPage(
      await (await signInAs('wirral.member')).get('/notifications'),
    )
    expect(notifications.text).toContain('The candidate adopted “Part-time season tickets”')
  })

  it('shows a hidden comment’s public reason, not its words', async () => {
    const page = await readPage(
      await new Visitor().get(await proposalId('Digital skills sessions in every library')),
    )
    expect(page.text).toContain('Hidden by a facilitator: it attacks people out of work')
    expect(page.text).not.toContain('too lazy to work')
  })

  it('shows the revisions of an edited proposal with what changed', async () => {
    const page = await readPage(
      await new Visitor().get(`${await proposalId('Part-time season tickets')}/history`),
    )
    expect(page.status).toBe(200)
    expect(page.texts('ins').join(' ')).toContain('no smart card needed')
  })
})
