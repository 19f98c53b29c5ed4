// Facilitators' curation beyond the matrix: archive reasons, the rules of a merge, forwarding
// a whole shortlist, pinning, the group summary, and scores that stay exact throughout.
import { beforeAll, describe, expect, it } from 'vitest'
import { anonClient } from '../support/clients'
import { expectOk, expectRefused } from '../support/expect'
import { createGroup, addMembership } from '../support/groups'
import {
  addSupporters,
  arrangeProposal,
  arrangeProposals,
  as,
  createWorld,
  statusOf,
  type World,
  type WorldActor,
  everyone,
} from '../support/lifecycle'
import { createMember } from '../support/members'
import { proposalRow } from '../support/proposals'
import { sql } from '../support/sql'

const isCurator = (actor: WorldActor) => actor === 'facilitator' || actor === 'admin'

let world: World
beforeAll(async () => {
  world = await createWorld()
})

describe('archiving', () => {
  it('needs a public reason, which is stored and shown', async () => {
    const proposal = await arrangeProposal(world, 'open')
    for (const reason of [undefined, '', '   ', '\n\t\n']) {
      const refused = await world.facilitator.client.rpc('transition_proposal', {
        proposal_id: proposal.id,
        action: 'archive',
        reason,
      })
      expectRefused(refused, 'P0001')
      expect(refused.error?.message).toBe('Give a public reason for archiving this proposal.')
    }
    expectRefused(
      await world.facilitator.client.rpc('transition_proposal', {
        proposal_id: proposal.id,
        action: 'archive',
        reason: 'x'.repeat(2001),
      }),
      'P0001',
    )
    const archived = expectOk(
      await world.facilitator.client.rpc('transition_proposal', {
        proposal_id: proposal.id,
        action: 'archive',
        reason: '  Already promised in the manifesto.  ',
      }),
    )
    expect(archived).toMatchObject({
      status: 'archived',
      status_reason: 'Already promised in the manifesto.',
    })
    const { data } = await anonClient()
      .from('proposals')
      .select('status, status_reason')
      .eq('id', proposal.id)
      .single()
    expect(data).toEqual({
      status: 'archived',
      status_reason: 'Already promised in the manifesto.',
    })
  })

  it('refuses an unknown action with a clear message', async () => {
    const proposal = await arrangeProposal(world, 'open')
    const result = await world.admin.client.rpc('transition_proposal', {
      proposal_id: proposal.id,
      action: 'delete',
    })
    expectRefused(result, 'P0001')
    expect(result.error?.message).toMatch(/^Unknown action “delete”/)
    expectRefused(
      await world.admin.client.rpc('transition_proposal', {
        proposal_id: crypto.randomUUID(),
        action: 'shortlist',
      }),
    )
  })

  it('is closed in an archived group, for facilitators and admins alike', async () => {
    const other = await createWorld()
    const proposal = await arrangeProposal(other, 'open')
    await sql().query('update public.groups set archived_at = now() where id = $1', [
      other.group.id,
    ])
    for (const actor of ['facilitator', 'admin'] as const) {
      const result = await other[actor].client.rpc('transition_proposal', {
        proposal_id: proposal.id,
        action: 'shortlist',
      })
      expectRefused(result, 'P0001')
      expect(result.error?.message).toBe(
        'This group is archived: its proposals can no longer change.',
      )
    }
    expect(await statusOf(proposal.id)).toBe('open')
  })
})

