// Pickers that identify: members of one name told apart by borough and join date (e-mail for
// admins only), the type-ahead's answers, and co-authors chosen while a proposal is first
// written — without JavaScript too, where "Find" sends the whole form back, nothing saved and
// nothing typed lost.
import { randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import { signedIn, Visitor } from '../support/app'
import { readPage } from '../support/page'
import { addMembership, createGroup, type TestGroup } from '../support/groups'
import { createAdmin, createMember, type Member } from '../support/members'
import { publishableTail } from '../support/proposals'
import { sql } from '../support/sql'

const twin = `Pat Twin ${randomUUID().slice(0, 6)}`
let group: TestGroup
let author: Member
let inWirral: Member
let inSefton: Member
let outsider: Member

beforeAll(async () => {
  group = await createGroup()
  author = await createMember({ displayName: 'Ruth Author' })
  inWirral = await createMember({ displayName: twin, region: 'wirral' })
  inSefton = await createMember({ displayName: twin, region: 'sefton' })
  outsider = await createMember({ displayName: `${twin} Outside` })
  for (const member of [author, inWirral, inSefton]) await addMembership(group, member)
})

const card = (member: Member) =>
  JSON.stringify({
    id: member.id,
    displayName: member.displayName,
    borough: null,
    joinedAt: new Date().toISOString(),
    email: null,
  })

function newProposal(visitor: Visitor, fields: Array<[string, string]>) {
  return visitor.request(`/groups/${group.slug}/proposals/new`, {
    method: 'POST',
    body: new URLSearchParams(fields),
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'http://forum.test' },
  })
}

const text: Array<[string, string]> = [
  ['title', 'Evening buses to the ferry'],
  ['summary', 'Buses that meet the last ferries across the Mersey.'],
  ['bodyText', `The last ferry lands after the last bus leaves. ${publishableTail}`],
]

async function pendingInvitees(title: string) {
  const { rows } = await sql().query<{ user_id: string }>(
    `select a.user_id from public.proposal_authors a join public.proposals p on p.id = a.proposal_id
      where p.title = $1 and a.role = 'coauthor' and a.accepted_at is null`,
    [title],
  )
  return rows.map((row) => row.user_id).sort()
}

describe('the type-ahead', () => {
  it('tells two members of one name apart, and gives e-mail addresses to admins only', async () => {
    const visitor = await signedIn(author)
    const response = await visitor.get(`/members/search?q=${encodeURIComponent(twin)}`)
    expect(response.status).toBe(200)
    expect(response.headers.get('Cache-Control')).toBe('private, no-store')
    const { results } = (await response.json()) as {
      results: Array<{ id: string; borough: string | null; email: string | null }>
    }
    expect(
      results
        .slice(0, 2)
        .map((r) => r.borough)
        .sort(),
    ).toEqual(['Sefton', 'Wirral'])
    expect(results.every((r) => r.email === null)).toBe(true)

    const admin = await signedIn(await createAdmin())
    const forAdmin = (await (
      await admin.get(`/members/search?q=${encodeURIComponent(twin)}`)
    ).json()) as { results: Array<{ id: string; email: string | null }> }
    expect(forAdmin.results.find((r) => r.id === inWirral.id)?.email).toBe(inWirral.email)
  })

  it('answers a visitor and a bad group with a clear refusal, not a 500', async () => {
    const anonymous = await new Visitor().get(`/members/search?q=${encodeURIComponent(twin)}`)
    expect(anonymous.status).toBe(401)
    expect(((await anonymous.json()) as { error: string }).error).toBe(
      'Sign in to look members up.',
    )
    const visitor = await signedIn(author)
    const bad = await visitor.get(`/members/search?q=Pat&group=not-a-group`)
    expect(bad.status).toBe(400)
  })

  it('the admin’s facilitator search shows borough, join date and e-mail', async () => {
    const admin = await signedIn(await createAdmin())
    const page = await readPage(
      await admin.get(`/admin/groups/${group.slug}?q=${encodeURIComponent(twin)}`),
    )
    const text = page.text
    expect(text).toContain(`Wirral · joined`)
    expect(text).toContain(`Sefton · joined`)
    expect(text).toContain(inWirral.email)
    expect(page.buttons().filter((b) => b.name === `Make ${twin} a facilitator`)).toHaveLength(2)
  })
})

