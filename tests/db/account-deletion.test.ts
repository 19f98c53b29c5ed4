// Deleting one's account: private data goes, published words stay without a name, the
// sign-in ends, and every counter stays exact.
import { describe, expect, it } from 'vitest'
import { anonClient } from '../support/clients'
import { expectRefused } from '../support/expect'
import { addMembership, createGroup } from '../support/groups'
import { createAdmin, createMember, testPassword } from '../support/members'
import { createProposal, proposalRow } from '../support/proposals'
import { sql } from '../support/sql'

describe('delete_my_account', () => {
  it('removes votes, drafts and memberships, keeps published words as "Former member", and ends the sign-in', async () => {
    const group = await createGroup()
    const leaver = await createMember({ displayName: 'Lee Leaver' })
    const other = await createMember()
    await addMembership(group, leaver)
    await addMembership(group, other)
    const published = await createProposal(leaver, group, {
      publish: true,
      title: 'Leaver’s published idea',
    })
    const draft = await createProposal(leaver, group, { title: 'Leaver’s private draft' })
    const othersProposal = await createProposal(other, group, { publish: true })
    await leaver.client.from('votes').insert({ proposal_id: othersProposal.id, value: 1 })
    await leaver.client
      .from('comments')
      .insert({ proposal_id: othersProposal.id, body: 'A comment that stays' })
    expect((await proposalRow(othersProposal.id)).support_count).toBe(1)

    expect((await leaver.client.rpc('delete_my_account')).error).toBeNull()

    expect((await proposalRow(othersProposal.id)).support_count).toBe(0)
    expect(await proposalRow(draft.id)).toBeUndefined()
    expect((await proposalRow(published.id)).status).toBe('open')
    const { data: profile } = await anonClient()
      .from('profiles')
      .select('display_name, region, bio')
      .eq('id', leaver.id)
      .single()
    expect(profile).toEqual({ display_name: 'Former member', region: null, bio: '' })
    const { rows: comments } = await sql().query(
      'select body from public.comments where author_id = $1',
      [leaver.id],
    )
    expect(comments).toEqual([{ body: 'A comment that stays' }])
    const { rowCount } = await sql().query(
      'select 1 from public.group_members where user_id = $1',
      [leaver.id],
    )
    expect(rowCount).toBe(0)
    const signIn = await anonClient().auth.signInWithPassword({
      email: leaver.email,
      password: testPassword,
    })
    expect(signIn.error?.code).toBe('invalid_credentials')
    const { rows: drift } = await sql().query('select * from private.counter_drift()')
    expect(drift).toEqual([])
    // The address is free again.
    expect(
      (await anonClient().auth.signUp({ email: leaver.email, password: testPassword })).error,
    ).toBeNull()
  })

  it('is refused to the only admin, and to anon', async () => {
    const admin = await createAdmin()
    const client = await sql().connect()
    try {
      // Make this admin the only one, for the length of the check.
      await client.query('begin')
      await client.query(`set local role authenticated`)
      await client.query(`select set_config('request.jwt.claims', $1, true)`, [
        JSON.stringify({ sub: admin.id, role: 'authenticated' }),
      ])
      await client.query('reset role')
      await client.query(`delete from public.site_roles where role = 'admin' and user_id <> $1`, [
        admin.id,
      ])
      await client.query(`set local role authenticated`)
      await expect(client.query('select public.delete_my_account()')).rejects.toThrow(
        'You are the only admin.',
      )
    } finally {
      await client.query('rollback')
      client.release()
    }
    expectRefused(await anonClient().rpc('delete_my_account'))
  })
})
