// Priority ballots in the pages, as a browser without JavaScript uses them: a facilitator
// opens one, members rank with a place per option, bad rankings are explained and change
// nothing, the close shows the rounds and turnout, the winner goes to the candidate with its
// result beside it, and participation by borough is for facilitators and the candidate only.
import { beforeAll, describe, expect, it } from 'vitest'
import { signedIn, Visitor } from '../support/app'
import { addMembership, giveStanding } from '../support/groups'
import { arrangeProposals, createWorld, type World } from '../support/lifecycle'
import { createMember, type Member } from '../support/members'
import { readPage } from '../support/page'
import { sql } from '../support/sql'

let world: World
let options: { id: string; title: string }[]
let voters: Member[]
let ballotPath = ''

const local = (ms: number) => {
  // datetime-local in London time; in tests the offset does not matter beyond an hour.
  const d = new Date(Date.now() + ms)
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  })
    .format(d)
    .replace(' ', 'T')
}

function form(fields: Record<string, string | string[]>) {
  const body = new URLSearchParams()
  for (const [key, value] of Object.entries(fields))
    for (const v of Array.isArray(value) ? value : [value]) body.append(key, v)
  return body
}

beforeAll(async () => {
  world = await createWorld('open')
  options = await arrangeProposals(world, ['open', 'shortlisted', 'open'])
  voters = await Promise.all([1, 2, 3].map(() => createMember()))
  for (const voter of voters) {
    await addMembership(world.group, voter)
    await giveStanding(world.group, voter)
  }
})

