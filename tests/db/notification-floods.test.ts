// No floods: the same kind of notification about the same thing from the same member reaches
// a recipient at most once a day, and join requests are limited per member. Tried through
// supabase-js as the member who would flood.
import { describe, expect, it } from 'vitest'
import { expectOk, expectRefused } from '../support/expect'
import { addMembership, createCast, createGroup } from '../support/groups'
import { notificationsOf } from '../support/lifecycle'
import { createMember, type Member } from '../support/members'
import { createProposal, inviteCoauthor } from '../support/proposals'
import { sql } from '../support/sql'

function join(member: Member, groupId: string) {
  return member.client.from('group_members').insert({ group_id: groupId, user_id: member.id })
}

function leave(member: Member, groupId: string) {
  return member.client
    .from('group_members')
    .delete()
    .eq('group_id', groupId)
    .eq('user_id', member.id)
    .select('group_id, user_id, role, status, joined_at')
}

describe('join and leave churn', () => {
  it('twenty requests to a request-only group tell the facilitators once, and stop at ten a day', async () => {
    const cast = await createCast('request')
    const churner = await createMember({ displayName: 'Churning Member' })
    const refusals: string[] = []
    for (let i = 0; i < 20; i++) {
      const joined = await join(churner, cast.group.id)
      if (joined.error) {
        expectRefused(joined, 'P0001')
        refusals.push(joined.error.message)
        continue
      }
      expect(expectOk(await leave(churner, cast.group.id))).toHaveLength(1)
    }
    expect(refusals).toEqual(
      Array(10).fill(
        'You have asked to join groups 10 times today. Please wait a day before you ask again.',
      ),
    )
    const told = (await notificationsOf(cast.facilitator)).filter((n) => n.kind === 'join_request')
    expect(told).toHaveLength(1)
    expect(told[0]).toMatchObject({ actor_id: churner.id, group_id: cast.group.id })
    // The limit is across groups, and nothing of a refused request is left behind.
    const other = await createGroup({ joinPolicy: 'request' })
    expectRefused(await join(churner, other.id), 'P0001')
    const { rows } = await sql().query('select 1 from public.group_members where user_id = $1', [
      churner.id,
    ])
    expect(rows).toEqual([])
  })

  it('leaves joining open groups unlimited, and other members’ requests each heard', async () => {
    const cast = await createCast('request')
    const open = await createGroup({ joinPolicy: 'open' })
    const member = await createMember()
    for (let i = 0; i < 12; i++) {
      expectOk(await join(member, open.id))
      expectOk(await leave(member, open.id))
    }
    const askers = await Promise.all([createMember(), createMember()])
    for (const asker of askers) expectOk(await join(asker, cast.group.id))
    expect(
      (await notificationsOf(cast.facilitator)).filter((n) => n.kind === 'join_request'),
    ).toHaveLength(2)
  })
})

describe('repeated invitations', () => {
  it('inviting, removing and inviting a co-author again tells them once a day', async () => {
    const cast = await createCast('open')
    await addMembership(cast.group, cast.nonMember)
    const proposal = await createProposal(cast.member, cast.group)
    for (let i = 0; i < 5; i++) {
      await inviteCoauthor(proposal, cast.member, cast.nonMember)
      expectOk(
        await cast.member.client
          .from('proposal_authors')
          .delete()
          .eq('proposal_id', proposal.id)
          .eq('user_id', cast.nonMember.id)
          .select(),
      )
    }
    expect(
      (await notificationsOf(cast.nonMember)).filter((n) => n.kind === 'coauthor_invitation'),
    ).toHaveLength(1)
  })
})

describe('different news is not a flood', () => {
  it('two comments from the same member on the same proposal are both heard', async () => {
    const cast = await createCast('open')
    const proposal = await createProposal(cast.member, cast.group, { publish: true })
    for (const body of ['First thought.', 'Second thought.'])
      expectOk(
        await cast.facilitator.client.from('comments').insert({ proposal_id: proposal.id, body }),
      )
    expect(
      (await notificationsOf(cast.member)).filter((n) => n.kind === 'comment_on_proposal'),
    ).toHaveLength(2)
  })
})
