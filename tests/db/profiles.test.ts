// profiles: public to read; each member writes only their own, only some columns.
import { describe, expect, it } from 'vitest'
import { anonClient } from '../support/clients'
import { expectNoRows, expectOk, expectRefused } from '../support/expect'
import { addMembership, createGroup, giveStanding } from '../support/groups'
import { createAdmin, createMember } from '../support/members'
import { createProposal } from '../support/proposals'
import { sql } from '../support/sql'

describe('profiles', () => {
  it('are readable by anyone: display name, the borough as shown, and bio', async () => {
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
        .select('display_name, region, bio'),
    )
    expect(data[0]).toEqual({ display_name: 'New Name', region: 'wirral', bio: 'Bus user.' })
  })

  describe('a borough kept private', () => {
    it('is shown to nobody but its member', async () => {
      const member = await createMember({ region: 'knowsley' })
      expectOk(
        await member.client
          .from('profiles')
          .update({ borough_public: false })
          .eq('id', member.id)
          .select('id'),
      )
      for (const reader of [
        anonClient(),
        (await createMember()).client,
        (await createAdmin()).client,
      ]) {
        const shown = await reader.from('profiles').select('region').eq('id', member.id).single()
        expect(shown.data).toEqual({ region: null })
      }
      // The member still reads their own, and only their own.
      expect(expectOk(await member.client.rpc('my_borough').single())).toEqual({
        region: 'knowsley',
        borough_public: false,
      })
      expect((await anonClient().rpc('my_borough')).error?.code).toBe('42501')
    })

    it('still counts in its borough’s tallies', async () => {
      const group = await createGroup()
      const [author, member] = await Promise.all([
        createMember(),
        createMember({ region: 'knowsley' }),
      ])
      await addMembership(group, author)
      await addMembership(group, member)
      await giveStanding(group, member)
      const proposal = await createProposal(author, group, { publish: true })
      await member.client.from('profiles').update({ borough_public: false }).eq('id', member.id)
      expectOk(await member.client.from('votes').insert({ proposal_id: proposal.id, value: 1 }))
      const { rows } = await sql().query(
        'select support from public.proposal_region_tallies where proposal_id = $1 and region = $2',
        [proposal.id, 'knowsley'],
      )
      expect(rows).toEqual([{ support: 1 }])
    })

    it('can be shown or hidden only by its member', async () => {
      const member = await createMember({ region: 'sefton' })
      const other = await createMember()
      expectNoRows(
        await other.client
          .from('profiles')
          .update({ borough_public: false })
          .eq('id', member.id)
          .select('id'),
      )
      const { rows } = await sql().query(
        'select borough_public from public.profiles where id = $1',
        [member.id],
      )
      expect(rows[0]).toEqual({ borough_public: true })
      // A member who keeps it private and moves stays private, and their votes move with them.
      await member.client.from('profiles').update({ borough_public: false }).eq('id', member.id)
      expectOk(
        await member.client
          .from('profiles')
          .update({ region: 'wirral' })
          .eq('id', member.id)
          .select('id'),
      )
      const after = await sql().query(
        `select p.region as shown, b.region as given
           from public.profiles p join private.member_boroughs b on b.user_id = p.id
          where p.id = $1`,
        [member.id],
      )
      expect(after.rows[0]).toEqual({ shown: null, given: 'wirral' })
      // Showing it again shows the borough they gave.
      await member.client.from('profiles').update({ borough_public: true }).eq('id', member.id)
      const shown = await anonClient()
        .from('profiles')
        .select('region')
        .eq('id', member.id)
        .single()
      expect(shown.data).toEqual({ region: 'wirral' })
    })
  })

  it('do not let a member edit someone else', async () => {
    const member = await createMember()
    const other = await createMember({ displayName: 'Untouched' })
    expectNoRows(
      await member.client
        .from('profiles')
        .update({ display_name: 'Hijacked' })
        .eq('id', other.id)
        .select('id'),
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
        .select('id'),
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
