// Standing: facilitators, admins, and members of the group for its standing period who took
// part there (a vote or comment on someone else's proposal). Only reports from members with
// standing hide content; everyone else's still reach the facilitators' queue. Voting and
// commenting stay open to every active member.
import { beforeAll, describe, expect, it } from 'vitest'
import { anonClient } from '../support/clients'
import { expectOk, expectRefused } from '../support/expect'
import { addMembership, giveStanding } from '../support/groups'
import { arrangeProposal, createWorld, type World } from '../support/lifecycle'
import { createMember, type Member } from '../support/members'
import { arrangeComment, commentRow, createFlaggers, flag, flagRows } from '../support/moderation'
import { createProposal } from '../support/proposals'
import { sql } from '../support/sql'

let world: World
beforeAll(async () => {
  world = await createWorld('open')
})

async function standingOf(member: Member, groupId = world.group.id) {
  const { data, error } = await member.client.rpc('my_standing', { group_id: groupId })
  expect(error).toBeNull()
  return data![0]
}

/** A member of the group who joined `days` ago and has not taken part yet. */
async function memberSince(days: number) {
  const member = await createMember()
  await addMembership(world.group, member)
  await sql().query(
    `update public.group_members set requested_at = now() - make_interval(days => $3),
            joined_at = now() - make_interval(days => $3)
      where group_id = $1 and user_id = $2`,
    [world.group.id, member.id, days],
  )
  return member
}

async function visibleToAnon(proposalId: string) {
  const { data } = await anonClient().from('proposals').select('id').eq('id', proposalId)
  return data!.length === 1
}

describe('reports from accounts without standing', () => {
  it('three fresh accounts, members and not, hide nothing; their flags wait in the queue', async () => {
    const proposal = await arrangeProposal(world, 'open')
    const comment = await arrangeComment(proposal.id, world.author, { body: 'Honest words.' })
    const [stranger] = await createFlaggers(1)
    const newMember = await createMember()
    await addMembership(world.group, newMember)
    // Old enough, but has never voted or commented on anyone else's proposal.
    const lurker = await memberSince(30)
    for (const reporter of [stranger, newMember, lurker]) {
      expectOk(await flag(reporter.client, { proposal_id: proposal.id }))
      expectOk(await flag(reporter.client, { comment_id: comment.id }))
    }
    expect(await visibleToAnon(proposal.id)).toBe(true)
    expect(await commentRow(comment.id)).toMatchObject({
      hidden_at: null,
      body: 'Honest words.',
    })
    const { data } = await world.facilitator.client
      .from('flags')
      .select('reporter_id, reporter_has_standing, status')
      .eq('proposal_id', proposal.id)
    expect(data).toHaveLength(3)
    expect(data!.every((f) => f.status === 'open' && !f.reporter_has_standing)).toBe(true)
    expect(await flagRows({ comment_id: comment.id })).toHaveLength(3)
  })

  it('do not make up the three: two reporters with standing and ten without hide nothing', async () => {
    const proposal = await arrangeProposal(world, 'open')
    const withStanding = await createFlaggers(3, { standingIn: world.group })
    const without = await createFlaggers(10)
    for (const reporter of [...withStanding.slice(0, 2), ...without])
      expectOk(await flag(reporter.client, { proposal_id: proposal.id }))
    expect(await visibleToAnon(proposal.id)).toBe(true)
    expectOk(await flag(withStanding[2].client, { proposal_id: proposal.id }))
    expect(await visibleToAnon(proposal.id)).toBe(false)
  })

  it('three reporters with standing hide the proposal, and the facilitators see their standing', async () => {
    const proposal = await arrangeProposal(world, 'open')
    const reporters = await createFlaggers(3, { standingIn: world.group })
    for (const reporter of reporters)
      expectOk(await flag(reporter.client, { proposal_id: proposal.id }))
    expect(await visibleToAnon(proposal.id)).toBe(false)
    const { data } = await world.facilitator.client
      .from('flags')
      .select('reporter_has_standing')
      .eq('proposal_id', proposal.id)
    expect(data).toEqual(Array(3).fill({ reporter_has_standing: true }))
  })

  it('cannot claim standing: the flag records what Postgres computed', async () => {
    const proposal = await arrangeProposal(world, 'open')
    const [reporter] = await createFlaggers(1)
    const forged = await reporter.client.rpc('flag_content', {
      proposal_id: proposal.id,
      reason: 'Abusive',
      reporter_has_standing: true,
    } as never)
    expect(forged.error).not.toBeNull()
    expectRefused(
      await reporter.client.from('flags').insert({
        proposal_id: proposal.id,
        group_id: world.group.id,
        reason: 'Abusive',
        reporter_has_standing: true,
      } as never),
    )
    expectRefused(
      await reporter.client
        .from('group_members')
        .update({ participated_at: '2020-01-01T00:00:00Z' } as never)
        .eq('user_id', reporter.id),
    )
    expect(await flagRows({ proposal_id: proposal.id })).toEqual([])
  })
})

