// Mail preferences and group follows: every member has a row of defaults (replies and answers
// at once, group news daily); each member reads and changes only their own; nobody makes,
// deletes or re-assigns rows. The unsubscribe token: its signature and expiry are checked in
// Postgres, and it works for anon; a tampered or expired token changes nothing.
import { beforeAll, describe, expect, it } from 'vitest'
import { anonClient } from '../support/clients'
import { expectNoRows, expectOk, expectRefused } from '../support/expect'
import { addMembership, createGroup, type TestGroup } from '../support/groups'
import { createMember, type Member } from '../support/members'
import { sql } from '../support/sql'

let member: Member
let other: Member
let group: TestGroup
beforeAll(async () => {
  ;[member, other, group] = await Promise.all([createMember(), createMember(), createGroup()])
  await addMembership(group, member)
})

async function preferencesOf(id: string) {
  const { rows } = await sql().query('select * from public.mail_preferences where user_id = $1', [
    id,
  ])
  return rows[0]
}

describe('mail preferences', () => {
  it('every new member has the defaults: replies and answers at once, group news daily', async () => {
    const [row] = expectOk(
      await member.client.from('mail_preferences').select('*').eq('user_id', member.id),
    )
    expect(row).toMatchObject({
      replies: 'immediately',
      supported: 'immediately',
      my_proposals: 'daily',
      group_activity: 'daily',
      facilitation: 'daily',
      digest_hour: 8,
      digest_weekday: 1,
      time_zone: 'Europe/London',
    })
  })

  it('a member reads only their own; anon reads none', async () => {
    expect(expectOk(await member.client.from('mail_preferences').select('user_id'))).toEqual([
      { user_id: member.id },
    ])
    expectNoRows(await other.client.from('mail_preferences').select('*').eq('user_id', member.id))
    expectRefused(await anonClient().from('mail_preferences').select('*'))
  })

  it('a member changes their own, and nobody else’s', async () => {
    expectOk(
      await member.client
        .from('mail_preferences')
        .update({ group_activity: 'weekly', digest_hour: 18 })
        .eq('user_id', member.id)
        .select('user_id'),
    )
    expect(await preferencesOf(member.id)).toMatchObject({
      group_activity: 'weekly',
      digest_hour: 18,
    })
    expectNoRows(
      await other.client
        .from('mail_preferences')
        .update({ replies: 'off' })
        .eq('user_id', member.id)
        .select('user_id'),
    )
    expect((await preferencesOf(member.id)).replies).toBe('immediately')
  })

  it('nobody makes, deletes or re-assigns a row of preferences', async () => {
    expectRefused(await other.client.from('mail_preferences').insert({ user_id: other.id }))
    expectRefused(await member.client.from('mail_preferences').delete().eq('user_id', member.id))
    expectRefused(
      await member.client
        .from('mail_preferences')
        .update({ user_id: other.id })
        .eq('user_id', member.id),
    )
    expect(await preferencesOf(member.id)).toBeDefined()
  })

  it('refuses a time zone Postgres does not know, and a digest hour out of range', async () => {
    const zone = await member.client
      .from('mail_preferences')
      .update({ time_zone: 'Mars/Olympus' })
      .eq('user_id', member.id)
    expect(zone.error?.message).toBe('Choose a time zone from the list.')
    expectRefused(
      await member.client
        .from('mail_preferences')
        .update({ digest_hour: 24 })
        .eq('user_id', member.id),
      '23514',
    )
    expect((await preferencesOf(member.id)).time_zone).toBe('Europe/London')
  })
})

