// Flags: who may flag what, once; who sees which flags; three open flags from different
// members hide the content; only the group's facilitators (and admins) review them.
import { beforeAll, describe, expect, it } from 'vitest'
import { anonClient, serviceClient } from '../support/clients'
import { expectOk, expectRefused } from '../support/expect'
import {
  arrangeProposal,
  as,
  auditOf,
  createWorld,
  type World,
  type WorldActor,
} from '../support/lifecycle'
import { arrangeComment, commentRow, createFlaggers, flag, flagRows } from '../support/moderation'
import { signInAs } from '../support/members'

let world: World
beforeAll(async () => {
  world = await createWorld('request')
})

describe('flagging', () => {
  const flaggers: Array<[WorldActor | 'pending', boolean]> = [
    ['anon', false],
    ['nonMember', true],
    ['pending', true],
    ['member', true],
    ['author', true],
    ['facilitator', true],
    ['otherFacilitator', true],
    ['candidate', true],
    ['admin', true],
  ]

  it.each(flaggers)(
    '%s may flag a published proposal and a comment: %s',
    async (actor, allowed) => {
      const proposal = await arrangeProposal(world, 'open')
      const comment = await arrangeComment(proposal.id, world.member)
      const client = actor === 'pending' ? world.pending.client : as(world, actor)
      for (const target of [{ proposal_id: proposal.id }, { comment_id: comment.id }]) {
        const result = await flag(client, target)
        if (allowed) {
          const row = expectOk(result)
          expect(row).toMatchObject({ status: 'open', group_id: world.group.id })
          expect(row.reporter_id).toBe(
            actor === 'pending' ? world.pending.id : world[actor as Exclude<WorldActor, 'anon'>].id,
          )
        } else {
          expectRefused(result)
        }
      }
    },
  )

  it('a member cannot flag the same thing twice, and is told so', async () => {
    const proposal = await arrangeProposal(world, 'open')
    const comment = await arrangeComment(proposal.id, world.author)
    const [reporter] = await createFlaggers(1)
    expectOk(await flag(reporter.client, { comment_id: comment.id }))
    const again = await flag(reporter.client, { comment_id: comment.id }, 'Still abusive.')
    expectRefused(again, 'P0001')
    expect(again.error?.message).toBe('You have already flagged this comment.')
    expectOk(await flag(reporter.client, { proposal_id: proposal.id }))
    const proposalAgain = await flag(reporter.client, { proposal_id: proposal.id })
    expectRefused(proposalAgain, 'P0001')
    expect(proposalAgain.error?.message).toBe('You have already flagged this proposal.')
    // Even two at once: one is stored, the other refused.
    const [racer] = await createFlaggers(1)
    const twins = await Promise.all(
      [signInAs(racer), signInAs(racer)].map(async (c) =>
        flag(await c, { comment_id: comment.id }),
      ),
    )
    expect(twins.filter((r) => r.error === null)).toHaveLength(1)
    expect(twins.filter((r) => r.error !== null).map((r) => r.error?.code)).toEqual([
      expect.stringMatching(/^(P0001|23505)$/),
    ])
    expect(await flagRows({ comment_id: comment.id })).toHaveLength(2)
  })

  it('needs a reason of 1 to 500 characters and exactly one target', async () => {
    const proposal = await arrangeProposal(world, 'open')
    const comment = await arrangeComment(proposal.id, world.author)
    const [reporter] = await createFlaggers(1)
    for (const reason of ['', ' \n ', 'x'.repeat(501)]) {
      const result = await flag(reporter.client, { proposal_id: proposal.id }, reason)
      expectRefused(result, 'P0001')
      expect(result.error?.message).toBe('Say what is wrong with it, in up to 500 characters.')
    }
    expectRefused(
      await reporter.client.rpc('flag_content', {
        proposal_id: proposal.id,
        comment_id: comment.id,
        reason: 'Both',
      }),
      'P0001',
    )
    expectRefused(await reporter.client.rpc('flag_content', { reason: 'Neither' }), 'P0001')
    expect(await flagRows({ proposal_id: proposal.id })).toEqual([])
  })

  it('is refused for what the member cannot read, drafts and deleted comments', async () => {
    const [draft, hidden] = await Promise.all([
      arrangeProposal(world, 'draft'),
      arrangeProposal(world, 'open'),
    ])
    const [reporter] = await createFlaggers(1)
    expectRefused(await flag(reporter.client, { proposal_id: draft.id }), '42501')
    expectRefused(await flag(world.author.client, { proposal_id: draft.id }), 'P0001')
    expectRefused(await flag(reporter.client, { proposal_id: crypto.randomUUID() }), '42501')
    const comment = await arrangeComment(hidden.id, world.author)
    expectOk(await world.author.client.rpc('delete_comment', { comment_id: comment.id }))
    const deleted = await flag(reporter.client, { comment_id: comment.id })
    expectRefused(deleted, 'P0001')
    expect(deleted.error?.message).toBe('This comment has been deleted.')
  })

  it('goes through flag_content only: nobody writes, edits or removes a flag directly', async () => {
    const proposal = await arrangeProposal(world, 'open')
    const [reporter] = await createFlaggers(1)
    const row = expectOk(await flag(reporter.client, { proposal_id: proposal.id }))
    for (const client of [
      reporter.client,
      world.facilitator.client,
      world.admin.client,
      anonClient(),
      serviceClient(),
    ]) {
      expectRefused(
        await client.from('flags').insert({
          proposal_id: proposal.id,
          reason: 'Forged',
          group_id: world.group.id,
          reporter_id: world.member.id,
        }),
      )
      expectRefused(
        await client
          .from('flags')
          .update({ status: 'dismissed' } as never)
          .eq('id', row!.id),
      )
      expectRefused(await client.from('flags').delete().eq('id', row!.id))
    }
    expect(await flagRows({ proposal_id: proposal.id })).toMatchObject([{ status: 'open' }])
  })

  it('trips a rate limit at 10 flags a minute', async () => {
    const proposal = await arrangeProposal(world, 'open')
    const comments = await Promise.all(
      Array.from({ length: 11 }, () => arrangeComment(proposal.id, world.author)),
    )
    const [reporter] = await createFlaggers(1)
    for (const comment of comments.slice(0, 10))
      expectOk(await flag(reporter.client, { comment_id: comment.id }))
    const eleventh = await flag(reporter.client, { comment_id: comments[10].id })
    expectRefused(eleventh, 'P0001')
    expect(eleventh.error?.message).toBe(
      'You are flagging very fast. Please wait a minute before you flag again.',
    )
  })
})

