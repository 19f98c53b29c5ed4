// Follows and @mentions: a mention tells an active member of the group (never anyone else);
// each comment tells each member once; supporters follow by default and hear of new comments
// until they unfollow; group followers hear of new proposals; follows are each member's own.
import { beforeAll, describe, expect, it } from 'vitest'
import { anonClient } from '../support/clients'
import { expectOk, expectRefused } from '../support/expect'
import { addMembership } from '../support/groups'
import { arrangeProposal, createWorld, notificationsOf, type World } from '../support/lifecycle'
import { createMember, type Member } from '../support/members'
import { createProposal } from '../support/proposals'

let world: World
let wendy: Member
let outsider: Member
beforeAll(async () => {
  world = await createWorld('open')
  ;[wendy, outsider] = await Promise.all([
    createMember({ displayName: `Wendy ${crypto.randomUUID().slice(0, 6)}` }),
    createMember({ displayName: `Olive ${crypto.randomUUID().slice(0, 6)}` }),
  ])
  await addMembership(world.group, wendy)
})

async function comment(member: Member, proposalId: string, body: string, parentId?: string) {
  return expectOk(
    await member.client
      .from('comments')
      .insert({ proposal_id: proposalId, body, parent_id: parentId ?? null })
      .select('id')
      .single(),
  )
}

async function kindsFor(member: Member, commentId: string) {
  return (await notificationsOf(member))
    .filter((n) => n.comment_id === commentId)
    .map((n) => n.kind)
}

describe('mentions', () => {
  it('tell a mentioned member of the group, and never a non-member', async () => {
    const proposal = await arrangeProposal(world, 'open')
    const { id } = await comment(
      world.member,
      proposal.id,
      `Thanks @${wendy.displayName}, and @${outsider.displayName} too.`,
    )
    expect(await kindsFor(wendy, id)).toEqual(['mention'])
    expect(await kindsFor(outsider, id)).toEqual([])
  })

  it('need the whole name: @Wendyx is not @Wendy', async () => {
    const proposal = await arrangeProposal(world, 'open')
    const { id } = await comment(world.member, proposal.id, `Hello @${wendy.displayName}x`)
    expect(await kindsFor(wendy, id)).toEqual([])
  })

  it('tell each member once per comment: an author mentioned in a reply to them hears once', async () => {
    const proposal = await arrangeProposal(world, 'open')
    const parent = await comment(world.author, proposal.id, 'My own first comment.')
    const { id } = await comment(
      world.member,
      proposal.id,
      `@${world.author.displayName} @${world.author.displayName} see this`,
      parent.id,
    )
    expect(await kindsFor(world.author, id)).toEqual(['reply_to_comment'])
    const { id: again } = await comment(
      world.member,
      proposal.id,
      `@${world.coauthor.displayName} what do you think?`,
    )
    expect(await kindsFor(world.coauthor, again)).toEqual(['mention'])
    expect(await kindsFor(world.author, again)).toEqual(['comment_on_proposal'])
  })
})

describe('follows', () => {
  it('supporting follows a proposal: new comments are told, until unfollowed', async () => {
    const proposal = await arrangeProposal(world, 'open')
    expectOk(await wendy.client.from('votes').insert({ proposal_id: proposal.id, value: 1 }))
    const follows = expectOk(
      await wendy.client.from('follows').select('proposal_id').eq('proposal_id', proposal.id),
    )
    expect(follows).toEqual([{ proposal_id: proposal.id }])
    const { id } = await comment(world.member, proposal.id, 'News for followers.')
    expect(await kindsFor(wendy, id)).toEqual(['followed_proposal_comment'])
    expectOk(await wendy.client.from('follows').delete().eq('proposal_id', proposal.id))
    const { id: later } = await comment(world.member, proposal.id, 'Nobody following now.')
    expect(await kindsFor(wendy, later)).toEqual([])
  })

  it('a group follower hears of a proposal published there', async () => {
    expectOk(await outsider.client.from('follows').insert({ group_id: world.group.id }))
    const proposal = await createProposal(world.author, world.group, { publish: true })
    const told = (await notificationsOf(outsider)).filter((n) => n.proposal_id === proposal.id)
    expect(told.map((n) => n.kind)).toEqual(['followed_group_proposal'])
  })

  it('are each member’s own: nobody reads or makes another’s, anon none', async () => {
    const proposal = await arrangeProposal(world, 'open')
    expectOk(await world.member.client.from('follows').insert({ proposal_id: proposal.id }))
    const seen = await world.facilitator.client
      .from('follows')
      .select('id')
      .eq('proposal_id', proposal.id)
    expect(seen.data).toEqual([])
    expectRefused(
      await world.facilitator.client
        .from('follows')
        .insert({ proposal_id: proposal.id, user_id: world.member.id } as never),
    )
    expectRefused(await anonClient().from('follows').insert({ proposal_id: proposal.id }))
    const draft = await arrangeProposal(world, 'draft')
    expectRefused(await world.member.client.from('follows').insert({ proposal_id: draft.id }))
  })
})
