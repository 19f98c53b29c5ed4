// comments and votes: the RLS matrix (non-members, pending members, anon, members of another
// group, drafts and archived proposals, forged ids, other people's comments), concurrency,
// counters that equal their source rows, and the rate limits.
import { beforeAll, describe, expect, it } from 'vitest'
import { anonClient } from '../support/clients'
import { expectNoRows, expectOk, expectRefused } from '../support/expect'
import {
  addMembership,
  clientOf,
  createCast,
  createGroup,
  type Actor,
  type Cast,
} from '../support/groups'
import { createMember, signInAs } from '../support/members'
import { createProposal, proposalRow, type TestProposal } from '../support/proposals'
import { sql } from '../support/sql'

async function drift(proposalId: string) {
  const { rows } = await sql().query(
    'select * from private.counter_drift() where proposal_id = $1',
    [proposalId],
  )
  return rows
}

describe('comments', () => {
  let cast: Cast
  let live: TestProposal
  let draft: TestProposal
  beforeAll(async () => {
    cast = await createCast('request')
    live = await createProposal(cast.member, cast.group, { publish: true })
    draft = await createProposal(cast.member, cast.group)
  })

  const commenters: Array<[Actor, boolean]> = [
    ['anon', false],
    ['nonMember', false],
    ['pending', false],
    ['member', true],
    ['facilitator', true],
    ['otherFacilitator', false],
    ['candidate', false],
    ['admin', false],
  ]

  it.each(commenters)('%s may comment on a published proposal: %s', async (actor, allowed) => {
    const result = await clientOf(cast, actor)
      .from('comments')
      .insert({ proposal_id: live.id, body: `From ${actor}`, stance: 'for' })
      .select('id, author_id')
    if (allowed)
      expect(expectOk(result)[0].author_id).toBe(cast[actor as Exclude<Actor, 'anon'>].id)
    else expectRefused(result)
  })

  it('nobody comments on a draft, and the draft’s comments cannot be read', async () => {
    expectRefused(
      await cast.member.client
        .from('comments')
        .insert({ proposal_id: draft.id, body: 'On my own draft' }),
    )
    expectRefused(
      await cast.facilitator.client
        .from('comments')
        .insert({ proposal_id: draft.id, body: 'On a draft' }),
    )
  })

  it('cannot be posted under another member’s name', async () => {
    expectRefused(
      await cast.member.client
        .from('comments')
        .insert({ proposal_id: live.id, body: 'Forged', author_id: cast.facilitator.id } as never),
    )
  })

  it('are readable by anyone once the proposal is published', async () => {
    const { data } = await anonClient().from('comments').select('id').eq('proposal_id', live.id)
    expect(data!.length).toBeGreaterThan(0)
  })

  it('are edited by their author only, and marked edited', async () => {
    const [comment] = expectOk(
      await cast.member.client
        .from('comments')
        .insert({ proposal_id: live.id, body: 'Frist!' })
        .select('id'),
    )
    expectNoRows(
      await cast.facilitator.client
        .from('comments')
        .update({ body: 'Rewritten by someone else' })
        .eq('id', comment.id)
        .select('id, body, stance, edited_at'),
    )
    expectRefused(await anonClient().from('comments').update({ body: 'Anon' }).eq('id', comment.id))
    const [edited] = expectOk(
      await cast.member.client
        .from('comments')
        .update({ body: 'First!' })
        .eq('id', comment.id)
        .select('body, edited_at'),
    )
    expect(edited.body).toBe('First!')
    expect(edited.edited_at).not.toBeNull()
    expectRefused(
      await cast.member.client
        .from('comments')
        .update({ author_id: cast.facilitator.id } as never)
        .eq('id', comment.id),
    )
    expectRefused(
      await cast.member.client
        .from('comments')
        .update({ proposal_id: draft.id } as never)
        .eq('id', comment.id),
    )
  })

  it('are deleted by their author only, leaving a placeholder that keeps the replies', async () => {
    const [parent] = expectOk(
      await cast.member.client
        .from('comments')
        .insert({ proposal_id: live.id, body: 'To be deleted', stance: 'against' })
        .select('id'),
    )
    const [reply] = expectOk(
      await cast.facilitator.client
        .from('comments')
        .insert({ proposal_id: live.id, parent_id: parent.id, body: 'A reply' })
        .select('id, depth'),
    )
    expect(reply.depth).toBe(1)
    const before = (await proposalRow(live.id)).comment_count
    expectRefused(await cast.facilitator.client.rpc('delete_comment', { comment_id: parent.id }))
    expectRefused(await cast.member.client.from('comments').delete().eq('id', parent.id))
    expect(
      (await cast.member.client.rpc('delete_comment', { comment_id: parent.id })).error,
    ).toBeNull()
    const { rows } = await sql().query(
      'select body, stance, deleted_at from public.comments where id = $1',
      [parent.id],
    )
    expect(rows[0]).toMatchObject({ body: '', stance: null })
    expect(rows[0].deleted_at).not.toBeNull()
    expect((await proposalRow(live.id)).comment_count).toBe(before - 1)
    const { data } = await anonClient().from('comments').select('id').eq('id', reply.id)
    expect(data).toHaveLength(1)
    expectNoRows(
      await cast.member.client
        .from('comments')
        .update({ body: 'Undeleted' })
        .eq('id', parent.id)
        .select('id, body, stance, edited_at'),
    )
  })

  it('replies must belong to the same proposal', async () => {
    const other = await createProposal(cast.member, cast.group, { publish: true })
    const [comment] = expectOk(
      await cast.member.client
        .from('comments')
        .insert({ proposal_id: live.id, body: 'Here' })
        .select('id'),
    )
    expectRefused(
      await cast.member.client
        .from('comments')
        .insert({ proposal_id: other.id, parent_id: comment.id, body: 'Cross-thread' }),
      'P0001',
    )
  })

  it('replies record their top-level comment, which nobody can forge or change', async () => {
    const client = cast.member.client
    const [top] = expectOk(
      await client.from('comments').insert({ proposal_id: live.id, body: 'Top' }).select('id'),
    )
    const [reply] = expectOk(
      await client
        .from('comments')
        .insert({ proposal_id: live.id, parent_id: top.id, body: 'Reply' })
        .select('id, root_id'),
    )
    const [deeper] = expectOk(
      await client
        .from('comments')
        .insert({ proposal_id: live.id, parent_id: reply.id, body: 'Deeper' })
        .select('id, root_id'),
    )
    expect([reply.root_id, deeper.root_id]).toEqual([top.id, top.id])
    expectRefused(
      await client.from('comments').insert({
        proposal_id: live.id,
        parent_id: top.id,
        body: 'Forged',
        root_id: reply.id,
      } as never),
    )
    expectRefused(
      await client
        .from('comments')
        .update({ root_id: null } as never)
        .eq('id', deeper.id),
    )
    const { rows } = await sql().query('select root_id from public.comments where id = $1', [
      deeper.id,
    ])
    expect(rows[0].root_id).toBe(top.id)
  })

  it('are closed on archived proposals and in archived groups', async () => {
    const archived = await createProposal(cast.member, cast.group, { publish: true })
    await sql().query(`update public.proposals set status = 'archived' where id = $1`, [
      archived.id,
    ])
    expectRefused(
      await cast.member.client
        .from('comments')
        .insert({ proposal_id: archived.id, body: 'Too late' }),
    )
    const group = await createGroup()
    const member = await createMember()
    await addMembership(group, member)
    const proposal = await createProposal(member, group, { publish: true })
    await sql().query('update public.groups set archived_at = now() where id = $1', [group.id])
    expectRefused(
      await member.client
        .from('comments')
        .insert({ proposal_id: proposal.id, body: 'Archived group' }),
    )
  })
})

