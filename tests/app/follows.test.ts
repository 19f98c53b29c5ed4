// Following through the pages, without JavaScript: the proposal and group pages offer
// Follow / Unfollow, posted to /follows, which sends the member back with a message.
import { describe, expect, it } from 'vitest'
import { signedIn, Visitor } from '../support/app'
import { readPage } from '../support/page'
import { addMembership, createGroup } from '../support/groups'
import { createMember } from '../support/members'
import { createProposal } from '../support/proposals'

describe('following', () => {
  it('a member follows and unfollows a proposal and a group from their pages', async () => {
    const group = await createGroup()
    const [author, reader] = await Promise.all([createMember(), createMember()])
    await addMembership(group, author)
    const proposal = await createProposal(author, group, { publish: true })
    const page = `/groups/${group.slug}/proposals/${proposal.id}`
    const member = await signedIn(reader)

    const before = await readPage(await member.get(page))
    expect(before.buttons().map((b) => b.name)).toContain('Follow this proposal')
    const followed = await member.post('/follows', {
      intent: 'follow',
      proposalId: proposal.id,
      redirectTo: page,
    })
    expect(followed.headers.get('Location')).toBe(page)
    const after = await readPage(await member.get(page))
    expect(after.alerts()).toContain('You follow this proposal: you will hear of its new comments.')
    expect(after.buttons().map((b) => b.name)).toContain('Unfollow this proposal')
    await member.post('/follows', { intent: 'unfollow', proposalId: proposal.id, redirectTo: page })
    expect((await readPage(await member.get(page))).buttons().map((b) => b.name)).toContain(
      'Follow this proposal',
    )

    await member.post('/follows', {
      intent: 'follow',
      groupId: group.id,
      redirectTo: `/groups/${group.slug}`,
    })
    const groupPage = await readPage(await member.get(`/groups/${group.slug}`))
    expect(groupPage.buttons().map((b) => b.name)).toContain('Unfollow this group')
  })

  it('asks visitors to sign in, and refuses nonsense without an error page', async () => {
    const visitor = new Visitor()
    const response = await visitor.post('/follows', {
      intent: 'follow',
      groupId: crypto.randomUUID(),
    })
    expect(response.status).toBe(302)
    expect(response.headers.get('Location')).toMatch(/^\/signin/)
    const member = await signedIn(await createMember())
    const bad = await member.post('/follows', {
      intent: 'follow',
      proposalId: 'nope',
      redirectTo: '//evil.example',
    })
    expect(bad.status).toBe(302)
    expect(bad.headers.get('Location')).toBe('/')
    const page = await readPage(await member.get('/'))
    expect(page.alerts()).toContain('That cannot be followed.')
    expect((await new Visitor().get('/follows')).status).toBe(405)
  })

  it('the member’s follows are in their downloaded data', async () => {
    const group = await createGroup()
    const member = await createMember()
    await member.client.from('follows').insert({ group_id: group.id })
    const data = await (await (await signedIn(member)).get('/settings/data')).json()
    expect(data.follows).toEqual([expect.objectContaining({ group_id: group.id })])
    expect(data.suggested_changes).toEqual([])
    expect(data.supported_changes).toEqual([])
  })
})
