// group_members: the RLS matrix (who sees, joins, decides, leaves and removes), the attempts
// to promote oneself, and the member counter.
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
import { createMember } from '../support/members'
import { sql } from '../support/sql'

async function membership(groupId: string, userId: string) {
  const { rows } = await sql().query(
    'select role, status, joined_at, decided_by from public.group_members where group_id = $1 and user_id = $2',
    [groupId, userId],
  )
  return rows[0] ?? null
}

async function memberCount(groupId: string) {
  const { rows } = await sql().query('select member_count from public.groups where id = $1', [
    groupId,
  ])
  return rows[0].member_count as number
}

describe('who sees which memberships', () => {
  let cast: Cast
  beforeAll(async () => {
    cast = await createCast('request')
  })

  // What each role sees of the group: its facilitator, its active member, its pending request.
  const visibility: Array<[Actor, { facilitator: boolean; member: boolean; pending: boolean }]> = [
    ['anon', { facilitator: true, member: false, pending: false }],
    ['nonMember', { facilitator: true, member: false, pending: false }],
    ['pending', { facilitator: true, member: false, pending: true }],
    ['member', { facilitator: true, member: true, pending: false }],
    ['facilitator', { facilitator: true, member: true, pending: true }],
    ['otherFacilitator', { facilitator: true, member: false, pending: false }],
    ['candidate', { facilitator: true, member: false, pending: false }],
    ['admin', { facilitator: true, member: true, pending: true }],
  ]

  it.each(visibility)('%s', async (actor, expected) => {
    const { data, error } = await clientOf(cast, actor)
      .from('group_members')
      .select('user_id')
      .eq('group_id', cast.group.id)
    expect(error).toBeNull()
    const ids = new Set(data!.map((row) => row.user_id))
    expect({
      facilitator: ids.has(cast.facilitator.id),
      member: ids.has(cast.member.id),
      pending: ids.has(cast.pending.id),
    }).toEqual(expected)
  })
})

describe('joining', () => {
  it('an open group makes an active member at once', async () => {
    const group = await createGroup({ joinPolicy: 'open' })
    const member = await createMember()
    const [row] = expectOk(
      await member.client
        .from('group_members')
        .insert({ group_id: group.id, user_id: member.id })
        .select('group_id, user_id, role, status, joined_at'),
    )
    expect(row).toMatchObject({ role: 'member', status: 'active' })
    expect(row.joined_at).not.toBeNull()
    expect(await memberCount(group.id)).toBe(1)
  })

  it('a request group makes a pending request, whatever status the client sends', async () => {
    const cast = await createCast('request')
    const rows = expectOk(
      await cast.nonMember.client
        .from('group_members')
        .insert({ group_id: cast.group.id, user_id: cast.nonMember.id })
        .select('group_id, user_id, role, status, joined_at'),
    )
    expect(rows[0]).toMatchObject({ status: 'pending', joined_at: null })
    // status is not even a column members may set
    expectRefused(await createMemberClientInsert(cast, { status: 'active' }))
  })

  async function createMemberClientInsert(cast: Cast, extra: Record<string, unknown>) {
    const stranger = await createMember()
    return stranger.client
      .from('group_members')
      .insert({ group_id: cast.group.id, user_id: stranger.id, ...extra } as never)
  }

  it('is refused to anon', async () => {
    const cast = await createCast()
    expectRefused(
      await anonClient()
        .from('group_members')
        .insert({ group_id: cast.group.id, user_id: cast.nonMember.id }),
    )
  })

  it('cannot be done for somebody else (a forged user id)', async () => {
    const cast = await createCast('open')
    expectRefused(
      await cast.nonMember.client
        .from('group_members')
        .insert({ group_id: cast.group.id, user_id: cast.candidate.id }),
    )
    expectRefused(
      await cast.facilitator.client
        .from('group_members')
        .insert({ group_id: cast.group.id, user_id: cast.nonMember.id }),
    )
    expect(await membership(cast.group.id, cast.candidate.id)).toBeNull()
  })

  it('cannot make oneself a facilitator', async () => {
    const cast = await createCast('open')
    expectRefused(
      await cast.nonMember.client
        .from('group_members')
        .insert({ group_id: cast.group.id, user_id: cast.nonMember.id, role: 'facilitator' }),
    )
    expect(await membership(cast.group.id, cast.nonMember.id)).toBeNull()
  })

  it('happens once: joining twice is refused', async () => {
    const cast = await createCast('open')
    expectRefused(
      await cast.member.client
        .from('group_members')
        .insert({ group_id: cast.group.id, user_id: cast.member.id }),
      '23505',
    )
  })

  it('is refused for an archived group, with a reason', async () => {
    const group = await createGroup({ archived: true })
    const member = await createMember()
    const result = await member.client
      .from('group_members')
      .insert({ group_id: group.id, user_id: member.id })
    expectRefused(result, 'P0001')
    expect(result.error?.message).toBe('This group is archived and takes no new members.')
  })
})

