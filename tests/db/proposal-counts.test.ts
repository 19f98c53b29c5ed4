// The group listing's totals come from stored counters (public.proposal_counts), kept by a
// trigger on proposals: they must stay equal to the proposals after every change, show hidden
// proposals only to those who may list them, and be written by nobody through the API.
import { beforeAll, describe, expect, it } from 'vitest'
import { anonClient, type Client } from '../support/clients'
import { expectOk, expectRefused } from '../support/expect'
import { arrangeProposal, createWorld, type World } from '../support/lifecycle'
import { createProposal } from '../support/proposals'
import { sql } from '../support/sql'

let world: World
beforeAll(async () => {
  world = await createWorld()
})

/** The group's total as a reader's client sums it, per status. */
async function totals(client: Client) {
  const rows = expectOk(
    await client.from('proposal_counts').select('status, proposals').eq('group_id', world.group.id),
  )
  const byStatus: Record<string, number> = {}
  for (const row of rows) byStatus[row.status] = (byStatus[row.status] ?? 0) + row.proposals
  return byStatus
}

async function drift() {
  const { rows } = await sql().query('select * from private.proposal_count_drift()')
  return rows
}

describe('the listing counters', () => {
  it('count a proposal when it is published, not while it is a draft', async () => {
    const before = (await totals(anonClient())).open ?? 0
    const draft = await createProposal(world.author, world.group)
    expect((await totals(anonClient())).open ?? 0).toBe(before)
    expectOk(await world.author.client.rpc('publish_proposal', { proposal_id: draft.id }))
    expect((await totals(anonClient())).open).toBe(before + 1)
    expect(await drift()).toEqual([])
  })

  it('move a proposal between statuses when it is shortlisted or archived', async () => {
    const proposal = await arrangeProposal(world, 'open')
    const before = await totals(anonClient())
    expectOk(
      await world.facilitator.client.rpc('transition_proposal', {
        proposal_id: proposal.id,
        action: 'shortlist',
      }),
    )
    expectOk(
      await world.facilitator.client.rpc('transition_proposal', {
        proposal_id: proposal.id,
        action: 'archive',
        reason: 'Covered by an earlier proposal.',
      }),
    )
    const after = await totals(anonClient())
    expect(after.open).toBe(before.open - 1)
    expect(after.shortlisted ?? 0).toBe(before.shortlisted ?? 0)
    expect(after.archived).toBe((before.archived ?? 0) + 1)
    expect(await drift()).toEqual([])
  })

  it('drop a proposal that is deleted', async () => {
    const proposal = await arrangeProposal(world, 'open')
    const before = (await totals(anonClient())).open
    await sql().query('delete from public.proposals where id = $1', [proposal.id])
    expect((await totals(anonClient())).open).toBe(before - 1)
    expect(await drift()).toEqual([])
  })

  it('count a hidden proposal only for those who see it listed', async () => {
    const proposal = await arrangeProposal(world, 'open')
    const [anonBefore, memberBefore, facilitatorBefore] = await Promise.all([
      totals(anonClient()),
      totals(world.member.client),
      totals(world.facilitator.client),
    ])
    await sql().query(
      `update public.proposals set hidden_at = now(), hidden_reason = 'Abusive.' where id = $1`,
      [proposal.id],
    )
    expect((await totals(anonClient())).open).toBe(anonBefore.open - 1)
    expect((await totals(world.member.client)).open).toBe(memberBefore.open - 1)
    expect((await totals(world.facilitator.client)).open).toBe(facilitatorBefore.open)
    // Each total is what that reader's listing holds.
    for (const client of [anonClient(), world.member.client, world.facilitator.client]) {
      const { count } = await client
        .from('proposals')
        .select('id', { count: 'exact', head: true })
        .eq('group_id', world.group.id)
        .eq('status', 'open')
      expect((await totals(client)).open).toBe(count)
    }
    expect(await drift()).toEqual([])
  })

  it('cannot be written by a member, a facilitator or anyone signed out', async () => {
    const before = await totals(world.facilitator.client)
    for (const client of [anonClient(), world.member.client, world.facilitator.client]) {
      expectRefused(
        await client
          .from('proposal_counts')
          .insert({ group_id: world.group.id, status: 'adopted', hidden: false, proposals: 99 }),
      )
      expectRefused(
        await client
          .from('proposal_counts')
          .update({ proposals: 0 })
          .eq('group_id', world.group.id)
          .select(),
      )
      expectRefused(
        await client.from('proposal_counts').delete().eq('group_id', world.group.id).select(),
      )
    }
    expect(await totals(world.facilitator.client)).toEqual(before)
    expect(await drift()).toEqual([])
  })
})
