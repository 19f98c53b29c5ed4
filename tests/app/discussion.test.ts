// Comments and votes through the Remix actions, as forms without JavaScript send them; and
// the group page's rankings.
import { describe, expect, it } from 'vitest'
import { signedIn, Visitor } from '../support/app'
import { pageText, readPage } from '../support/page'
import { addMembership, createGroup, type TestGroup } from '../support/groups'
import { createMember } from '../support/members'
import { addSupporters } from '../support/lifecycle'
import { createProposal, proposalRow } from '../support/proposals'
import { sql } from '../support/sql'

async function memberOf(group: TestGroup, options: { displayName?: string; region?: string } = {}) {
  const member = await createMember(options)
  await addMembership(group, member)
  return { member, visitor: await signedIn(member) }
}

describe('voting', () => {
  it('supports, changes to oppose, and withdraws; totals and boroughs follow', async () => {
    const group = await createGroup()
    const { member: author } = await memberOf(group)
    const proposal = await createProposal(author, group, { publish: true })
    const { visitor } = await memberOf(group, { region: 'halton' })
    const page = `/groups/${group.slug}/proposals/${proposal.id}`

    expect((await visitor.post(page, { intent: 'vote', value: '1' })).status).toBe(302)
    expect(await proposalRow(proposal.id)).toMatchObject({ support_count: 1, oppose_count: 0 })
    let seen = await readPage(await visitor.get(page))
    expect(seen.text).toContain('1 support · 0 oppose')
    expect(seen.buttons().filter((b) => b.pressed)).toEqual([
      expect.objectContaining({ name: expect.stringContaining('Support') }),
    ])
    // The only voter in Halton: the page says how many voted there only as "fewer than 5".
    const halton = seen.rows().find((row) => row[0] === 'Halton')
    expect(halton?.[1]).toBe('fewer than 5 votes')
    expect(halton).not.toContain('1')

    await visitor.post(page, { intent: 'vote', value: '-1' })
    expect(await proposalRow(proposal.id)).toMatchObject({ support_count: 0, oppose_count: 1 })
    await visitor.post(page, { intent: 'vote', value: '0' })
    expect(await proposalRow(proposal.id)).toMatchObject({ support_count: 0, oppose_count: 0 })
    seen = await readPage(await visitor.get(page))
    expect(seen.buttons().filter((b) => b.pressed)).toEqual([])
    expect(seen.text).toContain('0 support · 0 oppose')
  })

  it('shows support by borough exactly only where 5 or more voted', async () => {
    const group = await createGroup()
    const { member: author } = await memberOf(group)
    const proposal = await createProposal(author, group, { publish: true })
    const voters = (region: string, count: number) =>
      Promise.all(Array.from({ length: count }, () => createMember({ region })))
    const [wirral, liverpool, halton] = await Promise.all([
      voters('wirral', 6),
      voters('liverpool', 5),
      voters('halton', 1),
    ])
    await addSupporters(proposal.id, [...wirral.slice(0, 4), ...liverpool], 1)
    await addSupporters(proposal.id, [...wirral.slice(4), ...halton], -1)
    const seen = await readPage(
      await new Visitor().get(`/groups/${group.slug}/proposals/${proposal.id}`),
    )
    const row = (region: string) =>
      seen
        .rows()
        .find((cells) => cells[0] === region)
        ?.slice(0, 3)
    expect(row('Wirral')).toEqual(['Wirral', '4', '2'])
    expect(row('Halton')?.[1]).toBe('fewer than 5 votes')
    expect(row('Sefton')?.[1]).toBe('fewer than 5 votes')
    // Liverpool's 5 would give away Halton's one vote, subtracted from the totals.
    expect(row('Liverpool')?.[1]).toBe('held back to protect smaller boroughs')
    expect(seen.text).toContain('Where fewer than 5 people voted, we show “fewer than 5 votes”')
    expect(seen.text).toContain('More support than opposition in 1 of 6 boroughs.')
  })

  it('is refused with a reason to people outside the group, and bad values change nothing', async () => {
    const group = await createGroup()
    const { member: author, visitor: authorVisitor } = await memberOf(group)
    const proposal = await createProposal(author, group, { publish: true })
    const page = `/groups/${group.slug}/proposals/${proposal.id}`
    const outsider = await signedIn(await createMember())
    const refused = await outsider.post(page, { intent: 'vote', value: '1' })
    expect(refused.status).toBe(400)
    expect(await pageText(await outsider.get(page))).toContain(
      'Join the group to vote and comment.',
    )
    expect((await authorVisitor.post(page, { intent: 'vote', value: '5' })).status).toBe(400)
    expect((await authorVisitor.post(page, { intent: 'vote' })).status).toBe(400)
    expect(await proposalRow(proposal.id)).toMatchObject({ support_count: 0, oppose_count: 0 })
  })
})

