// The support threshold in the pages: the admin sets it, the proposal page shows progress, and
// a proposal that reaches it waits in the facilitators' "ready for the shortlist" queue.
import { describe, expect, it } from 'vitest'
import { signedIn, Visitor } from '../support/app'
import { readPage } from '../support/page'
import { addMembership, createGroup } from '../support/groups'
import { createAdmin, createMember } from '../support/members'
import { createProposal, proposalRow } from '../support/proposals'
import { sql } from '../support/sql'

describe('the support threshold', () => {
  it('set by an admin, shown as progress, and queued for the facilitators when reached', async () => {
    const group = await createGroup()
    const [admin, author, facilitator] = await Promise.all([
      createAdmin(),
      createMember({ displayName: 'Tia Author' }),
      createMember({ displayName: 'Fred Lead' }),
    ])
    await addMembership(group, author)
    await addMembership(group, facilitator, { role: 'facilitator' })
    const proposal = await createProposal(author, group, { publish: true, title: 'Ready or not' })
    const page = `/groups/${group.slug}/proposals/${proposal.id}`

    const desk = await signedIn(admin)
    const bad = await desk.post(`/admin/groups/${group.slug}`, {
      intent: 'threshold',
      supporters: 'lots',
      boroughs: '0',
    })
    expect(bad.status).toBe(302)
    expect(
      (await readPage(await desk.get(`/admin/groups/${group.slug}`))).alerts().join(' '),
    ).toMatch(/whole number from 1 to 100,000/)
    await desk.post(`/admin/groups/${group.slug}`, {
      intent: 'threshold',
      supporters: '2',
      boroughs: '0',
    })
    const admin_page = await readPage(await desk.get(`/admin/groups/${group.slug}`))
    expect(admin_page.field('Supporters needed').value).toBe('2')

    const before = await readPage(await new Visitor().get(page))
    expect(before.headings(3)).toContain('Toward the shortlist')
    expect(before.text).toContain('0 of 2 supporters')

    const voters = await Promise.all([createMember(), createMember()])
    for (const voter of voters) {
      await addMembership(group, voter)
      await voter.client.from('votes').insert({ proposal_id: proposal.id, value: 1 })
    }
    expect((await proposalRow(proposal.id)).ready_at).not.toBeNull()
    const after = await readPage(await new Visitor().get(page))
    expect(after.text).toContain('Ready for the shortlist since')

    const console = await signedIn(facilitator)
    const queue = await readPage(await console.get(`/groups/${group.slug}/console`))
    expect(queue.headings(2)).toContain('Ready for the shortlist (1)')
    expect(queue.buttons().map((b) => b.name)).toContain('Shortlist “Ready or not”')
    await console.post(`/groups/${group.slug}/console`, {
      intent: 'shortlist',
      proposalId: proposal.id,
    })
    expect((await proposalRow(proposal.id)).status).toBe('shortlisted')
    const emptied = await readPage(await console.get(`/groups/${group.slug}/console`))
    expect(emptied.headings(2)).toContain('Ready for the shortlist (0)')
    const { rows } = await sql().query(
      "select count(*)::int as n from public.notifications where user_id = $1 and kind = 'proposal_ready'",
      [author.id],
    )
    expect(rows[0].n).toBe(1)
  })

  it('shows nothing about a threshold where the group has none', async () => {
    const group = await createGroup()
    const author = await createMember()
    await addMembership(group, author)
    const proposal = await createProposal(author, group, { publish: true })
    const page = await readPage(
      await new Visitor().get(`/groups/${group.slug}/proposals/${proposal.id}`),
    )
    expect(page.headings(3)).not.toContain('Toward the shortlist')
  })
})
