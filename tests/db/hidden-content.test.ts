// Hidden content through the API: a hidden comment keeps its place but not its words (only
// the group's facilitators read them, through an RPC); a hidden proposal, with everything
// attached to it, is seen only by its authors and the group's facilitators. Nothing hidden
// takes votes, comments, replies or edits.
import { beforeAll, describe, expect, it } from 'vitest'
import { anonClient } from '../support/clients'
import { expectNoRows, expectOk, expectRefused } from '../support/expect'
import {
  arrangeProposal,
  as,
  createWorld,
  type ArrangedProposal,
  type World,
  type WorldActor,
  everyone,
} from '../support/lifecycle'
import {
  arrangeComment,
  commentRow,
  createFlaggers,
  flag,
  hiddenBodyOf,
} from '../support/moderation'
import { sql } from '../support/sql'

const curators = new Set<WorldActor>(['facilitator', 'admin'])

let world: World
beforeAll(async () => {
  world = await createWorld()
})

/** Hidden by a facilitator's decision on a flag, as in the app. */
async function hideComment(commentId: string, reason = 'Personal abuse.') {
  const [reporter] = await createFlaggers(1)
  const flagged = expectOk(await flag(reporter.client, { comment_id: commentId }))!
  expectOk(
    await world.facilitator.client.rpc('resolve_flag', {
      flag_id: flagged.id,
      decision: 'hide',
      public_reason: reason,
    }),
  )
}

async function hideProposal(proposalId: string, reason = 'Not a policy proposal.') {
  const [reporter] = await createFlaggers(1)
  const flagged = expectOk(await flag(reporter.client, { proposal_id: proposalId }))!
  expectOk(
    await world.facilitator.client.rpc('resolve_flag', {
      flag_id: flagged.id,
      decision: 'hide',
      public_reason: reason,
    }),
  )
}

describe('a hidden comment', () => {
  let proposal: ArrangedProposal
  let hidden: { id: string }
  let reply: { id: string }
  beforeAll(async () => {
    proposal = await arrangeProposal(world, 'open')
    hidden = await arrangeComment(proposal.id, world.member, { body: 'The secret insult.' })
    reply = await arrangeComment(proposal.id, world.author, {
      parentId: hidden.id,
      body: 'A reply that stays.',
    })
    await hideComment(hidden.id)
  })

  it.each(everyone)('shows %s its place and the reason, never its words', async (actor) => {
    const { data } = await as(world, actor)
      .from('comments')
      .select('id, body, hidden_reason, parent_id')
      .eq('proposal_id', proposal.id)
      .order('created_at')
    expect(data).toEqual([
      {
        id: hidden.id,
        body: '',
        hidden_reason: 'Hidden by a facilitator: Personal abuse.',
        parent_id: null,
      },
      { id: reply.id, body: 'A reply that stays.', hidden_reason: null, parent_id: hidden.id },
    ])
  })

  it.each(everyone)(
    'has words that %s may read through the facilitators’ RPC: %s',
    async (actor) => {
      const result = await as(world, actor).rpc('read_hidden_comment', { comment_id: hidden.id })
      if (curators.has(actor)) expect(expectOk(result)).toBe('The secret insult.')
      else expectRefused(result)
    },
  )

  it('keeps its words out of the API’s reach, and the comment count as it was', async () => {
    expect(await hiddenBodyOf(hidden.id)).toBe('The secret insult.')
    expect((await commentRow(hidden.id)).body).toBe('')
    const drift = await sql().query(
      'select * from private.counter_drift() where proposal_id = $1',
      [proposal.id],
    )
    expect(drift.rows).toEqual([])
  })

  it('takes no replies and no edits; its author may still delete it, words and all', async () => {
    const replying = await world.author.client
      .from('comments')
      .insert({ proposal_id: proposal.id, parent_id: hidden.id, body: 'Replying anyway' })
    expectRefused(replying, 'P0001')
    expect(replying.error?.message).toBe('This comment is hidden and takes no replies.')
    expectNoRows(
      await world.member.client
        .from('comments')
        .update({ body: 'Edited back in' })
        .eq('id', hidden.id)
        .select('id, body, stance, edited_at'),
    )
    const other = await arrangeComment(proposal.id, world.member, { body: 'Another insult.' })
    await hideComment(other.id)
    expectOk(await world.member.client.rpc('delete_comment', { comment_id: other.id }))
    expect(await hiddenBodyOf(other.id)).toBeNull()
  })

  it('gets its words back when shown again', async () => {
    const comment = await arrangeComment(proposal.id, world.member, { body: 'Robust but fair.' })
    await hideComment(comment.id)
    expectOk(
      await world.admin.client.rpc('unhide_content', {
        comment_id: comment.id,
        note: 'On reflection, fair comment.',
      }),
    )
    const { data } = await anonClient()
      .from('comments')
      .select('body, hidden_at, hidden_reason, edited_at')
      .eq('id', comment.id)
      .single()
    expect(data).toEqual({
      body: 'Robust but fair.',
      hidden_at: null,
      hidden_reason: null,
      edited_at: null,
    })
    expect(await hiddenBodyOf(comment.id)).toBeNull()
  })
})

