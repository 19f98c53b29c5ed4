// page_frame(), through supabase-js as each role: what every page reads first. It gives the
// campaign to everyone and the member's own standing to the member only; a session that has
// ended (signed out everywhere, the account deleted) gets no standing, so the app treats it as
// signed out; and it shows nobody anything RLS and the column grants keep from them.
import { beforeAll, describe, expect, it } from 'vitest'
import { anonClient, type Client } from '../support/clients'
import { addMembership, createCast, type Cast } from '../support/groups'
import { createMember, signInAs, testPassword } from '../support/members'
import { sql } from '../support/sql'
import { groupColumns } from '~/models/group.server'

type Frame = {
  campaign: { name: string } | null
  group: { slug: string } | null
  viewer: null | {
    id: string
    display_name: string
    unread: number
    site_roles: string[]
    memberships: Array<{ group_id: string; role: string; status: string; seen_due: boolean }>
    followed_groups: string[]
  }
}

async function frameOf(client: Client, unreadUpTo = 100) {
  const { data, error } = await client.rpc(
    'page_frame',
    { unread_up_to: unreadUpTo },
    { get: true },
  )
  expect(error).toBeNull()
  return data as unknown as Frame
}

let cast: Cast
beforeAll(async () => {
  cast = await createCast()
})

describe('page_frame', () => {
  it('gives a visitor the campaign and no viewer', async () => {
    const frame = await frameOf(anonClient())
    expect(frame.campaign?.name).toBeTruthy()
    expect(frame.viewer).toBeNull()
  })

  it('gives each member their own standing and nobody else’s', async () => {
    const member = await frameOf(cast.member.client)
    expect(member.viewer).toMatchObject({
      id: cast.member.id,
      display_name: 'Active Member',
      site_roles: [],
      memberships: [{ group_id: cast.group.id, role: 'member', status: 'active', seen_due: true }],
    })
    const facilitator = await frameOf(cast.facilitator.client)
    expect(facilitator.viewer?.memberships).toEqual([
      { group_id: cast.group.id, role: 'facilitator', status: 'active', seen_due: true },
    ])
    expect((await frameOf(cast.candidate.client)).viewer?.site_roles).toEqual(['candidate'])
    expect((await frameOf(cast.admin.client)).viewer?.site_roles).toEqual(['admin'])
    expect((await frameOf(cast.pending.client)).viewer?.memberships).toEqual([
      { group_id: cast.group.id, role: 'member', status: 'pending', seen_due: false },
    ])
  })

  it('counts unread notifications up to the limit asked, and the groups followed', async () => {
    const reader = await createMember()
    await addMembership(cast.otherGroup, reader)
    await sql().query(
      `insert into public.notifications (user_id, kind, body)
       select $1, 'proposal_status', 'News ' || n from generate_series(1, 5) n`,
      [reader.id],
    )
    await sql().query(`insert into public.follows (user_id, group_id) values ($1, $2)`, [
      reader.id,
      cast.otherGroup.id,
    ])
    expect((await frameOf(reader.client, 3)).viewer?.unread).toBe(3)
    const frame = await frameOf(reader.client)
    expect(frame.viewer?.unread).toBe(5)
    expect(frame.viewer?.followed_groups).toEqual([cast.otherGroup.id])
  })

  it('says a visit moves the last-seen time at most every ten minutes, as mark_group_seen does', async () => {
    const visitor = await createMember()
    await addMembership(cast.otherGroup, visitor)
    const due = async () => (await frameOf(visitor.client)).viewer?.memberships[0].seen_due
    expect(await due()).toBe(true)
    await visitor.client.rpc('mark_group_seen', { p_group: cast.otherGroup.id })
    expect(await due()).toBe(false)
    await sql().query(
      `update public.group_members set seen_at = now() - interval '11 minutes' where user_id = $1`,
      [visitor.id],
    )
    expect(await due()).toBe(true)
  })

  it('gives no standing to a session that has ended, though its token is still valid', async () => {
    const member = await createMember({ displayName: 'Gone Elsewhere' })
    const phone = await signInAs({ email: member.email, password: testPassword })
    expect((await frameOf(phone)).viewer?.display_name).toBe('Gone Elsewhere')
    // Signed out everywhere from another device: the phone still holds its access token.
    await member.client.auth.signOut({ scope: 'global' })
    const frame = await frameOf(phone)
    expect(frame.viewer).toBeNull()
    expect(frame.campaign?.name).toBeTruthy()
  })

  it('does not open members’ last visits to one another', async () => {
    // The frame reads a member's own seen_at through a private definer helper (the API does
    // not expose the private schema); the column itself stays closed to members.
    const { error } = await cast.member.client
      .from('group_members')
      .select('seen_at')
      .eq('user_id', cast.facilitator.id)
    expect(error?.code).toBe('42501')
  })

  it('brings the group a page names, exactly as the group’s own read gives it', async () => {
    for (const client of [anonClient(), cast.member.client, cast.nonMember.client]) {
      const { data, error } = await client.rpc(
        'page_frame',
        { unread_up_to: 100, group_slug: cast.group.slug },
        { get: true },
      )
      expect(error).toBeNull()
      const read = await client.from('groups').select(groupColumns).eq('slug', cast.group.slug)
      expect(read.error).toBeNull()
      expect((data as { group: unknown }).group).toEqual(read.data?.[0])
    }
    expect((await frameOf(anonClient())).group).toBeNull()
    const { data } = await anonClient().rpc(
      'page_frame',
      { unread_up_to: 100, group_slug: 'no-such-group' },
      { get: true },
    )
    expect((data as { group: unknown }).group).toBeNull()
  })
})
