// A group's support threshold: the vote that reaches it (with the borough spread, when the
// group asks for one) makes the proposal ready for the shortlist, once, and tells its authors.
// Nobody sets "ready" by hand; setting a threshold applies to proposals that already meet it.
import { describe, expect, it } from 'vitest'
import { expectRefused } from '../support/expect'
import { addMembership } from '../support/groups'
import { arrangeProposal, createWorld, notificationsOf } from '../support/lifecycle'
import { createMember } from '../support/members'
import { proposalRow } from '../support/proposals'
import { sql } from '../support/sql'

async function threshold(groupId: string, supporters: number | null, boroughs = 0) {
  await sql().query(
    'update public.groups set shortlist_supporters = $2, shortlist_boroughs = $3 where id = $1',
    [groupId, supporters, boroughs],
  )
}

async function supporters(groupId: string, regions: string[]) {
  const members = await Promise.all(regions.map((region) => createMember({ region })))
  for (const member of members) await addMembership({ id: groupId, slug: '', name: '' }, member)
  return members
}

async function support(
  proposalId: string,
  member: { client: import('../support/clients').Client },
) {
  const { error } = await member.client.from('votes').insert({ proposal_id: proposalId, value: 1 })
  expect(error).toBeNull()
}

describe('the support threshold', () => {
  it('the third supporter makes a proposal ready; its authors are told once', async () => {
    const world = await createWorld('open')
    await threshold(world.group.id, 3)
    const proposal = await arrangeProposal(world, 'open')
    const [a, b, c, d] = await supporters(world.group.id, [
      'liverpool',
      'wirral',
      'halton',
      'sefton',
    ])
    await support(proposal.id, a)
    await support(proposal.id, b)
    expect((await proposalRow(proposal.id)).ready_at).toBeNull()
    await support(proposal.id, c)
    const ready = (await proposalRow(proposal.id)).ready_at
    expect(ready).not.toBeNull()
    await support(proposal.id, d)
    expect((await proposalRow(proposal.id)).ready_at).toEqual(ready)
    const told = (await notificationsOf(world.author)).filter((n) => n.kind === 'proposal_ready')
    expect(told).toHaveLength(1)
    expect(told[0].body).toContain('support threshold')
    expect((await notificationsOf(world.coauthor)).some((n) => n.kind === 'proposal_ready')).toBe(
      true,
    )
  })

  it('with a spread, waits for the N-th supporter from the right boroughs', async () => {
    const world = await createWorld('open')
    await threshold(world.group.id, 10, 2)
    const proposal = await arrangeProposal(world, 'open')
    const first = await supporters(world.group.id, [
      ...Array(5).fill('liverpool'),
      ...Array(4).fill('sefton'),
      'elsewhere',
    ])
    for (const member of first) await support(proposal.id, member)
    // Ten supporters, but only Liverpool has five.
    expect((await proposalRow(proposal.id)).ready_at).toBeNull()
    const [fromElsewhere] = await supporters(world.group.id, ['elsewhere'])
    await support(proposal.id, fromElsewhere)
    expect((await proposalRow(proposal.id)).ready_at).toBeNull()
    const [fifthInSefton] = await supporters(world.group.id, ['sefton'])
    await support(proposal.id, fifthInSefton)
    expect((await proposalRow(proposal.id)).ready_at).not.toBeNull()
  })

  it('cannot be set by hand, by a facilitator, an author or anyone else', async () => {
    const world = await createWorld('open')
    const proposal = await arrangeProposal(world, 'open')
    for (const member of [world.facilitator, world.author, world.admin])
      expectRefused(
        await member.client
          .from('proposals')
          .update({ ready_at: new Date().toISOString() } as never)
          .eq('id', proposal.id),
      )
    expect((await proposalRow(proposal.id)).ready_at).toBeNull()
  })

  it('a threshold set later applies to open proposals that already meet it', async () => {
    const world = await createWorld('open')
    const proposal = await arrangeProposal(world, 'open')
    const shortlisted = await arrangeProposal(world, 'shortlisted')
    for (const member of await supporters(world.group.id, ['liverpool', 'knowsley'])) {
      await support(proposal.id, member)
      await support(shortlisted.id, member)
    }
    expect((await proposalRow(proposal.id)).ready_at).toBeNull()
    const { error } = await world.admin.client
      .from('groups')
      .update({ shortlist_supporters: 2 })
      .eq('id', world.group.id)
    expect(error).toBeNull()
    expect((await proposalRow(proposal.id)).ready_at).not.toBeNull()
    expect((await proposalRow(shortlisted.id)).ready_at).toBeNull()
    // Only admins set it.
    const byFacilitator = await world.facilitator.client
      .from('groups')
      .update({ shortlist_supporters: 1 })
      .eq('id', world.group.id)
      .select('id')
    expect(byFacilitator.data).toEqual([])
  })
})
