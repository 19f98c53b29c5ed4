// Test fixtures for groups and memberships, arranged as the database owner.
import { createAdmin, createMember, grantSiteRole, type Member } from './members'
import { anonClient, type Client } from './clients'
import { sql } from './sql'

export type TestGroup = { id: string; slug: string; name: string }

export async function createGroup(
  options: { joinPolicy?: 'open' | 'request'; archived?: boolean; name?: string } = {},
): Promise<TestGroup> {
  const slug = `group-${crypto.randomUUID().slice(0, 8)}`
  const name = options.name ?? `Test group ${slug.slice(6)}`
  const { rows } = await sql().query<TestGroup>(
    `insert into public.groups (slug, name, summary, description, horizon, join_policy, archived_at)
     values ($1, $2, 'A group for tests.', 'About this group.', 'strategic', $3, case when $4 then now() end)
     returning id, slug, name`,
    [slug, name, options.joinPolicy ?? 'open', options.archived ?? false],
  )
  return rows[0]
}

export async function addMembership(
  group: TestGroup,
  member: Member,
  {
    role = 'member',
    status = 'active',
  }: { role?: 'member' | 'facilitator'; status?: 'active' | 'pending' } = {},
) {
  await sql().query(
    'insert into public.group_members (group_id, user_id, role) values ($1, $2, $3)',
    [group.id, member.id, role],
  )
  if (status === 'pending') {
    await sql().query(
      `update public.group_members set status = 'pending', joined_at = null where group_id = $1 and user_id = $2`,
      [group.id, member.id],
    )
  }
}

/**
 * Standing in the group, earned the honest way but faster: the membership is backdated past
 * the group's standing period, and the member's first vote or comment on someone else's
 * proposal is recorded a day ago (as the participation trigger would have).
 */
export async function giveStanding(group: TestGroup, member: Member) {
  const { rowCount } = await sql().query(
    `update public.group_members m
        set requested_at = now() - make_interval(days => g.standing_days + 2),
            joined_at = now() - make_interval(days => g.standing_days + 1),
            participated_at = now() - interval '1 day'
       from public.groups g
      where g.id = m.group_id and m.group_id = $1 and m.user_id = $2 and m.status = 'active'`,
    [group.id, member.id],
  )
  if (rowCount !== 1) throw new Error('giveStanding needs an active membership')
}

export type Cast = {
  group: TestGroup
  otherGroup: TestGroup
  nonMember: Member
  pending: Member
  member: Member
  facilitator: Member
  otherFacilitator: Member
  candidate: Member
  admin: Member
}

/** Everyone the RLS matrix needs, around one fresh group and one other group. */
export async function createCast(joinPolicy: 'open' | 'request' = 'request'): Promise<Cast> {
  const [group, otherGroup] = await Promise.all([createGroup({ joinPolicy }), createGroup()])
  const [nonMember, pending, member, facilitator, otherFacilitator, candidate, admin] =
    await Promise.all([
      createMember({ displayName: 'Non Member' }),
      createMember({ displayName: 'Pending Member' }),
      createMember({ displayName: 'Active Member' }),
      createMember({ displayName: 'Fern Lead' }),
      createMember({ displayName: 'Otto Lead' }),
      // A name no other candidate of the run has (the forum refuses the candidate's name).
      createMember({
        displayName: `Cass Runner ${crypto.randomUUID().replaceAll('-', '').slice(0, 12)}`,
      }),
      createAdmin(),
    ])
  await addMembership(group, pending, { status: 'pending' })
  await addMembership(group, member)
  await addMembership(group, facilitator, { role: 'facilitator' })
  await addMembership(otherGroup, otherFacilitator, { role: 'facilitator' })
  await grantSiteRole(candidate, 'candidate')
  return {
    group,
    otherGroup,
    nonMember,
    pending,
    member,
    facilitator,
    otherFacilitator,
    candidate,
    admin,
  }
}

export type Actor = keyof Omit<Cast, 'group' | 'otherGroup'> | 'anon'

export function clientOf(cast: Cast, actor: Actor): Client {
  return actor === 'anon' ? anonClient() : cast[actor].client
}
