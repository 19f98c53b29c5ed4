// Who moderates stays private: the columns naming the admin or facilitator behind an action
// cannot be read, filtered or sorted on by anon or members through supabase-js; the group's
// facilitators and admins read them through moderation_actors().
import { beforeAll, describe, expect, it } from 'vitest'
import { anonClient, type Client } from '../support/clients'
import { expectOk, expectRefused } from '../support/expect'
import { addMembership } from '../support/groups'
import { createWorld, type World } from '../support/lifecycle'
import { createMember, type Member } from '../support/members'
import { arrangeComment, createFlaggers, flag } from '../support/moderation'
import { createProposal, type TestProposal } from '../support/proposals'

describe('who moderates', () => {
  let world: World
  let joiner: Member
  let reporter: Member
  let proposal: TestProposal
  let commentId: string
  let flagId: string
  beforeAll(async () => {
    world = await createWorld('request')
    joiner = await createMember({ displayName: 'New Joiner' })
    await addMembership(world.group, joiner, { status: 'pending' })
    expectOk(
      await world.facilitator.client
        .from('group_members')
        .update({ status: 'active' })
        .eq('group_id', world.group.id)
        .eq('user_id', joiner.id)
        .select('user_id'),
    )
    expectOk(
      await world.admin.client
        .from('site_roles')
        .insert({ user_id: world.nonMember.id, role: 'candidate' })
        .select('user_id'),
    )
    proposal = await createProposal(world.author, world.group, { publish: true })
    commentId = (await arrangeComment(proposal.id, world.member)).id
    ;[reporter] = await createFlaggers(1)
    const commentFlag = expectOk(await flag(reporter.client, { comment_id: commentId }))
    flagId = commentFlag.id
    expectOk(
      await world.facilitator.client.rpc('resolve_flag', {
        flag_id: flagId,
        decision: 'hide',
        public_reason: 'Insults another member.',
      }),
    )
    const proposalFlag = expectOk(await flag(reporter.client, { proposal_id: proposal.id }))
    expectOk(
      await world.facilitator.client.rpc('resolve_flag', {
        flag_id: proposalFlag.id,
        decision: 'hide',
        public_reason: 'Not a policy proposal.',
      }),
    )
  })

  type Reader = 'anon' | 'member' | 'author' | 'reporter' | 'joiner' | 'facilitator' | 'admin'
  const readers: Reader[] = [
    'anon',
    'member',
    'author',
    'reporter',
    'joiner',
    'facilitator',
    'admin',
  ]
  function clientOf(reader: Reader): Client {
    if (reader === 'anon') return anonClient()
    if (reader === 'reporter') return reporter.client
    if (reader === 'joiner') return joiner.client
    return world[reader].client
  }

  const columns = [
    ['groups', 'created_by', 'id'],
    ['site_roles', 'granted_by', 'role'],
    ['group_members', 'decided_by', 'status'],
    ['proposals', 'hidden_by', 'id'],
    ['comments', 'hidden_by', 'id'],
    ['flags', 'resolved_by', 'id'],
    ['notifications', 'actor_id', 'id'],
  ] as const

  it.each(readers)('%s cannot read, filter or sort on them through the API', async (reader) => {
    const client = clientOf(reader)
    for (const [table, column, other] of columns) {
      expectRefused(await client.from(table).select(column), '42501')
      expectRefused(await client.from(table).select('*'), '42501')
      expectRefused(await client.from(table).select(other).not(column, 'is', null), '42501')
      expectRefused(await client.from(table).select(other).order(column), '42501')
    }
  })

  it('leaves every other column readable, and the public reason says "a facilitator"', async () => {
    const [comment] = expectOk(
      await world.author.client.from('comments').select('id, hidden_reason').eq('id', commentId),
    )
    expect(comment.hidden_reason).toBe('Hidden by a facilitator: Insults another member.')
    const [hidden] = expectOk(
      await world.author.client.from('proposals').select('id, hidden_reason').eq('id', proposal.id),
    )
    expect(hidden.hidden_reason).toBe('Hidden by a facilitator: Not a policy proposal.')
    expect(
      expectOk(
        await reporter.client.from('flags').select('status, resolution_note').eq('id', flagId),
      ),
    ).toEqual([{ status: 'upheld', resolution_note: 'Insults another member.' }])
    const told = expectOk(
      await joiner.client.from('notifications').select('kind, body').eq('kind', 'join_approved'),
    )
    expect(told).toEqual([
      { kind: 'join_approved', body: `Your request to join ${world.group.name} was approved` },
    ])
  })

  it('are told to the group’s facilitators and admins through moderation_actors()', async () => {
    for (const client of [world.facilitator.client, world.admin.client]) {
      const actors = expectOk(await client.rpc('moderation_actors', { group_id: world.group.id }))
      expect(actors).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            action: 'membership.decide',
            target_user_id: joiner.id,
            actor_id: world.facilitator.id,
            actor_name: world.facilitator.displayName,
          }),
          expect.objectContaining({
            action: 'proposal.hide',
            target_id: proposal.id,
            actor_id: world.facilitator.id,
          }),
          expect.objectContaining({
            action: 'comment.hide',
            target_id: commentId,
            actor_id: world.facilitator.id,
          }),
          expect.objectContaining({
            action: 'flag.resolve',
            target_id: flagId,
            actor_id: world.facilitator.id,
          }),
        ]),
      )
    }
    const siteWide = expectOk(await world.admin.client.rpc('moderation_actors'))
    expect(siteWide).toContainEqual(
      expect.objectContaining({
        action: 'role.grant',
        target_user_id: world.nonMember.id,
        actor_id: world.admin.id,
      }),
    )
  })

  it('are refused to anyone else, with a sentence', async () => {
    for (const client of [
      world.member.client,
      world.author.client,
      reporter.client,
      world.otherFacilitator.client,
    ]) {
      const result = await client.rpc('moderation_actors', { group_id: world.group.id })
      expectRefused(result, '42501')
      expect(result.error?.message).toBe(
        "Only this group's facilitators and admins can see who moderated it.",
      )
    }
    expectRefused(await anonClient().rpc('moderation_actors', { group_id: world.group.id }))
    const siteWide = await world.facilitator.client.rpc('moderation_actors')
    expectRefused(siteWide, '42501')
    expect(siteWide.error?.message).toBe(
      'Only an admin can see who granted roles and created groups.',
    )
  })
})