describe('votes', () => {
  let cast: Cast
  let live: TestProposal
  beforeAll(async () => {
    cast = await createCast('request')
    live = await createProposal(cast.member, cast.group, { publish: true })
  })

  const voters: Array<[Actor, boolean]> = [
    ['anon', false],
    ['nonMember', false],
    ['pending', false],
    ['member', true],
    ['facilitator', true],
    ['otherFacilitator', false],
    ['candidate', false],
    ['admin', false],
  ]

  it.each(voters)('%s may vote: %s', async (actor, allowed) => {
    const result = await clientOf(cast, actor)
      .from('votes')
      .insert({ proposal_id: live.id, value: 1 })
      .select('user_id, region')
    if (allowed) expect(expectOk(result)[0].region).toBe('liverpool')
    else expectRefused(result)
  })

  it('records the voter, never a forged one, and keeps each vote private to its voter', async () => {
    const proposal = await createProposal(cast.member, cast.group, { publish: true })
    expectRefused(
      await cast.member.client
        .from('votes')
        .insert({ proposal_id: proposal.id, value: 1, user_id: cast.facilitator.id } as never),
    )
    expectRefused(
      await cast.member.client
        .from('votes')
        .insert({ proposal_id: proposal.id, value: 1, region: 'wirral' } as never),
    )
    expectOk(
      await cast.facilitator.client
        .from('votes')
        .insert({ proposal_id: proposal.id, value: -1 })
        .select(),
    )
    expect(
      expectOk(
        await cast.member.client.from('votes').select('user_id').eq('proposal_id', proposal.id),
      ),
    ).toEqual([])
    expect(
      (await anonClient().from('votes').select('user_id').eq('proposal_id', proposal.id)).data,
    ).toEqual([])
    // One voter in the borough: the API says "fewer than 5", never how they voted.
    const tallies = expectOk(
      await anonClient().rpc('borough_support', { proposal_ids: [proposal.id] }),
    )
    expect(tallies.find((t) => t.region === 'liverpool')).toEqual({
      proposal_id: proposal.id,
      region: 'liverpool',
      support: null,
      oppose: null,
      fewer_than_5: true,
    })
  })

  it('are changed and withdrawn by the voter only, with counters kept exact', async () => {
    const proposal = await createProposal(cast.member, cast.group, { publish: true })
    expectOk(
      await cast.member.client
        .from('votes')
        .insert({ proposal_id: proposal.id, value: 1 })
        .select(),
    )
    expectOk(
      await cast.facilitator.client
        .from('votes')
        .insert({ proposal_id: proposal.id, value: 1 })
        .select(),
    )
    expect(await proposalRow(proposal.id)).toMatchObject({ support_count: 2, oppose_count: 0 })
    expectNoRows(
      await cast.facilitator.client
        .from('votes')
        .update({ value: -1 })
        .eq('proposal_id', proposal.id)
        .eq('user_id', cast.member.id)
        .select(),
    )
    expectNoRows(
      await cast.facilitator.client
        .from('votes')
        .delete()
        .eq('proposal_id', proposal.id)
        .eq('user_id', cast.member.id)
        .select(),
    )
    expectOk(
      await cast.member.client
        .from('votes')
        .update({ value: -1 })
        .eq('proposal_id', proposal.id)
        .eq('user_id', cast.member.id)
        .select(),
    )
    expect(await proposalRow(proposal.id)).toMatchObject({ support_count: 1, oppose_count: 1 })
    expectOk(
      await cast.facilitator.client
        .from('votes')
        .delete()
        .eq('proposal_id', proposal.id)
        .eq('user_id', cast.facilitator.id)
        .select(),
    )
    const row = await proposalRow(proposal.id)
    expect(row).toMatchObject({ support_count: 0, oppose_count: 1, top_score: 0 })
    expect(await drift(proposal.id)).toEqual([])
  })

  it('cannot be cast on drafts or archived proposals', async () => {
    const draft = await createProposal(cast.member, cast.group)
    expectRefused(
      await cast.member.client.from('votes').insert({ proposal_id: draft.id, value: 1 }),
    )
    const archived = await createProposal(cast.member, cast.group, { publish: true })
    expectOk(
      await cast.member.client
        .from('votes')
        .insert({ proposal_id: archived.id, value: 1 })
        .select(),
    )
    await sql().query(`update public.proposals set status = 'archived' where id = $1`, [
      archived.id,
    ])
    expectRefused(
      await cast.facilitator.client.from('votes').insert({ proposal_id: archived.id, value: 1 }),
    )
    expectNoRows(
      await cast.member.client
        .from('votes')
        .update({ value: -1 })
        .eq('proposal_id', archived.id)
        .eq('user_id', cast.member.id)
        .select(),
    )
  })

  it('counters and scores cannot be written by anyone', async () => {
    for (const change of [
      { support_count: 1000 },
      { top_score: 1 },
      { region_score: 1 },
      { comment_count: 5 },
      { hot_score: 99 },
    ]) {
      for (const client of [cast.member.client, cast.admin.client]) {
        expectRefused(
          await client
            .from('proposals')
            .update(change as never)
            .eq('id', live.id),
        )
      }
    }
    expectRefused(
      await cast.admin.client
        .from('proposal_region_tallies')
        .insert({ proposal_id: live.id, region: 'wirral', support: 500 } as never),
    )
  })

  it('50 concurrent identical votes leave exactly one row and correct counters', async () => {
    const proposal = await createProposal(cast.member, cast.group, { publish: true })
    const voter = await createMember({ region: 'wirral' })
    await addMembership(cast.group, voter)
    const clients = await Promise.all(Array.from({ length: 50 }, () => signInAs(voter)))
    const results = await Promise.all(
      clients.map((client) => client.from('votes').insert({ proposal_id: proposal.id, value: 1 })),
    )
    expect(results.filter((r) => r.error === null)).toHaveLength(1)
    expect(results.filter((r) => r.error?.code === '23505')).toHaveLength(49)
    const { rows } = await sql().query(
      'select count(*)::int as n from public.votes where proposal_id = $1',
      [proposal.id],
    )
    expect(rows[0].n).toBe(1)
    expect(await proposalRow(proposal.id)).toMatchObject({ support_count: 1, oppose_count: 0 })
    expect(await drift(proposal.id)).toEqual([])
  })

  it('concurrent votes from many boroughs keep every tally and score exact', async () => {
    const proposal = await createProposal(cast.member, cast.group, { publish: true })
    const regions = [
      'liverpool',
      'sefton',
      'knowsley',
      'st-helens',
      'halton',
      'wirral',
      'elsewhere',
    ]
    const voters = await Promise.all(
      Array.from({ length: 28 }, (_, i) => createMember({ region: regions[i % regions.length] })),
    )
    for (const voter of voters) await addMembership(cast.group, voter)
    const results = await Promise.all(
      voters.map((voter, i) =>
        voter.client
          .from('votes')
          .insert({ proposal_id: proposal.id, value: i % 4 === 0 ? -1 : 1 }),
      ),
    )
    expect(results.map((r) => r.error?.message ?? null).filter(Boolean)).toEqual([])
    expect(await proposalRow(proposal.id)).toMatchObject({ support_count: 21, oppose_count: 7 })
    expect(await drift(proposal.id)).toEqual([])
  })
})