describe('commenting', () => {
  it('comments, replies, edits and deletes, leaving a placeholder', async () => {
    const group = await createGroup()
    const { member: author, visitor } = await memberOf(group, { displayName: 'Chidi Commenter' })
    const { visitor: other } = await memberOf(group, { displayName: 'Rita Replier' })
    const proposal = await createProposal(author, group, { publish: true })
    const page = `/groups/${group.slug}/proposals/${proposal.id}`

    expect(
      (
        await visitor.post(page, {
          intent: 'comment',
          body: 'Buses every 10 minutes, see https://example.org/plan',
          stance: 'for',
        })
      ).status,
    ).toBe(302)
    const { rows } = await sql().query('select id from public.comments where proposal_id = $1', [
      proposal.id,
    ])
    const commentId = rows[0].id
    await other.post(page, {
      intent: 'comment',
      parentId: commentId,
      body: 'Who pays for it?',
      stance: 'against',
    })

    let seen = await readPage(await new Visitor().get(page))
    expect(seen.headings()).toContain('Discussion (2)')
    expect(seen.link('https://example.org/plan')).toMatchObject({
      href: 'https://example.org/plan',
      rel: 'nofollow noopener noreferrer ugc',
    })
    expect(seen.text).toMatch(/Chidi Commenter.*For/)
    expect(seen.text).toMatch(/Rita Replier.*Against/)

    await visitor.post(page, {
      intent: 'edit-comment',
      commentId,
      body: 'Buses every 12 minutes.',
      stance: 'for',
    })
    seen = await readPage(await new Visitor().get(page))
    expect(seen.text).toContain('Buses every 12 minutes.')
    expect(seen.text).toContain('(edited)')

    const refused = await other.post(page, {
      intent: 'edit-comment',
      commentId,
      body: 'Hijacked',
      stance: '',
    })
    expect(refused.status).toBe(400)
    expect(await pageText(refused)).toContain('You can only edit your own comments')

    await visitor.post(page, { intent: 'delete-comment', commentId })
    seen = await readPage(await new Visitor().get(page))
    expect(seen.text).toContain('This comment was deleted by its author.')
    expect(seen.text).toContain('Who pays for it?')
    expect(seen.headings()).toContain('Discussion (1)')
  })

  it('filters by stance and sorts oldest or newest first', async () => {
    const group = await createGroup()
    const { member, visitor } = await memberOf(group)
    const proposal = await createProposal(member, group, { publish: true })
    const page = `/groups/${group.slug}/proposals/${proposal.id}`
    await visitor.post(page, { intent: 'comment', body: 'First, in favour', stance: 'for' })
    await visitor.post(page, { intent: 'comment', body: 'Second, against', stance: 'against' })
    const forOnly = await pageText(await visitor.get(`${page}?stance=for`))
    expect(forOnly).toContain('First, in favour')
    expect(forOnly).not.toContain('Second, against')
    const newest = await pageText(await visitor.get(`${page}?sort=newest`))
    expect(newest.indexOf('Second, against')).toBeLessThan(newest.indexOf('First, in favour'))
  })

  it('shows the text back with a clear message when the comment is refused', async () => {
    const group = await createGroup()
    const { member, visitor } = await memberOf(group)
    const proposal = await createProposal(member, group, { publish: true })
    const page = `/groups/${group.slug}/proposals/${proposal.id}`
    const empty = await visitor.post(page, { intent: 'comment', body: '   ', stance: 'for' })
    expect(empty.status).toBe(400)
    expect(await pageText(empty)).toContain('Write your comment first.')
    for (let i = 0; i < 10; i++) await visitor.post(page, { intent: 'comment', body: `Quick ${i}` })
    const limited = await visitor.post(page, {
      intent: 'comment',
      body: 'My eleventh careful thought',
    })
    expect(limited.status).toBe(400)
    const seen = await readPage(limited)
    expect(seen.text).toContain('You are commenting very fast.')
    expect(seen.fields().map((field) => field.value)).toContain('My eleventh careful thought')
  })
})

describe('the group page', () => {
  it('orders proposals by each ranking', async () => {
    const group = await createGroup()
    const { member } = await memberOf(group)
    const broad = await createProposal(member, group, { publish: true, title: 'Broad support' })
    const local = await createProposal(member, group, { publish: true, title: 'Local support' })
    const talked = await createProposal(member, group, { publish: true, title: 'Much discussed' })
    const boroughs = ['liverpool', 'sefton', 'knowsley', 'st-helens', 'halton']
    for (const region of boroughs) {
      const { member: voter } = await memberOf(group, { region })
      await voter.client.from('votes').insert({ proposal_id: broad.id, value: 1 })
    }
    for (let i = 0; i < 7; i++) {
      const { member: voter } = await memberOf(group, { region: 'wirral' })
      await voter.client.from('votes').insert({ proposal_id: local.id, value: 1 })
    }
    await member.client.from('comments').insert({ proposal_id: talked.id, body: 'Talk' })
    const order = async (sort: string) => {
      const titles = (await readPage(await new Visitor().get(`/groups/${group.slug}?sort=${sort}`)))
        .headings()
        .filter((heading) => ['Broad support', 'Local support', 'Much discussed'].includes(heading))
      expect(titles).toHaveLength(3)
      return titles
    }
    expect((await order('top'))[0]).toBe('Local support')
    expect((await order('region'))[0]).toBe('Broad support')
    expect((await order('discussed'))[0]).toBe('Much discussed')
    expect((await order('new'))[0]).toBe('Much discussed')
    const filtered = await pageText(
      await new Visitor().get(`/groups/${group.slug}?status=shortlisted`),
    )
    expect(filtered).toContain('No proposals with this status.')
  })
})