describe('who sees flags', () => {
  const readers: Array<[WorldActor, 'all' | 'own' | 'none']> = [
    ['nonMember', 'own'],
    ['member', 'none'],
    ['author', 'none'],
    ['facilitator', 'all'],
    ['otherFacilitator', 'none'],
    ['candidate', 'none'],
    ['admin', 'all'],
  ]

  it.each(readers)('%s sees %s of the group’s flags', async (actor, expected) => {
    const proposal = await arrangeProposal(world, 'open')
    const [stranger] = await createFlaggers(1)
    expectOk(await flag(world.nonMember.client, { proposal_id: proposal.id }))
    expectOk(await flag(stranger.client, { proposal_id: proposal.id }))
    const { data, error } = await as(world, actor)
      .from('flags')
      .select('reporter_id')
      .eq('proposal_id', proposal.id)
    expect(error).toBeNull()
    const reporters = data!.map((r) => r.reporter_id).sort()
    const all = [world.nonMember.id, stranger.id].sort()
    expect(reporters).toEqual(
      expected === 'all' ? all : expected === 'own' ? [world.nonMember.id] : [],
    )
  })

  it('anon sees none', async () => {
    expectRefused(await anonClient().from('flags').select('id').limit(1))
  })
})

describe('three open flags', () => {
  it('from different members hide a comment automatically; two do not', async () => {
    const proposal = await arrangeProposal(world, 'open')
    const comment = await arrangeComment(proposal.id, world.author, { body: 'Something nasty.' })
    const reporters = await createFlaggers(3, { standingIn: world.group })
    for (const reporter of reporters.slice(0, 2))
      expectOk(await flag(reporter.client, { comment_id: comment.id }))
    expect(await commentRow(comment.id)).toMatchObject({
      hidden_at: null,
      body: 'Something nasty.',
    })
    expectOk(await flag(reporters[2].client, { comment_id: comment.id }))
    const row = await commentRow(comment.id)
    expect(row).toMatchObject({
      body: '',
      hidden_automatically: true,
      hidden_by: null,
      hidden_reason: 'Hidden until a facilitator reviews it: several members flagged it.',
    })
    expect(await auditOf({ commentId: comment.id })).toMatchObject([
      { action: 'comment.hide', actor_id: null, details: { automatic: true, open_flags: 3 } },
    ])
    const fourth = await flag(world.member.client, { comment_id: comment.id })
    expectRefused(fourth, 'P0001')
    expect(fourth.error?.message).toBe(
      'This comment is already hidden while a facilitator reviews it.',
    )
  })

  it('count only open flags: a dismissed one does not count towards the three', async () => {
    const proposal = await arrangeProposal(world, 'open')
    const reporters = await createFlaggers(3, { standingIn: world.group })
    const first = expectOk(await flag(reporters[0].client, { proposal_id: proposal.id }))
    expectOk(
      await world.facilitator.client.rpc('resolve_flag', {
        flag_id: first!.id,
        decision: 'dismiss',
      }),
    )
    for (const reporter of reporters.slice(1))
      expectOk(await flag(reporter.client, { proposal_id: proposal.id }))
    expect(
      (await anonClient().from('proposals').select('id').eq('id', proposal.id)).data,
    ).toHaveLength(1)
  })

  it('sent at the same moment hide the content exactly once', async () => {
    const proposal = await arrangeProposal(world, 'open')
    const comment = await arrangeComment(proposal.id, world.author)
    const reporters = await createFlaggers(4, { standingIn: world.group })
    const results = await Promise.all(
      reporters.map((r) => flag(r.client, { comment_id: comment.id })),
    )
    const stored = results.filter((r) => r.error === null)
    expect(stored.length).toBeGreaterThanOrEqual(3)
    expect(results.filter((r) => r.error !== null).map((r) => r.error?.code)).toEqual(
      stored.length === 4 ? [] : ['P0001'],
    )
    expect((await commentRow(comment.id)).hidden_at).not.toBeNull()
    expect(
      (await auditOf({ commentId: comment.id })).filter((e) => e.action === 'comment.hide'),
    ).toHaveLength(1)
  })
})