describe('group follows and mutes', () => {
  it('a member mutes or follows a group for themself only, and reads only their own', async () => {
    expectOk(
      await member.client.from('group_mail').insert({ group_id: group.id, following: false }),
    )
    expectRefused(
      await other.client
        .from('group_mail')
        .insert({ group_id: group.id, following: true, user_id: member.id }),
    )
    expectNoRows(await other.client.from('group_mail').select('*').eq('user_id', member.id))
    expectNoRows(
      await other.client
        .from('group_mail')
        .update({ following: true })
        .eq('user_id', member.id)
        .select('group_id'),
    )
    expectRefused(await anonClient().from('group_mail').select('*'))
    const { rows } = await sql().query(
      'select following from public.group_mail where user_id = $1 and group_id = $2',
      [member.id, group.id],
    )
    expect(rows).toEqual([{ following: false }])
  })

  it('an archived group takes no followers', async () => {
    const archived = await createGroup({ archived: true })
    expectRefused(
      await other.client.from('group_mail').insert({ group_id: archived.id, following: true }),
    )
  })
})

async function tokenFor(memberId: string, topic: string, expires = "now() + interval '1 day'") {
  const { rows } = await sql().query<{ token: string }>(
    `select private.unsubscribe_token($1, $2, ${expires}) as token`,
    [memberId, topic],
  )
  return rows[0].token
}

describe('unsubscribe tokens', () => {
  it('one call as anon turns that kind off, and the link tells which kind it is', async () => {
    const reader = await createMember()
    const token = await tokenFor(reader.id, 'replies')
    expect(expectOk(await anonClient().rpc('unsubscribe_link', { token }))).toEqual([
      { topic: 'replies', cadence: 'immediately' },
    ])
    expect(expectOk(await anonClient().rpc('unsubscribe', { token }))).toBe('replies')
    expect(await preferencesOf(reader.id)).toMatchObject({
      replies: 'off',
      supported: 'immediately',
    })
    expectOk(await anonClient().rpc('unsubscribe', { token, choice: 'weekly' }))
    expect((await preferencesOf(reader.id)).replies).toBe('weekly')
  })

  it('a digest’s token stops every kind that digest carries', async () => {
    const reader = await createMember()
    expectOk(await anonClient().rpc('unsubscribe', { token: await tokenFor(reader.id, 'daily') }))
    expect(await preferencesOf(reader.id)).toMatchObject({
      replies: 'immediately',
      supported: 'immediately',
      my_proposals: 'off',
      group_activity: 'off',
      facilitation: 'off',
    })
  })

  it('refuses a tampered or an expired token, and changes nothing', async () => {
    const reader = await createMember()
    const token = await tokenFor(reader.id, 'replies')
    const [id, , expires, signature] = token.split('.')
    const tampered = [
      `${id}.supported.${expires}.${signature}`,
      `${other.id}.replies.${expires}.${signature}`,
      `${id}.replies.${Number(expires) + 86_400}.${signature}`,
      `${id}.replies.${expires}.${signature.replace(/^./, (c) => (c === '0' ? '1' : '0'))}`,
      'nonsense',
    ]
    for (const bad of tampered) {
      const result = await anonClient().rpc('unsubscribe', { token: bad })
      expect(result.error?.message).toBe(
        'This unsubscribe link is not valid. Sign in to change your mail settings.',
      )
    }
    const expired = await tokenFor(reader.id, 'replies', "now() - interval '1 second'")
    expect((await anonClient().rpc('unsubscribe', { token: expired })).error?.message).toBe(
      'This unsubscribe link has expired. Sign in to change your mail settings.',
    )
    expect(await preferencesOf(reader.id)).toMatchObject({ replies: 'immediately' })
    expect((await preferencesOf(other.id)).replies).toBe('immediately')
  })

  it('the signing secret and the outbox are out of every API role’s reach', async () => {
    for (const client of [anonClient(), member.client]) {
      expectRefused(
        await client.rpc(
          'unsubscribe_token' as never,
          {
            member: member.id,
            topic: 'replies',
            expires: new Date().toISOString(),
          } as never,
        ),
        'PGRST202',
      )
    }
    const { rows } = await sql().query(
      `select has_table_privilege(r, 'private.mail_secret', 'select') or has_table_privilege(r, 'private.mail_outbox', 'select') as reads
         from unnest(array['anon', 'authenticated', 'service_role']) as r`,
    )
    expect(rows.map((r) => r.reads)).toEqual([false, false, false])
  })
})
