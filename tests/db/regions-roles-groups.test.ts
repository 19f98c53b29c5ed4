// regions, site_roles and groups: who may read and who may write.
import { describe, expect, it } from 'vitest'
import { anonClient } from '../support/clients'
import { expectNoRows, expectOk, expectRefused } from '../support/expect'
import { createAdmin, createMember, grantSiteRole } from '../support/members'
import { sql } from '../support/sql'

function newGroup(overrides: Record<string, unknown> = {}) {
  const slug = `g-${crypto.randomUUID().slice(0, 8)}`
  return {
    slug,
    name: `Group ${slug}`,
    summary: 'A test group.',
    horizon: 'strategic' as const,
    ...overrides,
  }
}

describe('regions', () => {
  it('are readable by anyone and written by no API role', async () => {
    const { data } = await anonClient().from('regions').select('slug').order('position')
    expect(data?.map((r) => r.slug)).toEqual([
      'liverpool',
      'sefton',
      'knowsley',
      'st-helens',
      'halton',
      'wirral',
      'elsewhere',
    ])
    const admin = await createAdmin()
    expectRefused(await admin.client.from('regions').insert({ slug: 'mars', name: 'Mars' }))
    expectRefused(await admin.client.from('regions').delete().eq('slug', 'wirral'))
    expectRefused(await anonClient().from('regions').update({ name: 'X' }).eq('slug', 'wirral'))
  })
})

describe('site_roles', () => {
  it('show everyone who the candidate is, and nothing else to anon', async () => {
    const candidate = await createMember()
    await grantSiteRole(candidate, 'candidate')
    const admin = await createAdmin()
    const { data } = await anonClient()
      .from('site_roles')
      .select('user_id, role')
      .in('user_id', [candidate.id, admin.id])
    expect(data).toEqual([{ user_id: candidate.id, role: 'candidate' }])
  })

  it('show a member their own roles; admins see every role', async () => {
    const admin = await createAdmin()
    const other = await createAdmin()
    const mine = expectOk(
      await admin.client.from('site_roles').select('user_id').eq('user_id', admin.id),
    )
    expect(mine).toHaveLength(1)
    const member = await createMember()
    expect(
      expectOk(await member.client.from('site_roles').select('user_id').eq('user_id', other.id)),
    ).toEqual([])
    expect(
      expectOk(await admin.client.from('site_roles').select('user_id').eq('user_id', other.id)),
    ).toHaveLength(1)
  })

  it('cannot be granted by a member to themself or anyone', async () => {
    const member = await createMember()
    expectRefused(
      await member.client.from('site_roles').insert({ user_id: member.id, role: 'admin' }),
    )
    expectRefused(
      await member.client.from('site_roles').insert({ user_id: member.id, role: 'candidate' }),
    )
    expectRefused(
      await anonClient().from('site_roles').insert({ user_id: member.id, role: 'admin' }),
    )
    const candidate = await createMember()
    await grantSiteRole(candidate, 'candidate')
    expectRefused(
      await candidate.client.from('site_roles').insert({ user_id: candidate.id, role: 'admin' }),
    )
  })

  it('are granted and revoked by admins, who are recorded as the granter', async () => {
    const admin = await createAdmin()
    const member = await createMember()
    const granted = expectOk(
      await admin.client
        .from('site_roles')
        .insert({ user_id: member.id, role: 'candidate' })
        .select('user_id, role, granted_at'),
    )
    expect(granted[0]).toMatchObject({ user_id: member.id, role: 'candidate' })
    expect(expectOk(await admin.client.rpc('moderation_actors'))).toContainEqual(
      expect.objectContaining({
        action: 'role.grant',
        target_user_id: member.id,
        actor_id: admin.id,
      }),
    )
    const revoked = expectOk(
      await admin.client
        .from('site_roles')
        .delete()
        .eq('user_id', member.id)
        .eq('role', 'candidate')
        .select('user_id, role, granted_at'),
    )
    expect(revoked).toHaveLength(1)
  })

  it('cannot be forged with another granter', async () => {
    const admin = await createAdmin()
    const other = await createAdmin()
    const member = await createMember()
    expectRefused(
      await admin.client
        .from('site_roles')
        .insert({ user_id: member.id, role: 'candidate', granted_by: other.id }),
    )
  })

  it('cannot be revoked by members, and an admin cannot revoke their own admin role', async () => {
    const admin = await createAdmin()
    const member = await createMember()
    await grantSiteRole(member, 'candidate')
    expectNoRows(
      await member.client
        .from('site_roles')
        .delete()
        .eq('user_id', member.id)
        .select('user_id, role, granted_at'),
    )
    expectNoRows(
      await admin.client
        .from('site_roles')
        .delete()
        .eq('user_id', admin.id)
        .eq('role', 'admin')
        .select('user_id, role, granted_at'),
    )
    const { rowCount } = await sql().query(
      `select 1 from public.site_roles where user_id = $1 and role = 'admin'`,
      [admin.id],
    )
    expect(rowCount).toBe(1)
    const other = await createAdmin()
    expect(
      expectOk(
        await admin.client
          .from('site_roles')
          .delete()
          .eq('user_id', other.id)
          .eq('role', 'admin')
          .select('user_id, role, granted_at'),
      ),
    ).toHaveLength(1)
  })
})