describe('reviewing flags', () => {
  const reviewers: Array<[WorldActor, boolean]> = [
    ['anon', false],
    ['nonMember', false],
    ['member', false],
    ['author', false],
    ['otherFacilitator', false],
    ['candidate', false],
    ['facilitator', true],
    ['admin', true],
  ]

  it.each(reviewers)(
    '%s may hide flagged content or dismiss the flag: %s',
    async (actor, allowed) => {
      const proposal = await arrangeProposal(world, 'open')
      const comment = await arrangeComment(proposal.id, world.author)
      const [a, b] = await createFlaggers(2)
      const toHide = expectOk(await flag(a.client, { comment_id: comment.id }))!
      const toDismiss = expectOk(await flag(b.client, { proposal_id: proposal.id }))!
      const hide = await as(world, actor).rpc('resolve_flag', {
        flag_id: toHide.id,
        decision: 'hide',
        public_reason: 'Personal abuse.',
      })
      const dismiss = await as(world, actor).rpc('resolve_flag', {
        flag_id: toDismiss.id,
        decision: 'dismiss',
      })
      if (allowed) {
        expect(expectOk(hide)).toMatchObject({
          status: 'upheld',
          resolution_note: 'Personal abuse.',
        })
        expect(expectOk(dismiss)).toMatchObject({ status: 'dismissed' })
        expect((await commentRow(comment.id)).hidden_reason).toBe(
          'Hidden by a facilitator: Personal abuse.',
        )
      } else {
        expectRefused(hide)
        expectRefused(dismiss)
        expect((await commentRow(comment.id)).hidden_at).toBeNull()
        expect(await flagRows({ comment_id: comment.id })).toMatchObject([{ status: 'open' }])
      }
    },
  )

  it('hiding needs a public reason and upholds every open flag on the content', async () => {
    const proposal = await arrangeProposal(world, 'open')
    const comment = await arrangeComment(proposal.id, world.author, { body: 'Rude words.' })
    const reporters = await createFlaggers(2)
    const flags = await Promise.all(
      reporters.map(async (r) => expectOk(await flag(r.client, { comment_id: comment.id }))!),
    )
    for (const public_reason of [undefined, '', '  \n']) {
      const refused = await world.facilitator.client.rpc('resolve_flag', {
        flag_id: flags[0].id,
        decision: 'hide',
        public_reason,
      })
      expectRefused(refused, 'P0001')
      expect(refused.error?.message).toBe(
        'Give a public reason for hiding it: members will see it.',
      )
    }
    expectRefused(
      await world.facilitator.client.rpc('resolve_flag', {
        flag_id: flags[0].id,
        decision: 'delete',
      }),
      'P0001',
    )
    expectOk(
      await world.facilitator.client.rpc('resolve_flag', {
        flag_id: flags[0].id,
        decision: 'hide',
        public_reason: 'Insults another member.',
      }),
    )
    expect(await flagRows({ comment_id: comment.id })).toEqual([
      expect.objectContaining({
        status: 'upheld',
        resolved_by: world.facilitator.id,
        resolution_note: 'Insults another member.',
      }),
      expect.objectContaining({ status: 'upheld', resolved_by: world.facilitator.id }),
    ])
    const again = await world.facilitator.client.rpc('resolve_flag', {
      flag_id: flags[1].id,
      decision: 'dismiss',
    })
    expectRefused(again, 'P0001')
    expect(again.error?.message).toBe('This flag has already been reviewed.')
    expect(await commentRow(comment.id)).toMatchObject({
      hidden_automatically: false,
      hidden_by: world.facilitator.id,
    })
  })

  it('dismissing lifts an automatic hide once no open flag is left, and never a facilitator’s hide', async () => {
    const proposal = await arrangeProposal(world, 'open')
    const comment = await arrangeComment(proposal.id, world.author, { body: 'Fair criticism.' })
    const reporters = await createFlaggers(3, { standingIn: world.group })
    const flags = await Promise.all(
      reporters.map(async (r) => expectOk(await flag(r.client, { comment_id: comment.id }))!),
    )
    expect((await commentRow(comment.id)).hidden_at).not.toBeNull()
    for (const [i, f] of flags.entries()) {
      expectOk(
        await world.facilitator.client.rpc('resolve_flag', {
          flag_id: f.id,
          decision: 'dismiss',
          public_reason: 'Not abuse.',
        }),
      )
      const row = await commentRow(comment.id)
      if (i < 2) expect(row.hidden_at).not.toBeNull()
      else
        expect(row).toMatchObject({ hidden_at: null, hidden_reason: null, body: 'Fair criticism.' })
    }
    expect((await auditOf({ commentId: comment.id })).map((e) => e.action)).toEqual([
      'comment.hide',
      'flag.dismiss',
      'flag.dismiss',
      'flag.dismiss',
      'comment.unhide',
    ])
  })

  it('are not needed to show hidden content again: facilitators un-hide it, dismissing its open flags', async () => {
    const proposal = await arrangeProposal(world, 'open')
    const reporters = await createFlaggers(3, { standingIn: world.group })
    for (const r of reporters) expectOk(await flag(r.client, { proposal_id: proposal.id }))
    for (const actor of ['member', 'author', 'otherFacilitator', 'candidate'] as const) {
      expectRefused(
        await as(world, actor).rpc('unhide_content', { proposal_id: proposal.id }),
        '42501',
      )
    }
    expectRefused(await anonClient().rpc('unhide_content', { proposal_id: proposal.id }))
    expectOk(
      await world.facilitator.client.rpc('unhide_content', {
        proposal_id: proposal.id,
        note: 'Checked: it is fine.',
      }),
    )
    expect(
      (await anonClient().from('proposals').select('hidden_at').eq('id', proposal.id)).data,
    ).toEqual([{ hidden_at: null }])
    expect(await flagRows({ proposal_id: proposal.id })).toEqual(
      Array(3).fill(
        expect.objectContaining({ status: 'dismissed', resolution_note: 'Checked: it is fine.' }),
      ),
    )
    const notHidden = await world.facilitator.client.rpc('unhide_content', {
      proposal_id: proposal.id,
    })
    expectRefused(notHidden, 'P0001')
    expect(notHidden.error?.message).toBe('This is not hidden.')
  })
})