describe('who has standing', () => {
  it('facilitators and admins have it; visitors, non-members and pending members do not', async () => {
    expect(await standingOf(world.facilitator)).toMatchObject({
      has_standing: true,
      is_facilitator: true,
    })
    expect(await standingOf(world.admin)).toMatchObject({ has_standing: true, is_admin: true })
    expect(await standingOf(world.nonMember)).toMatchObject({
      has_standing: false,
      is_active_member: false,
    })
    expect(await standingOf(world.otherFacilitator)).toMatchObject({ has_standing: false })
    const { error } = await anonClient().rpc('my_standing', { group_id: world.group.id })
    expect(error).not.toBeNull()
  })

  it('a member gains it after the standing period once they vote on someone else’s proposal', async () => {
    const member = await memberSince(8)
    expect(await standingOf(member)).toMatchObject({
      has_standing: false,
      is_active_member: true,
      has_participated: false,
      standing_days: 7,
    })
    const proposal = await arrangeProposal(world, 'open')
    expectOk(await member.client.from('votes').insert({ proposal_id: proposal.id, value: 1 }))
    expect(await standingOf(member)).toMatchObject({ has_standing: true, has_participated: true })
  })

  it('a comment counts too; taking part on one’s own proposal does not', async () => {
    const member = await memberSince(8)
    const own = await createProposal(member, world.group, { publish: true })
    expectOk(await member.client.from('votes').insert({ proposal_id: own.id, value: 1 }))
    expectOk(
      await member.client
        .from('comments')
        .insert({ proposal_id: own.id, body: 'Replying on my own proposal.' }),
    )
    expect(await standingOf(member)).toMatchObject({ has_standing: false, has_participated: false })
    const other = await arrangeProposal(world, 'open')
    expectOk(
      await member.client
        .from('comments')
        .insert({ proposal_id: other.id, body: 'A thought on yours.' }),
    )
    expect(await standingOf(member)).toMatchObject({ has_standing: true })
  })

  it('a new member who takes part at once waits out the standing period', async () => {
    const member = await createMember()
    await addMembership(world.group, member)
    const proposal = await arrangeProposal(world, 'open')
    expectOk(await member.client.from('votes').insert({ proposal_id: proposal.id, value: -1 }))
    const standing = await standingOf(member)
    expect(standing).toMatchObject({ has_standing: false, has_participated: true })
    expect(new Date(standing.standing_from!).getTime()).toBeGreaterThan(
      Date.now() + 6 * 24 * 3600 * 1000,
    )
  })

  it('leaving the group ends it: a returning member starts again', async () => {
    const member = await createMember()
    await addMembership(world.group, member)
    await giveStanding(world.group, member)
    expect(await standingOf(member)).toMatchObject({ has_standing: true })
    expectOk(
      await member.client
        .from('group_members')
        .delete()
        .eq('group_id', world.group.id)
        .eq('user_id', member.id),
    )
    expectOk(
      await member.client
        .from('group_members')
        .insert({ group_id: world.group.id, user_id: member.id }),
    )
    expect(await standingOf(member)).toMatchObject({ has_standing: false, has_participated: false })
  })

  it('the standing period is the group’s, set by admins only', async () => {
    const group = world.otherGroup
    const member = await createMember()
    await addMembership(group, member)
    expectOk(
      await world.otherFacilitator.client
        .from('groups')
        .update({ standing_days: 0 })
        .eq('id', group.id)
        .select('id, slug, name, join_policy, archived_at'),
    )
    const { rows } = await sql().query('select standing_days from public.groups where id = $1', [
      group.id,
    ])
    expect(rows[0].standing_days).toBe(7)
    expectOk(
      await world.admin.client.from('groups').update({ standing_days: 0 }).eq('id', group.id),
    )
    await sql().query(
      `update public.group_members set participated_at = now() where group_id = $1 and user_id = $2`,
      [group.id, member.id],
    )
    expect(await standingOf(member, group.id)).toMatchObject({
      has_standing: true,
      standing_days: 0,
    })
    const tooLong = await world.admin.client
      .from('groups')
      .update({ standing_days: 1000 })
      .eq('id', group.id)
    expectRefused(tooLong, '23514')
  })
})

describe('voting and commenting', () => {
  it('stay open to every active member, standing or not', async () => {
    const proposal = await arrangeProposal(world, 'open')
    const newcomer = await createMember()
    await addMembership(world.group, newcomer)
    expectOk(await newcomer.client.from('votes').insert({ proposal_id: proposal.id, value: 1 }))
    expectOk(
      await newcomer.client
        .from('comments')
        .insert({ proposal_id: proposal.id, body: 'First day here, and I agree.' }),
    )
    expect(await standingOf(newcomer)).toMatchObject({ has_standing: false })
  })
})