describe('a hidden proposal', () => {
  let proposal: ArrangedProposal
  beforeAll(async () => {
    proposal = await arrangeProposal(world, 'open')
    await arrangeComment(proposal.id, world.member, { body: 'A comment on it.' })
    await sql().query(`insert into public.votes (proposal_id, user_id, value) values ($1, $2, 1)`, [
      proposal.id,
      world.member.id,
    ])
    await sql().query(
      `insert into public.proposal_revisions (proposal_id, version, editor_id, title, summary, body) select id, version, author_id, title, summary, body from public.proposals where id = $1`,
      [proposal.id],
    )
    await hideProposal(proposal.id)
  })

  const readers = new Set<WorldActor>(['author', 'coauthor', 'facilitator', 'admin'])

  it.each(everyone)(
    'is seen by %s only if an author or a curator, with the reason',
    async (actor) => {
      const client = as(world, actor)
      const { data } = await client
        .from('proposals')
        .select('id, hidden_reason')
        .eq('id', proposal.id)
      const sees = readers.has(actor)
      expect(data).toEqual(
        sees
          ? [{ id: proposal.id, hidden_reason: 'Hidden by a facilitator: Not a policy proposal.' }]
          : [],
      )
      for (const table of ['comments', 'proposal_revisions', 'proposal_authors'] as const) {
        const attached = await client
          .from(table)
          .select('proposal_id')
          .eq('proposal_id', proposal.id)
        expect(attached.data?.length ?? 0, table).toBe(
          sees ? (table === 'proposal_authors' ? 2 : 1) : 0,
        )
      }
      const support = expectOk(await client.rpc('borough_support', { proposal_ids: [proposal.id] }))
      expect(support.length > 0, 'borough_support').toBe(sees)
    },
  )

  it('takes no votes and no comments, even from its authors and facilitators', async () => {
    for (const member of [world.author, world.facilitator, world.coauthor]) {
      expectRefused(
        await member.client.from('votes').insert({ proposal_id: proposal.id, value: 1 }),
      )
      expectRefused(
        await member.client
          .from('comments')
          .insert({ proposal_id: proposal.id, body: 'Still here?' }),
      )
    }
    expectNoRows(
      await world.member.client
        .from('votes')
        .update({ value: -1 })
        .eq('proposal_id', proposal.id)
        .select(),
    )
  })

  it('comes back, open to votes again, when a facilitator shows it again', async () => {
    const other = await arrangeProposal(world, 'open')
    await hideProposal(other.id)
    expectRefused(
      await world.otherFacilitator.client.rpc('unhide_content', { proposal_id: other.id }),
    )
    expectOk(await world.facilitator.client.rpc('unhide_content', { proposal_id: other.id }))
    expect(
      (await anonClient().from('proposals').select('id').eq('id', other.id)).data,
    ).toHaveLength(1)
    expectOk(
      await world.member.client.from('votes').insert({ proposal_id: other.id, value: 1 }).select(),
    )
  })

  it('cannot be hidden or shown by a plain update, even by an admin', async () => {
    for (const change of [
      { hidden_at: null },
      { hidden_reason: null },
      { hidden_automatically: false },
      { hidden_by: null },
    ]) {
      expectRefused(
        await world.admin.client
          .from('proposals')
          .update(change as never)
          .eq('id', proposal.id),
      )
      expectRefused(
        await world.author.client
          .from('proposals')
          .update(change as never)
          .eq('id', proposal.id),
      )
    }
    const comment = await arrangeComment(proposal.id, world.member)
    expectRefused(
      await world.member.client
        .from('comments')
        .update({ hidden_at: new Date().toISOString() } as never)
        .eq('id', comment.id),
    )
  })
})
