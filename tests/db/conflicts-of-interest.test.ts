// No conflicts of interest: a facilitator (or admin) never decides on their own proposal
// (as author, co-author or invitee) or their own comment. Each decision is tried through
// supabase-js as the conflicted curator, then made by another facilitator or an admin.
import type { PostgrestError } from '@supabase/supabase-js'
import { beforeAll, describe, expect, it } from 'vitest'
import { anonClient } from '../support/clients'
import { expectOk, expectRefused } from '../support/expect'
import { addMembership } from '../support/groups'
import { arrangeProposal, createWorld, statusOf, type World } from '../support/lifecycle'
import { createMember, type Member } from '../support/members'
import { arrangeComment, commentRow, createFlaggers, flag, flagRows } from '../support/moderation'
import { documentOf } from '../support/proposals'
import { sql } from '../support/sql'

let world: World
let colleague: Member
beforeAll(async () => {
  world = await createWorld('open')
  colleague = await createMember({ displayName: 'Second Lead' })
  await addMembership(world.group, colleague, { role: 'facilitator' })
})

/** A proposal by world.facilitator, in the given status, arranged as the database owner. */
async function ownProposal(
  status: 'open' | 'shortlisted',
  { author = world.facilitator, groupId = world.group.id } = {},
) {
  const { rows } = await sql().query<{ id: string; title: string }>(
    `insert into public.proposals (group_id, author_id, title, body, status, published_at)
     values ($1, $2, $3, $4::jsonb, $5, now()) returning id, title`,
    [
      groupId,
      author.id,
      `Facilitator's own ${crypto.randomUUID().slice(0, 6)}`,
      JSON.stringify(documentOf('My own idea.')),
      status,
    ],
  )
  return rows[0]
}

async function hideWithThreeFlags(target: { proposal_id: string } | { comment_id: string }) {
  for (const reporter of await createFlaggers(3, { standingIn: world.group }))
    expectOk(await flag(reporter.client, target))
}

function expectConflict(result: { error: PostgrestError | null }, text: RegExp) {
  expectRefused(result, '42501')
  expect(result.error?.message).toMatch(text)
}

describe('flags on a facilitator’s own content', () => {
  it('cannot be reviewed by them, for a proposal or a comment, hide or dismiss', async () => {
    const proposal = await ownProposal('open')
    const comment = await arrangeComment(
      (await arrangeProposal(world, 'open')).id,
      world.facilitator,
    )
    const [a, b] = await createFlaggers(2)
    const onProposal = expectOk(await flag(a.client, { proposal_id: proposal.id }))!
    const onComment = expectOk(await flag(b.client, { comment_id: comment.id }))!
    for (const [flagId, what] of [
      [onProposal.id, 'proposal'],
      [onComment.id, 'comment'],
    ]) {
      for (const decision of ['hide', 'dismiss']) {
        expectConflict(
          await world.facilitator.client.rpc('resolve_flag', {
            flag_id: flagId,
            decision,
            public_reason: 'Fine.',
          }),
          new RegExp(
            `^Flags on your own ${what} are reviewed by another facilitator of the group or an admin\\.$`,
          ),
        )
      }
    }
    expect(await flagRows({ proposal_id: proposal.id })).toMatchObject([{ status: 'open' }])
    expect(await flagRows({ comment_id: comment.id })).toMatchObject([{ status: 'open' }])
    expectOk(
      await colleague.client.rpc('resolve_flag', { flag_id: onProposal.id, decision: 'dismiss' }),
    )
    expectOk(
      await world.admin.client.rpc('resolve_flag', {
        flag_id: onComment.id,
        decision: 'hide',
        public_reason: 'Off topic.',
      }),
    )
    expect((await commentRow(comment.id)).hidden_by).toBe(world.admin.id)
  })

  it('cannot be reviewed by a co-author or an invited co-author who facilitates', async () => {
    for (const accepted of [true, false]) {
      const proposal = await arrangeProposal(world, 'open')
      await sql().query(
        `insert into public.proposal_authors (proposal_id, user_id, role, added_by, accepted_at)
         values ($1, $2, 'coauthor', $3, case when $4 then now() end)`,
        [proposal.id, colleague.id, world.author.id, accepted],
      )
      const [reporter] = await createFlaggers(1)
      const row = expectOk(await flag(reporter.client, { proposal_id: proposal.id }))!
      expectConflict(
        await colleague.client.rpc('resolve_flag', { flag_id: row.id, decision: 'dismiss' }),
        /^Flags on your own proposal/,
      )
      expectOk(
        await world.facilitator.client.rpc('resolve_flag', {
          flag_id: row.id,
          decision: 'dismiss',
        }),
      )
    }
  })

  it('the rule holds for admins too', async () => {
    const comment = await arrangeComment((await arrangeProposal(world, 'open')).id, world.admin)
    const [reporter] = await createFlaggers(1)
    const row = expectOk(await flag(reporter.client, { comment_id: comment.id }))!
    expectConflict(
      await world.admin.client.rpc('resolve_flag', { flag_id: row.id, decision: 'dismiss' }),
      /^Flags on your own comment/,
    )
  })
})