describe('merging', () => {
  it('points at the other proposal, never moves a vote, and keeps the counters exact', async () => {
    const [duplicate, original] = await arrangeProposals(world, ['open', 'shortlisted'])
    const supporters = await Promise.all([createMember(), createMember()])
    await addSupporters(duplicate.id, supporters)
    await addSupporters(original.id, [world.member])
    const merged = expectOk(
      await world.facilitator.client.rpc('transition_proposal', {
        proposal_id: duplicate.id,
        action: 'merge',
        merge_target: original.id,
        reason: 'Same idea, better costed.',
      }),
    )
    expect(merged).toMatchObject({
      status: 'merged',
      merged_into: original.id,
      status_reason: 'Same idea, better costed.',
      support_count: 2,
    })
    expect(await proposalRow(original.id)).toMatchObject({
      status: 'shortlisted',
      support_count: 1,
    })
    const { rows } = await sql().query(
      'select proposal_id, count(*)::int as n from public.votes where proposal_id = any($1) group by 1',
      [[duplicate.id, original.id]],
    )
    expect(Object.fromEntries(rows.map((r) => [r.proposal_id, r.n]))).toEqual({
      [duplicate.id]: 2,
      [original.id]: 1,
    })
    const drift = await sql().query(
      'select * from private.counter_drift() where proposal_id = any($1)',
      [[duplicate.id, original.id]],
    )
    expect(drift.rows).toEqual([])
  })

  it.each([
    ['no target', (_: string[]) => undefined, 'Choose the proposal to merge this one into.'],
    ['itself', (ids: string[]) => ids[0], 'A proposal cannot be merged into itself.'],
    ['an archived proposal', (ids: string[]) => ids[1], null],
    ['a forwarded proposal', (ids: string[]) => ids[2], null],
    ['a draft', (ids: string[]) => ids[3], null],
    ['a proposal of another group', (ids: string[]) => ids[4], null],
    ['a proposal that does not exist', () => crypto.randomUUID(), null],
  ])('is refused into %s', async (_case, pick, message) => {
    const arranged = await arrangeProposals(world, ['open', 'archived', 'forwarded', 'draft'])
    const elsewhere = await createGroup()
    const [foreign] = await arrangeProposals(world, ['open'], { groupId: elsewhere.id })
    const ids = [...arranged.map((p) => p.id), foreign.id]
    const result = await world.admin.client.rpc('transition_proposal', {
      proposal_id: ids[0],
      action: 'merge',
      merge_target: pick(ids),
    })
    expectRefused(result, 'P0001')
    expect(result.error?.message).toBe(
      message ??
        'A proposal can only be merged into an open or shortlisted proposal of the same group.',
    )
    expect(await statusOf(ids[0])).toBe('open')
  })

  it('is refused into a hidden proposal, and a hidden proposal is neither shortlisted, forwarded nor merged', async () => {
    const [visible, hidden, hiddenShortlisted] = await arrangeProposals(world, [
      'open',
      'open',
      'shortlisted',
    ])
    await sql().query(
      `update public.proposals set hidden_at = now(), hidden_reason = 'Hidden by a facilitator: abuse' where id = any($1)`,
      [[hidden.id, hiddenShortlisted.id]],
    )
    expectRefused(
      await world.facilitator.client.rpc('transition_proposal', {
        proposal_id: visible.id,
        action: 'merge',
        merge_target: hidden.id,
      }),
      'P0001',
    )
    for (const [id, action] of [
      [hidden.id, 'shortlist'],
      [hidden.id, 'merge'],
      [hiddenShortlisted.id, 'forward'],
    ] as const) {
      const result = await world.facilitator.client.rpc('transition_proposal', {
        proposal_id: id,
        action,
        merge_target: visible.id,
      })
      expectRefused(result, 'P0001')
      expect(result.error?.message).toMatch(/^This proposal is hidden/)
    }
    expectOk(
      await world.facilitator.client.rpc('transition_proposal', {
        proposal_id: hidden.id,
        action: 'archive',
        reason: 'Abusive.',
      }),
    )
  })
})

describe('forwarding the shortlist', () => {
  it.each(everyone)('%s may forward the whole shortlist', async (actor) => {
    const fresh = await createWorld()
    const [a, b, open, hidden] = await arrangeProposals(fresh, [
      'shortlisted',
      'shortlisted',
      'open',
      'shortlisted',
    ])
    await sql().query(
      `update public.proposals set hidden_at = now(), hidden_reason = 'Hidden by a facilitator: x' where id = $1`,
      [hidden.id],
    )
    const [elsewhere] = await arrangeProposals(fresh, ['shortlisted'], {
      groupId: fresh.otherGroup.id,
    })
    const result = await as(fresh, actor).rpc('forward_shortlist', { group_id: fresh.group.id })
    if (isCurator(actor)) {
      expect(expectOk(result)).toBe(2)
      expect(await Promise.all([a, b, open, hidden, elsewhere].map((p) => statusOf(p.id)))).toEqual(
        ['forwarded', 'forwarded', 'open', 'shortlisted', 'shortlisted'],
      )
    } else {
      expectRefused(result)
      expect(await Promise.all([a, b].map((p) => statusOf(p.id)))).toEqual([
        'shortlisted',
        'shortlisted',
      ])
    }
  })

  it('forwards nothing when nothing is shortlisted, and is closed in an archived group', async () => {
    const fresh = await createWorld()
    expect(
      expectOk(
        await fresh.facilitator.client.rpc('forward_shortlist', { group_id: fresh.group.id }),
      ),
    ).toBe(0)
    const [shortlisted] = await arrangeProposals(fresh, ['shortlisted'])
    await sql().query('update public.groups set archived_at = now() where id = $1', [
      fresh.group.id,
    ])
    for (const actor of ['facilitator', 'admin'] as const) {
      const result = await fresh[actor].client.rpc('forward_shortlist', {
        group_id: fresh.group.id,
      })
      expectRefused(result, 'P0001')
      expect(result.error?.message).toBe(
        'This group is archived: its proposals can no longer change.',
      )
    }
    expect(await statusOf(shortlisted.id)).toBe('shortlisted')
  })
})