describe('priority ballots in the pages', () => {
  it('a facilitator opens a ballot; a bad form says what is wrong and opens nothing', async () => {
    const member = await signedIn(world.member)
    expect((await member.get(`/groups/${world.group.slug}/ballots/new`)).status).toBe(403)

    const facilitator = await signedIn(world.facilitator)
    const newPage = await readPage(await facilitator.get(`/groups/${world.group.slug}/ballots/new`))
    expect(newPage.headings(2)).toContain('Open a priority ballot')
    expect(newPage.field(options[0].title).name).toBe('proposals')

    const bad = await facilitator.request(`/groups/${world.group.slug}/ballots/new`, {
      method: 'POST',
      body: form({ question: 'Hm', proposals: [options[0].id], closesAt: local(3600_000) }),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'http://forum.test' },
    })
    expect(bad.status).toBe(400)
    const badPage = await readPage(bad)
    expect(badPage.field('Question').description).toMatch(/at least 5 characters/)
    expect(badPage.text).toMatch(/Choose at least 2 proposals/)
    const { rows } = await sql().query(
      'select count(*)::int as n from public.ballots where group_id = $1',
      [world.group.id],
    )
    expect(rows[0].n).toBe(0)

    const good = await facilitator.request(`/groups/${world.group.slug}/ballots/new`, {
      method: 'POST',
      body: form({
        question: 'Which proposal should go to the candidate first?',
        proposals: options.map((o) => o.id),
        opensAt: local(-60_000),
        closesAt: local(3 * 3600_000),
      }),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'http://forum.test' },
    })
    expect(good.status).toBe(302)
    ballotPath = good.headers.get('Location')!
    expect(ballotPath).toMatch(new RegExp(`^/groups/${world.group.slug}/ballots/[0-9a-f-]{36}$`))
    const list = await readPage(await new Visitor().get(`/groups/${world.group.slug}/ballots`))
    expect(list.link('Which proposal should go to the candidate first?').href).toBe(ballotPath)
  })

  it('members with standing rank with a place per option, and can change it', async () => {
    const voter = await signedIn(voters[0])
    const page = await readPage(await voter.get(ballotPath))
    expect(page.headings(2)).toContain('Rank the options')
    expect(page.field(options[0].title).shown).toBe('Not ranked')

    const place = (i: number) => `place-${options[i].id}`
    const clash = await voter.post(ballotPath, { intent: 'rank', [place(0)]: '1', [place(1)]: '1' })
    expect(clash.status).toBe(400)
    expect((await readPage(clash)).text).toMatch(/Two options are both in place 1/)
    const { rows } = await sql().query('select count(*)::int as n from public.ballot_papers')
    const before = rows[0].n
    // An intent the page does not know is a 400 that ranks nothing (the count below proves it).
    for (const intent of ['Rank', 'delete', '']) {
      const unknown = await voter.post(ballotPath, { intent, [place(0)]: '1' })
      expect(unknown.status).toBe(400)
      expect(await unknown.text()).toContain('Unknown action')
    }

    expect(
      (await voter.post(ballotPath, { intent: 'rank', [place(2)]: '1', [place(0)]: '2' })).status,
    ).toBe(302)
    const ranked = await readPage(await voter.get(ballotPath))
    expect(ranked.headings(2)).toContain('Your ballot is in')
    expect(ranked.field(options[2].title).shown).toBe('1')
    expect(ranked.field(options[0].title).shown).toBe('2')
    expect(ranked.field(options[1].title).shown).toBe('Not ranked')
    const after = await sql().query('select count(*)::int as n from public.ballot_papers')
    expect(after.rows[0].n).toBe(before + 1)

    for (const [i, v] of voters.slice(1).entries()) {
      const client = await signedIn(v)
      expect((await client.post(ballotPath, { intent: 'rank', [place(i)]: '1' })).status).toBe(302)
    }
  })

  it('a member without standing is told why, and Postgres refuses their ranking', async () => {
    const member = await signedIn(world.member)
    const page = await readPage(await member.get(ballotPath))
    expect(page.text).toMatch(/Members rank once they have standing here/)
    expect(page.fields().filter((f) => f.name?.startsWith('place-'))).toEqual([])
    const refused = await member.post(ballotPath, {
      intent: 'rank',
      [`place-${options[0].id}`]: '1',
    })
    expect(refused.status).toBe(400)
    expect((await readPage(refused)).text).toMatch(/Only members with standing/)
  })

  it('closed, the page shows the rounds, the tie rule and turnout; the winner goes to the candidate', async () => {
    const facilitator = await signedIn(world.facilitator)
    expect((await facilitator.post(ballotPath, { intent: 'close' })).status).toBe(302)
    const result = await readPage(await new Visitor().get(ballotPath))
    // Ballots: [C, A], [A], [B]: round 1 A 1, B 1, C 1 — all tied, level: one goes by lot.
    expect(result.headings(2)).toEqual(expect.arrayContaining(['Result', 'Turnout']))
    expect(result.headings(3)).toEqual(expect.arrayContaining(['Round 1', 'Round 2']))
    expect(result.text).toMatch(/fewer votes in the earliest round where the tied options differ/)
    expect(result.text).toMatch(/drawn by lot from the recorded seed/)
    expect(result.rows()).toContainEqual(['Everyone', '3', '4', '75%'])
    // Three Liverpool voters are fewer than 5: held back, and shown together.
    expect(result.text).toMatch(/Smaller boroughs and members without one, together/)

    const forwardPage = await readPage(await facilitator.get(ballotPath))
    const forward = forwardPage.buttons().find((b) => b.name.startsWith('Forward “'))
    expect(forward).toBeDefined()
    expect(
      (await facilitator.post(ballotPath, { intent: 'forward', coverNote: 'The members’ choice.' }))
        .status,
    ).toBe(302)
    const review = await readPage(await (await signedIn(world.candidate)).get('/review'))
    expect(review.text).toMatch(
      /Won the members’ priority ballot “Which proposal should go to the candidate first\?”/,
    )
    // Other tests' ballots may be on the review too: this ballot's link is among them.
    expect(review.links()).toContainEqual(
      expect.objectContaining({ name: 'See the rounds', href: ballotPath }),
    )
    expect(review.links()).toContainEqual(
      expect.objectContaining({
        name: world.group.name,
        href: `/groups/${world.group.slug}/participation`,
      }),
    )
  })

  it('participation by borough is for the facilitators and the candidate', async () => {
    const path = `/groups/${world.group.slug}/participation`
    expect((await (await signedIn(voters[0])).get(path)).status).toBe(403)
    for (const who of [world.facilitator, world.candidate]) {
      const page = await readPage(await (await signedIn(who)).get(path))
      expect(page.status).toBe(200)
      expect(page.headings(2)).toContain('Participation by borough')
      // Liverpool: facilitator, member, author, co-author and three voters.
      expect(page.rows()).toContainEqual(['Liverpool', '7', '3', '3', '0', '75%'])
    }
  })
})