describe('groups', () => {
  it('are readable by anyone', async () => {
    const { data } = await anonClient()
      .from('groups')
      .select('slug')
      .in('slug', ['buses', 'skills', 'schools', 'housing', 'tolls'])
    expect(data).toHaveLength(5)
  })

  it('are created, edited and deleted by admins only', async () => {
    const admin = await createAdmin()
    const created = expectOk(
      await admin.client
        .from('groups')
        .insert(newGroup())
        .select('id, slug, name, join_policy, archived_at'),
    )
    const actors = expectOk(await admin.client.rpc('moderation_actors'))
    expect(actors).toContainEqual(
      expect.objectContaining({
        action: 'group.create',
        target_id: created[0].id,
        actor_id: admin.id,
      }),
    )
    const id = created[0].id
    expect(
      expectOk(
        await admin.client
          .from('groups')
          .update({ summary: 'Changed.' })
          .eq('id', id)
          .select('summary'),
      )[0].summary,
    ).toBe('Changed.')
    expect(
      expectOk(
        await admin.client
          .from('groups')
          .delete()
          .eq('id', id)
          .select('id, slug, name, join_policy, archived_at'),
      ),
    ).toHaveLength(1)
  })

  it('cannot be written by anon, members or the candidate', async () => {
    const admin = await createAdmin()
    const [group] = expectOk(
      await admin.client
        .from('groups')
        .insert(newGroup())
        .select('id, slug, name, join_policy, archived_at'),
    )
    const member = await createMember()
    const candidate = await createMember()
    await grantSiteRole(candidate, 'candidate')
    for (const client of [member.client, candidate.client]) {
      expectRefused(await client.from('groups').insert(newGroup()))
      expectNoRows(
        await client
          .from('groups')
          .update({ name: 'Taken over' })
          .eq('id', group.id)
          .select('id, slug, name, join_policy, archived_at'),
      )
      expectNoRows(
        await client
          .from('groups')
          .delete()
          .eq('id', group.id)
          .select('id, slug, name, join_policy, archived_at'),
      )
    }
    expectRefused(await anonClient().from('groups').insert(newGroup()))
    expectRefused(
      await anonClient().from('groups').update({ name: 'Taken over' }).eq('id', group.id),
    )
    expectRefused(await anonClient().from('groups').delete().eq('id', group.id))
    const { rows } = await sql().query('select name from public.groups where id = $1', [group.id])
    expect(rows[0].name).toBe(group.name)
  })

  it('cannot be created with a forged creator', async () => {
    const admin = await createAdmin()
    const member = await createMember()
    expectRefused(await admin.client.from('groups').insert(newGroup({ created_by: member.id })))
  })

  it('hold only valid values', async () => {
    const admin = await createAdmin()
    expectRefused(
      await admin.client.from('groups').insert(newGroup({ slug: 'Bad Slug!' })),
      '23514',
    )
    expectRefused(
      await admin.client.from('groups').insert(newGroup({ horizon: 'someday' })),
      '22P02',
    )
    expectRefused(await admin.client.from('groups').insert(newGroup({ slug: 'buses' })), '23505')
  })
})
