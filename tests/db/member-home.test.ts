// The member's home: "new since your last visit" counts what others published in the member's
// groups since they last opened the group, never hidden or draft work; the visit is each
// member's own and nobody reads it; "moved" lists the proposals the member supports or
// follows whose status changed after publication, for that member only.
import { beforeAll, describe, expect, it } from 'vitest'
import { anonClient } from '../support/clients'
import { expectOk } from '../support/expect'
import { addMembership, createGroup } from '../support/groups'
import { arrangeProposal, arrangeProposals, createWorld, type World } from '../support/lifecycle'
import { createMember, type Member } from '../support/members'
import { sql } from '../support/sql'

let world: World
let reader: Member
beforeAll(async () => {
  world = await createWorld('open')
  reader = await createMember({ displayName: 'Rhiannon Reader' })
  await addMembership(world.group, reader)
})

async function homeGroup(member: Member, groupId: string) {
  const rows = expectOk(await member.client.rpc('my_groups_since_last_visit'))!
  return rows.find((row) => row.group_id === groupId)
}

/** Moves the reader's last visit to the group back in time, as if they opened it then. */
async function visitedAt(member: Member, groupId: string, at: string) {
  await sql().query(
    'update public.group_members set seen_at = $3 where group_id = $1 and user_id = $2',
    [groupId, member.id, at],
  )
}

describe('new since your last visit', () => {
  it('counts what others published since the visit, and not hidden, draft or own work', async () => {
    await visitedAt(reader, world.group.id, new Date(Date.now() - 60_000).toISOString())
    const [first, second, hidden] = await arrangeProposals(world, ['open', 'open', 'open'])
    await arrangeProposal(world, 'draft')
    await sql().query(
      "update public.proposals set hidden_at = now(), hidden_reason = 'Spam.' where id = $1",
      [hidden.id],
    )
    expect(first && second).toBeTruthy()
    expect((await homeGroup(reader, world.group.id))?.new_proposals).toBe(2)
    // The author's own proposals are not news to the author.
    await visitedAt(world.author, world.group.id, new Date(Date.now() - 120_000).toISOString())
    expect((await homeGroup(world.author, world.group.id))?.new_proposals).toBe(0)
  })

  it('counts up to ten, whatever the size of the group', async () => {
    await visitedAt(reader, world.group.id, new Date(Date.now() - 1_000).toISOString())
    await arrangeProposals(
      world,
      Array.from({ length: 12 }, () => 'open' as const),
    )
    expect((await homeGroup(reader, world.group.id))?.new_proposals).toBe(10)
  })

  it('restarts when the member opens the group, and only for that member', async () => {
    await visitedAt(reader, world.group.id, new Date(Date.now() - 3_600_000).toISOString())
    await visitedAt(world.member, world.group.id, new Date(Date.now() - 3_600_000).toISOString())
    await arrangeProposal(world, 'open')
    expect((await homeGroup(reader, world.group.id))?.new_proposals).toBeGreaterThan(0)
    expectOk(await reader.client.rpc('mark_group_seen', { p_group: world.group.id }))
    expect((await homeGroup(reader, world.group.id))?.new_proposals).toBe(0)
    expect((await homeGroup(world.member, world.group.id))?.new_proposals).toBeGreaterThan(0)
  })

  it('is not written more than once in ten minutes', async () => {
    const recent = new Date(Date.now() - 5 * 60_000).toISOString()
    await visitedAt(reader, world.group.id, recent)
    expectOk(await reader.client.rpc('mark_group_seen', { p_group: world.group.id }))
    const { rows } = await sql().query<{ seen_at: Date }>(
      'select seen_at from public.group_members where group_id = $1 and user_id = $2',
      [world.group.id, reader.id],
    )
    expect(rows[0].seen_at.toISOString()).toBe(recent)
  })

  it('lists only the caller’s own groups, and counts nothing for a pending request', async () => {
    const closed = await createGroup({ joinPolicy: 'request' })
    await addMembership(closed, reader, { status: 'pending' })
    const pending = await homeGroup(reader, closed.id)
    expect(pending).toMatchObject({ status: 'pending', new_proposals: 0 })
    expect(await homeGroup(world.nonMember, world.group.id)).toBeUndefined()
  })

  it('is nobody else’s to read or set', async () => {
    const seen = await world.facilitator.client
      .from('group_members')
      .select('seen_at')
      .eq('group_id', world.group.id)
    expect(seen.error?.code).toBe('42501')
    // Marking a group one does not belong to changes nothing.
    expectOk(await world.nonMember.client.rpc('mark_group_seen', { p_group: world.group.id }))
    const { rows } = await sql().query(
      'select 1 from public.group_members where group_id = $1 and user_id = $2',
      [world.group.id, world.nonMember.id],
    )
    expect(rows).toHaveLength(0)
    const anon = await anonClient().rpc('my_groups_since_last_visit')
    expect(anon.error?.code).toBe('42501')
    const anonMark = await anonClient().rpc('mark_group_seen', { p_group: world.group.id })
    expect(anonMark.error?.code).toBe('42501')
  })
})

describe('proposals you support or follow that moved', () => {
  async function shortlist(proposalId: string) {
    expectOk(
      await world.facilitator.client.rpc('transition_proposal', {
        proposal_id: proposalId,
        action: 'shortlist',
      }),
    )
  }

  it('lists a supported proposal once it is shortlisted, and not on publication', async () => {
    const proposal = await arrangeProposal(world, 'open')
    expectOk(await reader.client.from('votes').insert({ proposal_id: proposal.id, value: 1 }))
    const before = expectOk(await reader.client.rpc('my_moved_proposals', {}))!
    expect(before.map((row) => row.proposal_id)).not.toContain(proposal.id)
    await shortlist(proposal.id)
    const after = expectOk(await reader.client.rpc('my_moved_proposals', {}))!
    expect(after[0]).toMatchObject({ proposal_id: proposal.id, status: 'shortlisted' })
    // Somebody who neither supports nor follows it is not told.
    const others = expectOk(await world.member.client.rpc('my_moved_proposals', {}))!
    expect(others.map((row) => row.proposal_id)).not.toContain(proposal.id)
  })

  it('leaves out proposals the member opposes, and counts those they follow', async () => {
    const [opposed, followed] = await arrangeProposals(world, ['open', 'open'])
    expectOk(await reader.client.from('votes').insert({ proposal_id: opposed.id, value: -1 }))
    expectOk(await reader.client.from('follows').insert({ proposal_id: followed.id }))
    await shortlist(opposed.id)
    await shortlist(followed.id)
    const moved = expectOk(await reader.client.rpc('my_moved_proposals', {}))!
    expect(moved.map((row) => row.proposal_id)).toContain(followed.id)
    expect(moved.map((row) => row.proposal_id)).not.toContain(opposed.id)
  })

  it('cannot be stamped by a member', async () => {
    const proposal = await arrangeProposal(world, 'open')
    const { error } = await world.author.client
      .from('proposals')
      .update({ status_changed_at: new Date().toISOString() } as never)
      .eq('id', proposal.id)
    expect(error?.code).toBe('42501')
  })
})