describe('showing one’s own hidden content again', () => {
  it('is for another facilitator, for a proposal and a comment', async () => {
    const proposal = await ownProposal('open')
    const comment = await arrangeComment(
      (await arrangeProposal(world, 'open')).id,
      world.facilitator,
    )
    await hideWithThreeFlags({ proposal_id: proposal.id })
    await hideWithThreeFlags({ comment_id: comment.id })
    expectConflict(
      await world.facilitator.client.rpc('unhide_content', { proposal_id: proposal.id }),
      /^(Flags on your own proposal|Another facilitator of the group or an admin decides whether to show your own proposal again)/,
    )
    expectConflict(
      await world.facilitator.client.rpc('unhide_content', { comment_id: comment.id }),
      /your own comment/,
    )
    // Even with no open flag left to dismiss, the un-hide itself is refused.
    await sql().query(
      `update public.flags set status = 'dismissed', resolved_at = now() where proposal_id = $1`,
      [proposal.id],
    )
    expectConflict(
      await world.facilitator.client.rpc('unhide_content', { proposal_id: proposal.id }),
      /^Another facilitator of the group or an admin decides whether to show your own proposal again\.$/,
    )
    const { data } = await anonClient().from('proposals').select('id').eq('id', proposal.id)
    expect(data).toEqual([])
    expect((await commentRow(comment.id)).hidden_at).not.toBeNull()
    expectOk(await colleague.client.rpc('unhide_content', { proposal_id: proposal.id }))
    expectOk(await world.admin.client.rpc('unhide_content', { comment_id: comment.id }))
    expect((await commentRow(comment.id)).hidden_at).toBeNull()
  })
})

describe('curating one’s own proposal', () => {
  it('shortlisting and forwarding it are for another facilitator', async () => {
    const open = await ownProposal('open')
    const shortlisted = await ownProposal('shortlisted')
    expectConflict(
      await world.facilitator.client.rpc('transition_proposal', {
        proposal_id: open.id,
        action: 'shortlist',
      }),
      new RegExp(
        `^Another facilitator of the group or an admin decides whether to shortlist your own proposal “${open.title}”\\.$`,
      ),
    )
    expectConflict(
      await world.facilitator.client.rpc('transition_proposal', {
        proposal_id: shortlisted.id,
        action: 'forward',
      }),
      /decides whether to forward your own proposal/,
    )
    expect([await statusOf(open.id), await statusOf(shortlisted.id)]).toEqual([
      'open',
      'shortlisted',
    ])
    expectOk(
      await colleague.client.rpc('transition_proposal', {
        proposal_id: open.id,
        action: 'shortlist',
      }),
    )
    expectOk(
      await world.admin.client.rpc('transition_proposal', {
        proposal_id: shortlisted.id,
        action: 'forward',
      }),
    )
    expect(await statusOf(shortlisted.id)).toBe('forwarded')
  })

  it('merging it, or merging another proposal into it, is for another facilitator', async () => {
    const own = await ownProposal('open')
    const other = await arrangeProposal(world, 'open')
    expectConflict(
      await world.facilitator.client.rpc('transition_proposal', {
        proposal_id: own.id,
        action: 'merge',
        merge_target: other.id,
      }),
      /decides whether to merge your own proposal/,
    )
    expectConflict(
      await world.facilitator.client.rpc('transition_proposal', {
        proposal_id: other.id,
        action: 'merge',
        merge_target: own.id,
      }),
      /^Another facilitator of the group or an admin decides whether to merge a proposal into your own\.$/,
    )
    expect([await statusOf(own.id), await statusOf(other.id)]).toEqual(['open', 'open'])
    expectOk(
      await colleague.client.rpc('transition_proposal', {
        proposal_id: other.id,
        action: 'merge',
        merge_target: own.id,
      }),
    )
  })

  it('forwarding a shortlist with their own proposal on it is refused whole', async () => {
    const world2 = await createWorld('open')
    const mine = await ownProposal('shortlisted', {
      author: world2.facilitator,
      groupId: world2.group.id,
    })
    const theirs = await arrangeProposal(world2, 'shortlisted')
    expectConflict(
      await world2.facilitator.client.rpc('forward_shortlist', { group_id: world2.group.id }),
      /decides whether to forward your own proposal/,
    )
    expect([await statusOf(mine.id), await statusOf(theirs.id)]).toEqual([
      'shortlisted',
      'shortlisted',
    ])
    expect(
      expectOk(await world2.admin.client.rpc('forward_shortlist', { group_id: world2.group.id })),
    ).toBe(2)
  })

  it('leaves the rest alone: they may still archive, reopen and pin their own proposal', async () => {
    const own = await ownProposal('shortlisted')
    expectOk(
      await world.facilitator.client.rpc('set_proposal_pinned', {
        proposal_id: own.id,
        pinned: true,
      }),
    )
    expectOk(
      await world.facilitator.client.rpc('transition_proposal', {
        proposal_id: own.id,
        action: 'reopen',
      }),
    )
    expectOk(
      await world.facilitator.client.rpc('transition_proposal', {
        proposal_id: own.id,
        action: 'archive',
        reason: 'I withdraw it.',
      }),
    )
  })
})
