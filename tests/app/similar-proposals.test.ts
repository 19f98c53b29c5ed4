// "Publish" shows the group's similar proposals first (no JavaScript needed): support one
// instead, suggest a change to it, or publish anyway. Without similar ones it just publishes.
// While the title is typed, the form asks the same question of /groups/<slug>/similar.
import { beforeAll, describe, expect, it } from 'vitest'
import { signedIn, Visitor } from '../support/app'
import { readPage } from '../support/page'
import { addMembership, createGroup, type TestGroup } from '../support/groups'
import { createMember, type Member } from '../support/members'
import { publishableTail, createProposal, proposalRow } from '../support/proposals'
import { sql } from '../support/sql'

let group: TestGroup
let author: Member
let drafter: Member
let desk: Visitor
let existing: { id: string; title: string }
beforeAll(async () => {
  group = await createGroup()
  ;[author, drafter] = await Promise.all([
    createMember({ displayName: 'Olu Original' }),
    createMember({ displayName: 'Dee Drafter' }),
  ])
  await addMembership(group, author)
  await addMembership(group, drafter)
  existing = await createProposal(author, group, {
    publish: true,
    title: 'Part-time season tickets',
  })
  await createProposal(author, group, { publish: true, title: 'Cycle lanes on the Dock Road' })
  desk = await signedIn(drafter)
})

function draftAndPublish(title: string) {
  return desk.post(`/groups/${group.slug}/proposals/new`, {
    intent: 'publish',
    title,
    summary: 'Cheaper tickets for part-time workers.',
    bodyText: `Tickets for people who work two or three days a week.\n\n${publishableTail}`,
  })
}

describe('publishing a draft like an existing proposal', () => {
  it('saves the draft and shows the most similar proposals first, with the choices', async () => {
    const response = await draftAndPublish('Season tickets for part-time workers')
    expect(response.status).toBe(302)
    const to = response.headers.get('Location')!
    expect(to).toMatch(/\/proposals\/[0-9a-f-]+\/publish$/)
    const draftId = to.split('/').at(-2)!
    expect((await proposalRow(draftId)).status).toBe('draft')
    const page = await readPage(await desk.get(to))
    expect(page.alerts()).toContain(
      'Your draft is saved. Before you publish it, look at these similar proposals.',
    )
    const listed = page.links().filter((l) => l.href.match(/\/proposals\/[0-9a-f-]+$/))
    expect(listed.map((l) => l.name)).toEqual([
      'Back to your draft',
      'Part-time season tickets',
      'Keep it as a draft',
    ])
    expect(page.text).not.toContain('Cycle lanes on the Dock Road')
    expect(page.link('Suggest a change to it: Part-time season tickets').href).toBe(
      `/groups/${group.slug}/proposals/${existing.id}/amendments/new`,
    )
    const buttons = page.buttons().map((b) => b.name)
    expect(buttons.filter((name) => name.startsWith('Support this one instead'))).toEqual([
      'Support this one instead: Part-time season tickets',
    ])
    expect(buttons).toContain('Publish mine anyway')
  })

  it('"support this one instead" supports it and keeps the draft a draft', async () => {
    const to = (await draftAndPublish('Part time season tickets please')).headers.get('Location')!
    const draftId = to.split('/').at(-2)!
    const supported = await desk.post(to, { intent: 'support-instead', proposalId: existing.id })
    expect(supported.headers.get('Location')).toBe(`/groups/${group.slug}/proposals/${existing.id}`)
    const { rows } = await sql().query(
      'select value from public.votes where proposal_id = $1 and user_id = $2',
      [existing.id, drafter.id],
    )
    expect(rows).toEqual([{ value: 1 }])
    expect((await proposalRow(draftId)).status).toBe('draft')
    // Only proposals shown as similar can be supported from here.
    const other = await createProposal(author, group, { publish: true, title: 'Unrelated idea' })
    const refused = await desk.post(to, { intent: 'support-instead', proposalId: other.id })
    expect(refused.headers.get('Location')).toBe(to)
  })

  it('"publish mine anyway" publishes it', async () => {
    const to = (await draftAndPublish('Season tickets part-time')).headers.get('Location')!
    const draftId = to.split('/').at(-2)!
    const published = await desk.post(to, { intent: 'publish' })
    expect(published.headers.get('Location')).toBe(`/groups/${group.slug}/proposals/${draftId}`)
    expect((await proposalRow(draftId)).status).toBe('open')
  })

  it('publishes at once when nothing in the group is like it', async () => {
    const response = await draftAndPublish('Free ferry for school children')
    const to = response.headers.get('Location')!
    expect(to).toMatch(/\/proposals\/[0-9a-f-]+$/)
    expect((await proposalRow(to.split('/').at(-1)!)).status).toBe('open')
  })

  it('is only for the draft’s author', async () => {
    const to = (await draftAndPublish('Season tickets, part-time')).headers.get('Location')!
    const other = await signedIn(author)
    const response = await other.get(to)
    expect(response.status).toBe(404)
  })
})

describe('similar proposals while the title is typed', () => {
  async function similarTo(visitor: Visitor, title: string, exclude?: string) {
    const query = new URLSearchParams({ title, ...(exclude ? { exclude } : {}) })
    const response = await visitor.get(`/groups/${group.slug}/similar?${query}`)
    expect(response.status).toBe(200)
    expect(response.headers.get('Cache-Control')).toBe('private, no-store')
    return ((await response.json()) as { similar: Array<{ id: string; title: string }> }).similar
  }

  it('lists the group’s proposals most like the title, and none for a title under 5 characters', async () => {
    const similar = await similarTo(desk, 'Season tickets for part-timers')
    expect(similar[0]).toMatchObject({ id: existing.id, title: 'Part-time season tickets' })
    expect(similar.map((s) => s.title)).not.toContain('Cycle lanes on the Dock Road')
    expect(await similarTo(desk, 'Sea')).toEqual([])
    // The draft being edited is not its own duplicate.
    expect(await similarTo(desk, 'Part-time season tickets', existing.id)).not.toContainEqual(
      expect.objectContaining({ id: existing.id }),
    )
  })

  it('is for signed-in members only', async () => {
    const response = await new Visitor().get(`/groups/${group.slug}/similar?title=Season+tickets`)
    expect(response.status).toBe(302)
    expect(response.headers.get('Location')).toMatch(/^\/signin/)
  })
})