describe('rate limits', () => {
  it('trip at 10 comments a minute, with a clear message and nothing written', async () => {
    const cast = await createCast('open')
    const proposal = await createProposal(cast.member, cast.group, { publish: true })
    for (let i = 1; i <= 10; i++) {
      expect(
        (
          await cast.member.client
            .from('comments')
            .insert({ proposal_id: proposal.id, body: `Comment ${i}` })
        ).error,
      ).toBeNull()
    }
    const eleventh = await cast.member.client
      .from('comments')
      .insert({ proposal_id: proposal.id, body: 'One too many' })
    expectRefused(eleventh, 'P0001')
    expect(eleventh.error?.message).toBe(
      'You are commenting very fast. Please wait a minute before you post again.',
    )
    const { rows } = await sql().query(
      'select count(*)::int as n from public.comments where proposal_id = $1',
      [proposal.id],
    )
    expect(rows[0].n).toBe(10)
    expect((await proposalRow(proposal.id)).comment_count).toBe(10)
    // Another member is not slowed down by it.
    expect(
      (
        await cast.facilitator.client
          .from('comments')
          .insert({ proposal_id: proposal.id, body: 'Mine is fine' })
      ).error,
    ).toBeNull()
  })

  it('trip at 60 votes a minute, even when the votes are sent at once', async () => {
    const cast = await createCast('open')
    const proposals = await Promise.all(
      Array.from({ length: 61 }, () =>
        createProposal(cast.facilitator, cast.group, { publish: true }),
      ),
    )
    const results = await Promise.all(
      proposals.map((p) =>
        cast.member.client.from('votes').insert({ proposal_id: p.id, value: 1 }),
      ),
    )
    expect(results.filter((r) => r.error === null)).toHaveLength(60)
    const refused = results.filter((r) => r.error !== null)
    expect(refused).toHaveLength(1)
    expect(refused[0].error?.message).toBe(
      'You are voting very fast. Please wait a minute before you vote again.',
    )
    const { rows } = await sql().query(
      'select count(*)::int as n from public.votes where user_id = $1',
      [cast.member.id],
    )
    expect(rows[0].n).toBe(60)
  })
})

describe('reconciliation', () => {
  it('finds no stored counter or score that differs from the source rows', async () => {
    const { rows } = await sql().query('select * from private.counter_drift()')
    expect(rows).toEqual([])
  })

  it('would notice a counter that drifted', async () => {
    const cast = await createCast('open')
    const proposal = await createProposal(cast.member, cast.group, { publish: true })
    const client = await sql().connect()
    try {
      await client.query('begin')
      await client.query('update public.proposals set support_count = 7 where id = $1', [
        proposal.id,
      ])
      const { rows } = await client.query(
        'select what from private.counter_drift() where proposal_id = $1',
        [proposal.id],
      )
      expect(rows.map((r) => r.what)).toContain('support_count')
    } finally {
      await client.query('rollback')
      client.release()
    }
  })
})