describe('deciding requests and roles', () => {
  it('a facilitator of the group approves a request, and is recorded as the decider', async () => {
    const cast = await createCast('request')
    const before = await memberCount(cast.group.id)
    const rows = expectOk(
      await cast.facilitator.client
        .from('group_members')
        .update({ status: 'active' })
        .eq('group_id', cast.group.id)
        .eq('user_id', cast.pending.id)
        .select('group_id, user_id, role, status, joined_at'),
    )
    expect(rows[0]).toMatchObject({ status: 'active' })
    expect(await membership(cast.group.id, cast.pending.id)).toMatchObject({
      decided_by: cast.facilitator.id,
    })
    expect(rows[0].joined_at).not.toBeNull()
    expect(await memberCount(cast.group.id)).toBe(before + 1)
  })

  it.each<Actor>(['pending', 'member', 'nonMember', 'otherFacilitator', 'candidate'])(
    '%s cannot approve a request',
    async (actor) => {
      const cast = await createCast('request')
      const result = await clientOf(cast, actor)
        .from('group_members')
        .update({ status: 'active' })
        .eq('group_id', cast.group.id)
        .eq('user_id', cast.pending.id)
        .select('group_id, user_id, role, status, joined_at')
      expectNoRows(result)
      expect((await membership(cast.group.id, cast.pending.id)).status).toBe('pending')
    },
  )

  it('anon cannot touch memberships at all', async () => {
    const cast = await createCast('request')
    expectRefused(
      await anonClient()
        .from('group_members')
        .update({ status: 'active' })
        .eq('group_id', cast.group.id),
    )
    expectRefused(await anonClient().from('group_members').delete().eq('group_id', cast.group.id))
  })

  it('a member cannot change their own role', async () => {
    const cast = await createCast()
    expectNoRows(
      await cast.member.client
        .from('group_members')
        .update({ role: 'facilitator' })
        .eq('user_id', cast.member.id)
        .select('group_id, user_id, role, status, joined_at'),
    )
    expect((await membership(cast.group.id, cast.member.id)).role).toBe('member')
  })

  it('a facilitator cannot promote anyone, demote a colleague or change their own membership', async () => {
    const cast = await createCast()
    const colleague = await createMember()
    await addMembership(cast.group, colleague, { role: 'facilitator' })
    const promote = await cast.facilitator.client
      .from('group_members')
      .update({ role: 'facilitator' })
      .eq('group_id', cast.group.id)
      .eq('user_id', cast.member.id)
    expectRefused(promote)
    expect(promote.error?.message).toBe("Only an admin can change a member's role.")
    expectRefused(
      await cast.facilitator.client
        .from('group_members')
        .update({ role: 'member' })
        .eq('group_id', cast.group.id)
        .eq('user_id', colleague.id),
    )
    expectRefused(
      await cast.facilitator.client
        .from('group_members')
        .update({ status: 'pending' })
        .eq('group_id', cast.group.id)
        .eq('user_id', cast.member.id),
    )
    const own = await cast.facilitator.client
      .from('group_members')
      .update({ role: 'member' })
      .eq('group_id', cast.group.id)
      .eq('user_id', cast.facilitator.id)
    expectRefused(own)
    expect(own.error?.message).toBe('You cannot change your own membership.')
  })

  it('an admin appoints and removes facilitators', async () => {
    const cast = await createCast()
    const stranger = await createMember()
    const appointed = expectOk(
      await cast.admin.client
        .from('group_members')
        .insert({ group_id: cast.group.id, user_id: stranger.id, role: 'facilitator' })
        .select('group_id, user_id, role, status, joined_at'),
    )
    expect(appointed[0]).toMatchObject({ role: 'facilitator', status: 'active' })
    expect(await membership(cast.group.id, stranger.id)).toMatchObject({
      decided_by: cast.admin.id,
    })
    const promoted = expectOk(
      await cast.admin.client
        .from('group_members')
        .update({ role: 'facilitator' })
        .eq('group_id', cast.group.id)
        .eq('user_id', cast.member.id)
        .select('group_id, user_id, role, status, joined_at'),
    )
    expect(promoted[0].role).toBe('facilitator')
    expect(
      expectOk(
        await cast.admin.client
          .from('group_members')
          .delete()
          .eq('group_id', cast.group.id)
          .eq('user_id', stranger.id)
          .select('group_id, user_id, role, status, joined_at'),
      ),
    ).toHaveLength(1)
  })
})

