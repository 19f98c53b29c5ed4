// Votes stay private in small boroughs: no table, embed or RPC gives anon or a member the
// exact support of a borough where fewer than 5 voted, nor lets them work it out from the
// public totals; rankings still use the exact counts.
import { beforeAll, describe, expect, it } from 'vitest'
import { anonClient, type Client } from '../support/clients'
import { expectOk, expectRefused } from '../support/expect'
import { createCast, type Cast } from '../support/groups'
import { addSupporters } from '../support/lifecycle'
import { createMember, type Member } from '../support/members'
import { createProposal, type TestProposal } from '../support/proposals'
import { sql } from '../support/sql'

function voters(region: string, count: number): Promise<Member[]> {
  return Promise.all(Array.from({ length: count }, () => createMember({ region })))
}

async function boroughSupport(client: Client, proposalId: string) {
  const rows = expectOk(await client.rpc('borough_support', { proposal_ids: [proposalId] }))
  return new Map(rows.map((row) => [row.region, row]))
}

describe('support by borough', () => {
  let cast: Cast
  let proposal: TestProposal
  let haltonVoter: Member
  beforeAll(async () => {
    cast = await createCast('open')
    proposal = await createProposal(cast.member, cast.group, { publish: true })
    const [wirral, liverpool, [halton]] = await Promise.all([
      voters('wirral', 6),
      voters('liverpool', 5),
      voters('halton', 1),
    ])
    haltonVoter = halton
    await addSupporters(proposal.id, wirral.slice(0, 4), 1)
    await addSupporters(proposal.id, wirral.slice(4), -1)
    await addSupporters(proposal.id, liverpool, 1)
    await addSupporters(proposal.id, [haltonVoter], -1)
  })

  const readers = ['anon', 'nonMember', 'member', 'facilitator'] as const

  it.each(readers)('gives %s a one-voter borough only as "fewer than 5"', async (actor) => {
    const client = actor === 'anon' ? anonClient() : cast[actor].client
    const support = await boroughSupport(client, proposal.id)
    expect(support.get('halton')).toMatchObject({ support: null, oppose: null, fewer_than_5: true })
    // Boroughs nobody there voted in look the same, so "someone voted" is not told either.
    expect(support.get('sefton')).toMatchObject({ support: null, oppose: null, fewer_than_5: true })
    expect(support.get('wirral')).toMatchObject({ support: 4, oppose: 2, fewer_than_5: false })
  })

  it('withholds the next smallest borough too, so the totals cannot be subtracted', async () => {
    const support = await boroughSupport(anonClient(), proposal.id)
    // Liverpool has 5 voters, but showing them would leave Halton's vote as total − shown.
    expect(support.get('liverpool')).toMatchObject({
      support: null,
      oppose: null,
      fewer_than_5: false,
    })
    const [totals] = expectOk(
      await anonClient()
        .from('proposals')
        .select('support_count, oppose_count')
        .eq('id', proposal.id),
    )
    const shown = [...support.values()].reduce(
      (sum, row) => sum + (row.support ?? 0) + (row.oppose ?? 0),
      0,
    )
    expect(totals.support_count + totals.oppose_count - shown).toBeGreaterThanOrEqual(5)
  })

  it.each(readers)('is not readable exactly as %s through the table or an embed', async (actor) => {
    const client = actor === 'anon' ? anonClient() : cast[actor].client
    const table = await client
      .from('proposal_region_tallies')
      .select('region, support, oppose')
      .eq('proposal_id', proposal.id)
    if (actor === 'anon') expectRefused(table)
    else expect(expectOk(table)).toEqual([])
    const embedded = await client
      .from('proposals')
      .select('id, proposal_region_tallies(region, support, oppose)')
      .eq('id', proposal.id)
    if (actor === 'anon') expect(embedded.error).not.toBeNull()
    else expect(expectOk(embedded)).toEqual([{ id: proposal.id, proposal_region_tallies: [] }])
  })

  it.each(readers)('keeps every vote from %s but its own voter', async (actor) => {
    const client = actor === 'anon' ? anonClient() : cast[actor].client
    const { data } = await client
      .from('votes')
      .select('user_id, value, region')
      .eq('proposal_id', proposal.id)
    expect(data ?? []).toEqual([])
    expect(
      expectOk(
        await haltonVoter.client
          .from('votes')
          .select('value, region')
          .eq('proposal_id', proposal.id),
      ),
    ).toEqual([{ value: -1, region: 'halton' }])
  })

  it('still ranks on the exact counts in Postgres', async () => {
    const { rows } = await sql().query(
      `select p.region_score, private.region_score(p.id) as exact,
              (select count(*) from private.counter_drift() d where d.proposal_id = p.id)::int as drift
         from public.proposals p where p.id = $1`,
      [proposal.id],
    )
    expect(rows[0].drift).toBe(0)
    expect(rows[0].region_score).toBe(rows[0].exact)
    expect(rows[0].region_score).toBeGreaterThan(0)
  })

  it('shows the candidate exact support, for the review ranked by borough', async () => {
    const rows = expectOk(
      await cast.candidate.client
        .from('proposal_region_tallies')
        .select('region, support, oppose')
        .eq('proposal_id', proposal.id)
        .eq('region', 'halton'),
    )
    expect(rows).toEqual([{ region: 'halton', support: 0, oppose: 1 }])
  })

  it('tells nothing about a proposal the caller cannot read', async () => {
    const draft = await createProposal(cast.member, cast.group)
    expect(
      expectOk(await anonClient().rpc('borough_support', { proposal_ids: [draft.id] })),
    ).toEqual([])
    expect(
      expectOk(await cast.nonMember.client.rpc('borough_support', { proposal_ids: [draft.id] })),
    ).toEqual([])
    expect((await boroughSupport(cast.member.client, draft.id)).size).toBeGreaterThan(0)
  })
})
