// The proposal page's support by borough: counts in the table, bars against the group's
// members, so a borough's bar is the share of the group that voted there.
import { describe, expect, it } from 'vitest'
import { Visitor } from '../support/app'
import { readPage } from '../support/page'
import { addMembership, createGroup } from '../support/groups'
import { createMember } from '../support/members'
import { createProposal } from '../support/proposals'
import { castVotes, createVoters } from '../support/review'

describe('borough bars', () => {
  it('are drawn against the group’s members, not against the busiest borough', async () => {
    const group = await createGroup()
    const author = await createMember()
    await addMembership(group, author)
    const voters = await createVoters(['sefton', 'sefton', 'sefton', 'sefton', 'sefton'])
    const bystanders = await createVoters(['wirral', 'wirral', 'wirral', 'wirral'])
    for (const member of [...voters, ...bystanders]) await addMembership(group, member)
    const proposal = await createProposal(author, group, { publish: true })
    await castVotes(
      proposal.id,
      voters.map((v) => [v, 1]),
    )
    const page = await readPage(
      await new Visitor().get(`/groups/${group.slug}/proposals/${proposal.id}`),
    )
    expect(page.rows().find((row) => row[0] === 'Sefton')).toEqual(['Sefton', '5', '0', ''])
    // 5 of the group's 10 members: half a bar, where the busiest borough used to fill it.
    expect(page.source).toMatch(/style="width:50%"/)
    expect(page.source).not.toMatch(/style="width:100%"/)
    expect(page.text).toContain('A full bar would be all 10 members of the group')
  })
})