describe('leaving and removing', () => {
  it('a member leaves, and a pending member withdraws their request', async () => {
    const cast = await createCast('request')
    const before = await memberCount(cast.group.id)
    expect(
      expectOk(
        await cast.member.client
          .from('group_members')
          .delete()
          .eq('group_id', cast.group.id)
          .eq('user_id', cast.member.id)
          .select('group_id, user_id, role, status, joined_at'),
      ),
    ).toHaveLength(1)
    expect(await memberCount(cast.group.id)).toBe(before - 1)
    expect(
      expectOk(
        await cast.pending.client
          .from('group_members')
          .delete()
          .eq('group_id', cast.group.id)
          .eq('user_id', cast.pending.id)
          .select('group_id, user_id, role, status, joined_at'),
      ),
    ).toHaveLength(1)
    expect(await memberCount(cast.group.id)).toBe(before - 1)
  })

  it('a facilitator removes a member and declines a request, but not a fellow facilitator', async () => {
    const cast = await createCast('request')
    const colleague = await createMember()
    await addMembership(cast.group, colleague, { role: 'facilitator' })
    expect(
      expectOk(
        await cast.facilitator.client
          .from('group_members')
          .delete()
          .eq('group_id', cast.group.id)
          .eq('user_id', cast.member.id)
          .select('group_id, user_id, role, status, joined_at'),
      ),
    ).toHaveLength(1)
    expect(
      expectOk(
        await cast.facilitator.client
          .from('group_members')
          .delete()
          .eq('group_id', cast.group.id)
          .eq('user_id', cast.pending.id)
          .select('group_id, user_id, role, status, joined_at'),
      ),
    ).toHaveLength(1)
    expectNoRows(
      await cast.facilitator.client
        .from('group_members')
        .delete()
        .eq('group_id', cast.group.id)
        .eq('user_id', colleague.id)
        .select('group_id, user_id, role, status, joined_at'),
    )
  })

  it.each<Actor>(['nonMember', 'pending', 'member', 'otherFacilitator', 'candidate'])(
    '%s cannot remove someone else',
    async (actor) => {
      const cast = await createCast('request')
      const victim = await createMember()
      await addMembership(cast.group, victim)
      expectNoRows(
        await clientOf(cast, actor)
          .from('group_members')
          .delete()
          .eq('group_id', cast.group.id)
          .eq('user_id', victim.id)
          .select('group_id, user_id, role, status, joined_at'),
      )
      expect(await membership(cast.group.id, victim.id)).not.toBeNull()
    },
  )
})

describe('the member counter', () => {
  it('stays equal to the active rows when many members join at once', async () => {
    const group = await createGroup({ joinPolicy: 'open' })
    const members = await Promise.all(Array.from({ length: 20 }, () => createMember()))
    const results = await Promise.all(
      members.map((m) =>
        m.client.from('group_members').insert({ group_id: group.id, user_id: m.id }),
      ),
    )
    for (const result of results) expect(result.error).toBeNull()
    await Promise.all(
      members
        .slice(0, 5)
        .map((m) =>
          m.client.from('group_members').delete().eq('group_id', group.id).eq('user_id', m.id),
        ),
    )
    const { rows } = await sql().query(
      `select g.member_count, (select count(*)::int from public.group_members m where m.group_id = g.id and m.status = 'active') as actual
       from public.groups g where g.id = $1`,
      [group.id],
    )
    expect(rows[0]).toEqual({ member_count: 15, actual: 15 })
  })

  it('cannot be written by anyone through the API', async () => {
    const cast = await createCast()
    expectRefused(
      await cast.admin.client
        .from('groups')
        .update({ member_count: 999 } as never)
        .eq('id', cast.group.id),
    )
  })
})
