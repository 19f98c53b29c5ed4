// Settings: download my data, delete my account.
import { describe, expect, it } from 'vitest'
import { signedIn, Visitor } from '../support/app'
import { pageText } from '../support/page'
import { addMembership, createGroup } from '../support/groups'
import { createMember, testPassword } from '../support/members'
import { createProposal } from '../support/proposals'

describe('your data', () => {
  it('downloads everything about the member, and nothing about anyone else', async () => {
    const group = await createGroup()
    const member = await createMember({ displayName: 'Dana Download' })
    const other = await createMember()
    await addMembership(group, member)
    await addMembership(group, other)
    const mine = await createProposal(member, group, { title: 'My own draft idea' })
    const theirs = await createProposal(other, group, {
      publish: true,
      title: 'Someone else’s idea',
    })
    await member.client.from('votes').insert({ proposal_id: theirs.id, value: -1 })
    await member.client.from('comments').insert({ proposal_id: theirs.id, body: 'My comment' })
    const response = await (await signedIn(member)).get('/settings/data')
    expect(response.headers.get('content-disposition')).toMatch(
      /attachment; filename="policy-forum-my-data-\d{4}-\d{2}-\d{2}\.json"/,
    )
    const data = await response.json()
    expect(data.account.email).toBe(member.email)
    expect(data.profile.display_name).toBe('Dana Download')
    expect(data.proposals.map((p: { proposal: { id: string } }) => p.proposal.id)).toEqual([
      mine.id,
    ])
    expect(data.votes).toEqual([expect.objectContaining({ proposal_id: theirs.id, value: -1 })])
    expect(data.comments.map((c: { body: string }) => c.body)).toEqual(['My comment'])
    expect(data.group_memberships).toHaveLength(1)
    expect(JSON.stringify(data)).not.toContain(other.email)
    expect((await new Visitor().get('/settings/data')).status).toBe(302)
  })
})

describe('deleting an account', () => {
  it('needs the confirmation phrase, then signs the member out for good', async () => {
    const member = await createMember({ displayName: 'Gone Soon' })
    const visitor = await signedIn(member)
    const unconfirmed = await visitor.post('/settings', {
      intent: 'delete-account',
      confirm: 'yes',
    })
    expect(unconfirmed.status).toBe(400)
    expect(await pageText(unconfirmed)).toContain('Type “delete my account” to confirm.')
    const unknown = await visitor.post('/settings', {
      intent: 'delete',
      confirm: 'delete my account',
    })
    expect(unknown.status).toBe(400)
    expect(await unknown.text()).toContain('Unknown action')
    expect(visitor.isSignedIn()).toBe(true)
    const deleted = await visitor.post('/settings', {
      intent: 'delete-account',
      confirm: 'Delete my account',
    })
    expect(deleted.status).toBe(302)
    expect(visitor.isSignedIn()).toBe(false)
    expect(await pageText(await visitor.get('/'))).toContain('Your account has been deleted.')
    expect(
      (await new Visitor().post('/signin', { email: member.email, password: testPassword })).status,
    ).toBe(400)
    expect(await pageText(await new Visitor().get(`/members/${member.id}`))).toContain(
      'Former member',
    )
  })
})
