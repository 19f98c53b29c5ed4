// profiles: public to read; each member writes only their own, only some columns.
import { describe, expect, it } from 'vitest'
import { anonClient } from '../support/clients'
import { expectNoRows, expectOk, expectRefused } from '../support/expect'
import { createAdmin, createMember } from '../support/members'
import { sql } from '../support/sql'

describe('profiles', () => {
  it('are readable by anyone: display name, region and bio', async () => {
    const member = await createMember({ displayName: 'Public Person', region: 'halton' })
    const { data } = await anonClient()
      .from('profiles')
      .select('display_name, region, bio')
      .eq('id', member.id)
      .single()
    expect(data).toEqual({ display_name: 'Public Person', region: 'halton', bio: '' })
  })

  it('let a member edit their own display name, region and bio', async () => {
    const member = await createMember()
    const data = expectOk(
      await member.client
        .from('profiles')
        .update({ display_name: 'New Name', region: 'wirral', bio: 'Bus user.' })
        .eq('id', member.id)
        .select(),
    )
    expect(data[0]).toMatchObject({ display_name: 'New Name', region: 'wirral', bio: 'Bus user.' })
  })

  it('do not let a member edit someone else', async () => {
    const member = await createMember()
    const other = await createMember({ displayName: 'Untouched' })
    expectNoRows(
      await member.client
        .from('profiles')
        .update({ display_name: 'Hijacked' })
        .eq('id', other.id)
        .select(),
    )
    const { rows } = await sql().query('select display_name from public.profiles where id = $1', [
      other.id,
    ])
    expect(rows[0].display_name).toBe('Untouched')
  })

  it('do not let an admin edit someone else either', async () => {
    const admin = await createAdmin()
    const other = await createMember({ displayName: 'Still Mine' })
    expectNoRows(
      await admin.client
        .from('profiles')
        .update({ display_name: 'Renamed' })
        .eq('id', other.id)
        .select(),
    )
  })

  it('never let a member change their id or timestamps', async () => {
    const member = await createMember()
    const other = await createMember()
    expectRefused(await member.client.from('profiles').update({ id: other.id }).eq('id', member.id))
    expectRefused(
      await member.client
        .from('profiles')
        .update({ created_at: '2000-01-01T00:00:00Z' })
        .eq('id', member.id),
    )
  })

  it('cannot be inserted or deleted through the API, even for oneself', async () => {
    const member = await createMember()
    expectRefused(
      await member.client
        .from('profiles')
        .insert({ id: crypto.randomUUID(), display_name: 'Forged' }),
    )
    expectRefused(await member.client.from('profiles').delete().eq('id', member.id))
    expectRefused(
      await anonClient()
        .from('profiles')
        .insert({ id: crypto.randomUUID(), display_name: 'Forged' }),
    )
  })

  it('cannot be written by anon', async () => {
    const member = await createMember()
    expectRefused(
      await anonClient()
        .from('profiles')
        .update({ display_name: 'Anon was here' })
        .eq('id', member.id),
    )
  })

  it('hold only valid values', async () => {
    const member = await createMember()
    expectRefused(
      await member.client.from('profiles').update({ display_name: '' }).eq('id', member.id),
      '23514',
    )
    expectRefused(
      await member.client
        .from('profiles')
        .update({ display_name: 'x'.repeat(81) })
        .eq('id', member.id),
      '23514',
    )
    expectRefused(
      await member.client.from('profiles').update({ region: 'atlantis' }).eq('id', member.id),
      '23503',
    )
    expectRefused(
      await member.client
        .from('profiles')
        .update({ bio: 'b'.repeat(1001) })
        .eq('id', member.id),
      '23514',
    )
  })
})

describe('the profile trigger', () => {
  it('copies display name and region from the sign-up metadata', async () => {
    const { data } = await anonClient().auth.signUp({
      email: `trigger-${crypto.randomUUID().slice(0, 8)}@example.test`,
      password: 'correct-horse-battery',
      options: { data: { display_name: '  Siobhan  Murphy ', region: 'st-helens' } },
    })
    const { rows } = await sql().query(
      'select display_name, region from public.profiles where id = $1',
      [data.user!.id],
    )
    // Whitespace inside the name is normalised too (issue 11, item 10).
    expect(rows[0]).toEqual({ display_name: 'Siobhan Murphy', region: 'st-helens' })
  })

  it.each([
    ['an unknown region', { display_name: 'Valid Name', region: 'atlantis' }, 'Valid Name', null],
    ['an empty name', { display_name: '   ', region: 'sefton' }, 'Member', 'sefton'],
    [
      'a 500-character name',
      { display_name: 'n'.repeat(500), region: 'wirral' },
      'Member',
      'wirral',
    ],
    ['a name that is not a string', { display_name: { evil: true }, region: 42 }, 'Member', null],
    ['no metadata at all', undefined, 'Member', null],
  ])(
    'falls back safely on %s without failing the sign-up',
    async (_case, metadata, name, region) => {
      const { data, error } = await anonClient().auth.signUp({
        email: `fallback-${crypto.randomUUID().slice(0, 8)}@example.test`,
        password: 'correct-horse-battery',
        options: metadata ? { data: metadata } : undefined,
      })
      expect(error).toBeNull()
      const { rows } = await sql().query(
        'select display_name, region from public.profiles where id = $1',
        [data.user!.id],
      )
      expect(rows[0]).toEqual({ display_name: name, region })
    },
  )
})