describe('co-authors chosen on the first screen', () => {
  it('without JavaScript, Find sends the form back with the group’s members found, saving nothing', async () => {
    const visitor = await signedIn(author)
    const found = await newProposal(visitor, [
      ...text,
      ['coauthorQuery', twin],
      ['intent', 'find-coauthors'],
    ])
    expect(found.status).toBe(200)
    const page = await readPage(found)
    expect(page.field('Title').value).toBe('Evening buses to the ferry')
    expect(page.alerts()).toContain('2 members found: tick those to invite.')
    // Only the group's members, told apart; the one outside the group is not offered.
    const boxes = page.fields().filter((field) => field.name === 'coauthor')
    expect(boxes.map((box) => box.label).sort()).toEqual([
      expect.stringMatching(new RegExp(`^${twin} Sefton · joined`)),
      expect.stringMatching(new RegExp(`^${twin} Wirral · joined`)),
    ])
    expect(boxes.every((box) => !box.checked)).toBe(true)
    expect(await pendingInvitees('Evening buses to the ferry')).toEqual([])
  })

  it('invites the ticked members when the draft is saved, and says who could not be', async () => {
    const visitor = await signedIn(author)
    const saved = await newProposal(visitor, [
      ...text.map(([name, value]): [string, string] =>
        name === 'title' ? [name, 'Ferry buses, with co-authors'] : [name, value],
      ),
      ['coauthor', card(inWirral)],
      ['coauthor', card(outsider)],
      ['intent', 'draft'],
    ])
    expect(saved.status).toBe(302)
    expect(await pendingInvitees('Ferry buses, with co-authors')).toEqual([inWirral.id])
    const page = await readPage(await visitor.get(saved.headers.get('Location')!))
    expect(page.alerts().join(' ')).toMatch(
      new RegExp(
        `Draft saved\\. Only you and the co-authors you invited can see it\\. ${twin} Outside was not invited: `,
      ),
    )
  })

  it('refuses more than ten at once with the text kept, and ignores boxes that carry no member', async () => {
    const visitor = await signedIn(author)
    const eleven = await Promise.all(Array.from({ length: 11 }, () => createMember()))
    const refused = await newProposal(visitor, [
      ...text.map(([name, value]): [string, string] =>
        name === 'title' ? [name, 'Too many co-authors at once'] : [name, value],
      ),
      ...eleven.map((member): [string, string] => ['coauthor', card(member)]),
      ['coauthor', '{"id":"not-a-uuid"}'],
      ['intent', 'draft'],
    ])
    expect(refused.status).toBe(400)
    const page = await readPage(refused)
    expect(page.text).toContain(
      'Invite at most 10 co-authors now; you can invite more after saving.',
    )
    expect(page.field('Title').value).toBe('Too many co-authors at once')
    const { rows } = await sql().query(`select 1 from public.proposals where title = $1`, [
      'Too many co-authors at once',
    ])
    expect(rows).toEqual([])
  })
})

describe('the co-author picker on the edit page', () => {
  it('finds the group’s members by name, leaving out the authors, and invites one', async () => {
    const visitor = await signedIn(author)
    const created = await newProposal(visitor, [
      ...text.map(([name, value]): [string, string] =>
        name === 'title' ? [name, 'Ferry buses, invited later'] : [name, value],
      ),
      ['intent', 'draft'],
    ])
    const path = created.headers.get('Location')!
    const page = await readPage(await visitor.get(`${path}/edit?q=${encodeURIComponent(twin)}`))
    expect(page.buttons().filter((b) => b.name === `Invite ${twin}`)).toHaveLength(2)
    expect(page.text).toContain('Wirral · joined')
    const authorsOnly = await readPage(await visitor.get(`${path}/edit?q=Ruth%20Author`))
    expect(authorsOnly.alerts()).toContain('No member’s name contains “Ruth Author”.')
    const invited = await visitor.post(`${path}/edit`, {
      intent: 'add-coauthor',
      userId: inSefton.id,
    })
    expect(invited.status).toBe(302)
    expect(await pendingInvitees('Ferry buses, invited later')).toEqual([inSefton.id])
  })
})
