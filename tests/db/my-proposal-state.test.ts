// my_proposal_state(), through supabase-js as each role: what the proposal page asks beside
// the proposal's read. Each member gets their own vote, follow, right to edit and standing in
// the group, as can_edit_proposal and my_standing answer them, and a visitor none of it; the
// borough table, when asked, is borough_support's, small boroughs withheld.
import { beforeAll, describe, expect, it } from 'vitest'
import { anonClient, type Client } from '../support/clients'
import { createCast, giveStanding, type Cast } from '../support/groups'
import { createMember } from '../support/members'
import { defaultBody, documentOf } from '../support/proposals'
import { sql } from '../support/sql'

type State = {
  can_edit: boolean
  vote: number
  following: boolean
  standing: { has_standing: boolean; is_active_member: boolean } | null
  regions?: Array<{ region: string; support: number | null; fewer_than_5: boolean }>
}

let cast: Cast
let target: string
beforeAll(async () => {
  cast = await createCast()
  const { rows } = await sql().query<{ id: string }>(
    `insert into public.proposals (group_id, author_id, title, summary, body, status, published_at)
     values ($1, $2, 'Night buses on the 14', 'A summary.', $3::jsonb, 'open', now())
     returning id`,
    [cast.group.id, cast.facilitator.id, JSON.stringify(documentOf(defaultBody))],
  )
  target = rows[0].id
  await giveStanding(cast.group, cast.member)
  const { error } = await cast.member.client.from('votes').insert({ proposal_id: target, value: 1 })
  expect(error).toBeNull()
})

async function stateOf(client: Client, withRegions = false) {
  const { data, error } = await client.rpc(
    'my_proposal_state',
    { target, with_regions: withRegions },
    { get: true },
  )
  expect(error).toBeNull()
  return data as unknown as State
}

describe('my_proposal_state', () => {
  it('gives each member their own vote and follow on a proposal, and a visitor nothing', async () => {
    // Supporting a proposal follows it.
    expect(await stateOf(cast.member.client)).toMatchObject({
      can_edit: false,
      vote: 1,
      following: true,
    })
    expect(await stateOf(cast.facilitator.client)).toMatchObject({
      can_edit: true,
      vote: 0,
      following: false,
    })
    expect(await stateOf(anonClient())).toEqual({
      can_edit: false,
      vote: 0,
      following: false,
      standing: null,
    })
  })

  it('gives each member their own standing in the group, as my_standing does', async () => {
    for (const member of [cast.member, cast.nonMember, cast.facilitator, cast.pending]) {
      const { standing } = await stateOf(member.client)
      const { data, error } = await member.client.rpc('my_standing', { group_id: cast.group.id })
      expect(error).toBeNull()
      expect(standing).toEqual(data?.[0])
    }
    expect((await stateOf(cast.member.client)).standing).toMatchObject({
      has_standing: true,
      is_active_member: true,
    })
    expect((await stateOf(cast.pending.client)).standing).toMatchObject({
      has_standing: false,
      is_active_member: false,
    })
  })

  it('gives the borough table only when asked, as borough_support does, one vote withheld', async () => {
    expect(await stateOf(anonClient())).not.toHaveProperty('regions')
    const { regions } = await stateOf(anonClient(), true)
    const { data, error } = await anonClient().rpc(
      'borough_support',
      { proposal_ids: [target] },
      { get: true },
    )
    expect(error).toBeNull()
    const byRegion = (rows: Array<{ region: string }>) =>
      [...rows].sort((a, b) => a.region.localeCompare(b.region))
    expect(byRegion(regions ?? [])).toEqual(
      byRegion((data ?? []).map(({ proposal_id: _, ...row }) => row)),
    )
    // One supporter in one borough: no borough shows a number that could point at them.
    expect(regions?.length).toBeGreaterThan(1)
    expect(regions?.every((row) => row.support === null)).toBe(true)
  })

  it('tells a member who cannot read a draft nothing of it', async () => {
    const { rows } = await sql().query<{ id: string }>(
      `insert into public.proposals (group_id, author_id, title, summary, body)
       values ($1, $2, 'A private draft', 'A summary.', $3::jsonb) returning id`,
      [cast.group.id, cast.facilitator.id, JSON.stringify(documentOf(defaultBody))],
    )
    const { data, error } = await cast.member.client.rpc(
      'my_proposal_state',
      { target: rows[0].id, with_regions: true },
      { get: true },
    )
    expect(error).toBeNull()
    expect(data).toEqual({
      can_edit: false,
      vote: 0,
      following: false,
      standing: null,
      regions: [],
    })
  })

  it('gives a fresh account asking the frame for someone else’s draft nothing of it either', async () => {
    const { rows } = await sql().query<{ id: string }>(
      `insert into public.proposals (group_id, author_id, title, summary, body)
       values ($1, $2, 'Another private draft', 'A summary.', $3::jsonb) returning id`,
      [cast.group.id, cast.facilitator.id, JSON.stringify(documentOf(defaultBody))],
    )
    const stranger = await createMember({ displayName: 'Fresh Signup' })
    for (const client of [stranger.client, anonClient()]) {
      const { data, error } = await client.rpc(
        'page_frame_of_proposal',
        { unread_up_to: 10, group_slug: cast.group.slug, proposal_id: rows[0].id },
        { get: true },
      )
      expect(error).toBeNull()
      const frame = data as { group: { slug: string }; proposal_state: State }
      expect(frame.group.slug).toBe(cast.group.slug)
      expect(frame.proposal_state).toEqual({
        can_edit: false,
        vote: 0,
        following: false,
        standing: null,
        regions: [],
      })
    }
  })

  it('comes with the page frame on the proposal’s own pages, the same answer to each viewer', async () => {
    for (const client of [anonClient(), cast.member.client, cast.facilitator.client]) {
      const [framed, frame, state] = await Promise.all([
        client.rpc(
          'page_frame_of_proposal',
          { unread_up_to: 10, group_slug: cast.group.slug, proposal_id: target },
          { get: true },
        ),
        client.rpc('page_frame', { unread_up_to: 10, group_slug: cast.group.slug }, { get: true }),
        client.rpc('my_proposal_state', { target, with_regions: true }, { get: true }),
      ])
      expect(framed.error).toBeNull()
      expect(framed.data).toEqual({
        ...(frame.data as object),
        proposal_state: state.data,
      })
    }
  })
})