describe('pinning', () => {
  it.each(everyone)('%s may pin and unpin a published proposal', async (actor) => {
    const proposal = await arrangeProposal(world, 'open')
    const pinned = await as(world, actor).rpc('set_proposal_pinned', {
      proposal_id: proposal.id,
      pinned: true,
    })
    if (isCurator(actor)) {
      expect(expectOk(pinned).pinned).toBe(true)
      expect(
        expectOk(
          await as(world, actor).rpc('set_proposal_pinned', {
            proposal_id: proposal.id,
            pinned: false,
          }),
        ).pinned,
      ).toBe(false)
    } else {
      expectRefused(pinned)
      expect((await proposalRow(proposal.id)).pinned).toBe(false)
    }
  })

  it('only published, visible proposals can be pinned', async () => {
    const [draft, hidden] = await arrangeProposals(world, ['draft', 'open'])
    await sql().query(
      `update public.proposals set hidden_at = now(), hidden_reason = 'Hidden by a facilitator: x' where id = $1`,
      [hidden.id],
    )
    expectRefused(
      await world.facilitator.client.rpc('set_proposal_pinned', {
        proposal_id: draft.id,
        pinned: true,
      }),
    )
    const result = await world.facilitator.client.rpc('set_proposal_pinned', {
      proposal_id: hidden.id,
      pinned: true,
    })
    expectRefused(result, 'P0001')
    expect(result.error?.message).toBe('A hidden proposal cannot be pinned.')
  })

  it('cannot be done by a plain update, even by an admin', async () => {
    const proposal = await arrangeProposal(world, 'open')
    expectRefused(
      await world.admin.client
        .from('proposals')
        .update({ pinned: true } as never)
        .eq('id', proposal.id),
    )
  })
})

describe('the group summary', () => {
  it.each(everyone)('%s may write it', async (actor) => {
    const fresh = await createWorld()
    const note = `Where we are, by ${actor}: three proposals shortlisted.`
    const result = await as(fresh, actor).rpc('update_group_note', {
      group_id: fresh.group.id,
      note,
    })
    const { data } = await anonClient()
      .from('groups')
      .select('facilitator_note, facilitator_note_updated_at')
      .eq('id', fresh.group.id)
      .single()
    if (isCurator(actor)) {
      expect(expectOk(result).facilitator_note).toBe(note)
      expect(data!.facilitator_note).toBe(note)
      expect(data!.facilitator_note_updated_at).not.toBeNull()
    } else {
      expectRefused(result)
      expect(data).toEqual({ facilitator_note: '', facilitator_note_updated_at: null })
    }
  })

  it('is at most 1,000 characters, is closed in archived groups, and has no other way in', async () => {
    const tooLong = await world.facilitator.client.rpc('update_group_note', {
      group_id: world.group.id,
      note: 'x'.repeat(1001),
    })
    expectRefused(tooLong, 'P0001')
    expect(tooLong.error?.message).toBe('Keep the summary to 1,000 characters.')
    expect(
      expectOk(
        await world.facilitator.client.rpc('update_group_note', {
          group_id: world.group.id,
          note: 'x'.repeat(1000),
        }),
      ).facilitator_note,
    ).toHaveLength(1000)
    for (const client of [world.facilitator.client, world.admin.client]) {
      expectRefused(
        await client
          .from('groups')
          .update({ facilitator_note: 'Straight in' } as never)
          .eq('id', world.group.id),
      )
      expectRefused(
        await client
          .from('groups')
          .update({ facilitator_note_updated_at: new Date().toISOString() } as never)
          .eq('id', world.group.id),
      )
    }
    const fresh = await createWorld()
    await sql().query('update public.groups set archived_at = now() where id = $1', [
      fresh.group.id,
    ])
    for (const actor of ['facilitator', 'admin'] as const) {
      expectRefused(
        await fresh[actor].client.rpc('update_group_note', {
          group_id: fresh.group.id,
          note: 'Closed',
        }),
        'P0001',
      )
    }
  })
})

describe('scores', () => {
  it('stay exact through shortlisting, forwarding and the answer', async () => {
    const voters = await Promise.all(
      ['wirral', 'sefton', 'halton'].map((region) => createMember({ region })),
    )
    for (const voter of voters) await addMembership(world.group, voter)
    const proposal = await arrangeProposal(world, 'open')
    await addSupporters(proposal.id, voters.slice(0, 2))
    await addSupporters(proposal.id, voters.slice(2), -1)
    const before = await proposalRow(proposal.id)
    expectOk(
      await world.facilitator.client.rpc('transition_proposal', {
        proposal_id: proposal.id,
        action: 'shortlist',
      }),
    )
    expectOk(await world.facilitator.client.rpc('forward_shortlist', { group_id: world.group.id }))
    expectOk(
      await world.candidate.client.rpc('answer_proposal', {
        proposal_id: proposal.id,
        decision: 'adopted',
        explanation: 'Yes.',
      }),
    )
    const after = await proposalRow(proposal.id)
    expect(after).toMatchObject({
      status: 'adopted',
      support_count: 2,
      oppose_count: 1,
      top_score: before.top_score,
      hot_score: before.hot_score,
      region_score: before.region_score,
    })
    const drift = await sql().query(
      'select * from private.counter_drift() where proposal_id = $1',
      [proposal.id],
    )
    expect(drift.rows).toEqual([])
  })
})
