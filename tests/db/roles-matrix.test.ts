// The full role matrix for groups, site_roles and profiles: every role of a group's world
// tries select / insert / update / delete through supabase-js.
import { beforeAll, describe, expect, it } from 'vitest'
import { clientOf, createCast, type Actor, type Cast } from '../support/groups'
import { sql } from '../support/sql'

const actors: Actor[] = [
  'anon',
  'nonMember',
  'pending',
  'member',
  'facilitator',
  'otherFacilitator',
  'candidate',
  'admin',
]

/** Allowed: the write went through. Denied: refused outright, or no row was touched. */
function outcome(result: { error: { code?: string } | null; data: unknown[] | null }) {
  if (result.error) return 'denied'
  return result.data && result.data.length > 0 ? 'allowed' : 'denied'
}

let cast: Cast
beforeAll(async () => {
  cast = await createCast('request')
})

describe('groups', () => {
  it.each(actors)('%s can read the group', async (actor) => {
    const { data } = await clientOf(cast, actor).from('groups').select('id').eq('id', cast.group.id)
    expect(data).toHaveLength(1)
  })

  it.each(actors)('%s: create / edit / delete only if admin', async (actor) => {
    const client = clientOf(cast, actor)
    const slug = `matrix-${crypto.randomUUID().slice(0, 8)}`
    const insert = await client
      .from('groups')
      .insert({ slug, name: 'Matrix', summary: 'x', horizon: 'quick_win' })
      .select('id, slug, name, join_policy, archived_at')
    const update = await client
      .from('groups')
      .update({ summary: `edited by ${actor}` })
      .eq('id', cast.otherGroup.id)
      .select('id, slug, name, join_policy, archived_at')
    const expected = actor === 'admin' ? 'allowed' : 'denied'
    expect({ insert: outcome(insert), update: outcome(update) }).toEqual({
      insert: expected,
      update: expected,
    })
    const victim = await sql().query(
      `insert into public.groups (slug, name, summary, horizon) values ($1, 'Victim', 'x', 'strategic') returning id`,
      [`victim-${crypto.randomUUID().slice(0, 8)}`],
    )
    const remove = await client
      .from('groups')
      .delete()
      .eq('id', victim.rows[0].id)
      .select('id, slug, name, join_policy, archived_at')
    expect(outcome(remove)).toBe(expected)
  })
})

describe('site_roles', () => {
  it.each(actors)('%s: grant and revoke only if admin', async (actor) => {
    const client = clientOf(cast, actor)
    const target = actor === 'nonMember' ? cast.member : cast.nonMember
    const grant = await client
      .from('site_roles')
      .insert({ user_id: target.id, role: 'candidate' })
      .select('user_id, role, granted_at')
    const selfPromotion =
      actor === 'anon'
        ? grant
        : await client
            .from('site_roles')
            .insert({ user_id: cast[actor].id, role: 'admin' })
            .select('user_id, role, granted_at')
    const revoke = await client
      .from('site_roles')
      .delete()
      .eq('user_id', cast.candidate.id)
      .eq('role', 'candidate')
      .select('user_id, role, granted_at')
    const expected = actor === 'admin' ? 'allowed' : 'denied'
    expect(outcome(grant)).toBe(expected)
    if (actor !== 'admin') expect(outcome(selfPromotion)).toBe('denied')
    expect(outcome(revoke)).toBe(expected)
    // put things back for the other actors
    await sql().query('delete from public.site_roles where user_id = $1 and role = $2', [
      target.id,
      'candidate',
    ])
    await sql().query(
      `insert into public.site_roles (user_id, role) values ($1, 'candidate') on conflict do nothing`,
      [cast.candidate.id],
    )
  })
})

describe('profiles', () => {
  it.each(actors)('%s can read profiles but edit only their own', async (actor) => {
    const client = clientOf(cast, actor)
    const { data } = await client.from('profiles').select('display_name').eq('id', cast.member.id)
    expect(data).toHaveLength(1)
    const other = actor === 'member' ? cast.facilitator : cast.member
    expect(
      outcome(
        await client
          .from('profiles')
          .update({ bio: `by ${actor}` })
          .eq('id', other.id)
          .select('id'),
      ),
    ).toBe('denied')
    expect(
      outcome(
        await client
          .from('profiles')
          .insert({ id: crypto.randomUUID(), display_name: 'Forged' })
          .select('id'),
      ),
    ).toBe('denied')
    expect(outcome(await client.from('profiles').delete().eq('id', other.id).select('id'))).toBe(
      'denied',
    )
    if (actor !== 'anon') {
      expect(
        outcome(
          await client
            .from('profiles')
            .update({ bio: 'my own words' })
            .eq('id', cast[actor].id)
            .select('id'),
        ),
      ).toBe('allowed')
    }
  })
})
