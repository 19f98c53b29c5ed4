// Amendments through supabase-js as every role: who may suggest a change (standing, not an
// author), who reads and supports suggestions, who accepts or declines them (the authors),
// what accepting does (the next revision, credited to the suggester; notifications) and a
// suggestion that the text has moved past (outdated).
import { beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { anonClient } from '../support/clients'
import { expectNoRows, expectOk, expectRefused } from '../support/expect'
import { addMembership, giveStanding } from '../support/groups'
import {
  arrangeProposal,
  arrangeProposals,
  createWorld,
  notificationsOf,
  type World,
} from '../support/lifecycle'
import { createMember, type Member } from '../support/members'
import { defaultBody, documentOf, proposalRow } from '../support/proposals'
import { sql } from '../support/sql'
import type { Client } from '../support/clients'

let world: World
let suggester: Member
let supporter: Member
beforeAll(async () => {
  world = await createWorld('open')
  supporter = await createMember({ displayName: 'Pat Supporter' })
  await addMembership(world.group, supporter)
})

// A fresh suggester per test, so the daily limit of one test does not reach the next.
beforeEach(async () => {
  suggester = await createMember({ displayName: 'Sam Suggester' })
  await addMembership(world.group, suggester)
  await giveStanding(world.group, suggester)
})

function suggest(client: Client, proposalId: string, text = 'A better body of the proposal.') {
  return client
    .from('amendments')
    .insert({ proposal_id: proposalId, body: documentOf(text), reason: 'Clearer wording.' })
    .select('id, base_version, suggester_id, status, body_text')
    .maybeSingle()
}

async function suggestion(proposalId: string, text?: string) {
  return expectOk(await suggest(suggester.client, proposalId, text))!
}

function decide(
  client: Client,
  id: string,
  status: 'accepted' | 'declined',
  decision_reason?: string,
) {
  return client
    .from('amendments')
    .update({ status, decision_reason })
    .eq('id', id)
    .select('id, status, accepted_version, decided_by')
}

async function amendmentRow(id: string) {
  const { rows } = await sql().query('select * from public.amendments where id = $1', [id])
  return rows[0]
}

describe('suggesting a change', () => {
  it('a member with standing suggests one against the current version, as themself', async () => {
    const proposal = await arrangeProposal(world, 'open')
    await sql().query('update public.proposals set version = 3 where id = $1', [proposal.id])
    // Who suggested, against which version and the status are Postgres's to write.
    for (const forged of [
      { suggester_id: world.author.id },
      { base_version: 1 },
      { status: 'accepted' },
      { supporters_count: 99 },
    ])
      expectRefused(
        await suggester.client.from('amendments').insert({
          proposal_id: proposal.id,
          body: documentOf('New words.'),
          reason: 'Shorter.',
          ...forged,
        } as never),
      )
    const row = expectOk(
      await suggester.client
        .from('amendments')
        .insert({
          proposal_id: proposal.id,
          body: documentOf('New words.'),
          reason: '  Shorter.  ',
        })
        .select('suggester_id, base_version, status, reason, body_text')
        .single(),
    )
    expect(row).toEqual({
      suggester_id: suggester.id,
      base_version: 3,
      status: 'open',
      reason: 'Shorter.',
      body_text: 'New words.',
    })
  })

  it('a facilitator of the group may suggest one too (they have standing)', async () => {
    const proposal = await arrangeProposal(world, 'shortlisted')
    expectOk(await suggest(world.facilitator.client, proposal.id))
  })

  it('is refused to a member without standing, an outsider, the authors and anon', async () => {
    const proposal = await arrangeProposal(world, 'open')
    const fresh = await suggest(world.member.client, proposal.id)
    expectRefused(fresh)
    expect(fresh.error?.message).toMatch(/standing/)
    expectRefused(await suggest(world.nonMember.client, proposal.id))
    expectRefused(await suggest(world.otherFacilitator.client, proposal.id))
    for (const author of [world.author, world.coauthor]) {
      const own = await suggest(author.client, proposal.id)
      expect(own.error?.message).toMatch(/edit it instead/)
    }
    expectRefused(await suggest(anonClient(), proposal.id))
    const { rows } = await sql().query(
      'select count(*)::int as n from public.amendments where proposal_id = $1',
      [proposal.id],
    )
    expect(rows[0].n).toBe(0)
  })

  it('is refused on drafts and on proposals that have moved on', async () => {
    for (const status of ['draft', 'forwarded', 'archived', 'adopted'] as const) {
      const proposal = await arrangeProposal(world, status)
      const result = await suggest(suggester.client, proposal.id)
      expect(result.error, status).not.toBeNull()
    }
  })

  it('needs a reason, a valid document and a change', async () => {
    const proposal = await arrangeProposal(world, 'open')
    const noReason = await suggester.client
      .from('amendments')
      .insert({ proposal_id: proposal.id, body: documentOf('Other words.'), reason: '   ' })
    expect(noReason.error?.message).toMatch(/Say why/)
    const bad = await suggester.client.from('amendments').insert({
      proposal_id: proposal.id,
      body: { type: 'doc', content: [{ type: 'script' }] },
      reason: 'x',
    })
    expect(bad.error?.message).toMatch(/does not allow/)
    const same = await suggest(suggester.client, proposal.id, defaultBody)
    expect(same.error?.message).toMatch(/same as the current text/)
  })

  it('allows three open suggestions per member and proposal, then asks them to wait', async () => {
    const proposal = await arrangeProposal(world, 'open')
    for (const n of [1, 2, 3]) await suggestion(proposal.id, `Version number ${n}.`)
    const fourth = await suggest(suggester.client, proposal.id, 'Version number 4.')
    expect(fourth.error?.message).toMatch(/3 open suggestions/)
  })

  it('allows ten suggestions a day per member', async () => {
    const proposals = await arrangeProposals(world, Array(11).fill('open'))
    for (const proposal of proposals.slice(0, 10)) await suggestion(proposal.id)
    const eleventh = await suggest(suggester.client, proposals[10].id)
    expect(eleventh.error?.message).toMatch(/10 changes today/)
  })

  it('cannot be rewritten by its suggester afterwards', async () => {
    const proposal = await arrangeProposal(world, 'open')
    const { id } = await suggestion(proposal.id)
    expectRefused(
      await suggester.client
        .from('amendments')
        .update({ reason: 'Changed' } as never)
        .eq('id', id),
    )
  })
})

describe('reading and supporting suggestions', () => {
  it('anyone who can read the proposal reads its suggestions', async () => {
    const proposal = await arrangeProposal(world, 'open')
    const { id } = await suggestion(proposal.id)
    for (const client of [anonClient(), world.nonMember.client, world.author.client]) {
      const { data } = await client.from('amendments').select('id, reason').eq('id', id)
      expect(data).toEqual([{ id, reason: 'Clearer wording.' }])
    }
  })

  it('active members support one once; its suggester, outsiders and anon cannot', async () => {
    const proposal = await arrangeProposal(world, 'open')
    const { id } = await suggestion(proposal.id)
    expectOk(await supporter.client.from('amendment_supports').insert({ amendment_id: id }))
    expect(
      (await supporter.client.from('amendment_supports').insert({ amendment_id: id })).error,
    ).not.toBeNull()
    expectRefused(await suggester.client.from('amendment_supports').insert({ amendment_id: id }))
    expectRefused(
      await world.nonMember.client.from('amendment_supports').insert({ amendment_id: id }),
    )
    expectRefused(await anonClient().from('amendment_supports').insert({ amendment_id: id }))
    expect((await amendmentRow(id)).supporters_count).toBe(1)
    // Who supported is each member's own business.
    const seen = await world.author.client
      .from('amendment_supports')
      .select('user_id')
      .eq('amendment_id', id)
    expect(seen.data).toEqual([])
    expectOk(await supporter.client.from('amendment_supports').delete().eq('amendment_id', id))
    expect((await amendmentRow(id)).supporters_count).toBe(0)
  })
})

describe('deciding on a suggestion', () => {
  it('nobody but the authors can accept or decline it', async () => {
    const proposal = await arrangeProposal(world, 'open')
    const { id } = await suggestion(proposal.id)
    for (const member of [suggester, world.facilitator, world.member, world.nonMember, world.admin])
      expectNoRows(await decide(member.client, id, 'accepted'))
    expectRefused(await decide(anonClient(), id, 'accepted'))
    expect((await amendmentRow(id)).status).toBe('open')
  })

  it('the author accepts: the next revision has its text, credited to the suggester; suggester and supporters are told', async () => {
    const proposal = await arrangeProposal(world, 'open')
    const { id } = await suggestion(proposal.id, 'The amended body.')
    expectOk(await supporter.client.from('amendment_supports').insert({ amendment_id: id }))
    const before = await proposalRow(proposal.id)
    const [decided] = expectOk(await decide(world.author.client, id, 'accepted'))
    expect(decided).toMatchObject({
      status: 'accepted',
      accepted_version: before.version + 1,
      decided_by: world.author.id,
    })
    const after = await proposalRow(proposal.id)
    expect(after.body_text).toBe('The amended body.')
    expect(after.version).toBe(before.version + 1)
    expect([after.amendments_open, after.amendments_accepted]).toEqual([0, 1])
    const history = await anonClient()
      .from('proposal_revisions')
      .select('version, editor_id, amendment_id')
      .eq('proposal_id', proposal.id)
      .eq('version', after.version)
    expect(history.data).toEqual([
      { version: after.version, editor_id: suggester.id, amendment_id: id },
    ])
    const told = (m: Member) =>
      notificationsOf(m).then((rows) =>
        rows.filter((n) => n.amendment_id === id).map((n) => n.kind),
      )
    expect(await told(suggester)).toEqual(['amendment_accepted'])
    expect(await told(supporter)).toEqual(['amendment_accepted'])
    expect(await told(world.author)).toEqual(['amendment_suggested'])
    expect(await told(world.coauthor)).toEqual(['amendment_suggested'])
    // Decided once.
    const again = await decide(world.coauthor.client, id, 'declined', 'Changed my mind.')
    expect(again.error?.message).toMatch(/already been accepted/)
  })

  it('a co-author declines with a reason; without one nothing changes', async () => {
    const proposal = await arrangeProposal(world, 'shortlisted')
    const { id } = await suggestion(proposal.id)
    const bare = await decide(world.coauthor.client, id, 'declined', '  ')
    expect(bare.error?.message).toMatch(/Say why you decline/)
    expect((await amendmentRow(id)).status).toBe('open')
    expectOk(await decide(world.coauthor.client, id, 'declined', 'It loses the costings.'))
    const row = await amendmentRow(id)
    expect(row).toMatchObject({ status: 'declined', decision_reason: 'It loses the costings.' })
    const proposalAfter = await proposalRow(proposal.id)
    expect(proposalAfter.body_text).toBe(defaultBody)
    expect([proposalAfter.amendments_open, proposalAfter.amendments_declined]).toEqual([0, 1])
    const told = (await notificationsOf(suggester)).filter((n) => n.amendment_id === id)
    expect(told.map((n) => [n.kind, n.body])).toEqual([
      ['amendment_declined', expect.stringContaining('It loses the costings.')],
    ])
    // Support ends with the decision.
    expectRefused(await supporter.client.from('amendment_supports').insert({ amendment_id: id }))
  })

  it('stays as it is once the proposal has moved on', async () => {
    const proposal = await arrangeProposal(world, 'open')
    const { id } = await suggestion(proposal.id)
    await sql().query(`update public.proposals set status = 'forwarded' where id = $1`, [
      proposal.id,
    ])
    const result = await decide(world.author.client, id, 'accepted')
    expect(result.error?.message).toMatch(/can no longer be changed/)
  })
})

describe('an outdated suggestion', () => {
  it('is based on an older version; accepting it replaces the current text with it', async () => {
    const proposal = await arrangeProposal(world, 'open')
    const { id, base_version } = await suggestion(proposal.id, 'Suggested from the old text.')
    expectOk(
      await world.author.client
        .from('proposals')
        .update({ body: documentOf('The author rewrote it.'), change_note: 'A test edit.' })
        .eq('id', proposal.id)
        .select('id'),
    )
    const { data } = await anonClient()
      .from('amendments')
      .select('status, base_version, proposal:proposals(version)')
      .eq('id', id)
      .single()
    expect(data!.status).toBe('open')
    expect(data!.base_version).toBe(base_version)
    expect(data!.proposal!.version).toBeGreaterThan(base_version)
    expectOk(await decide(world.author.client, id, 'accepted'))
    expect((await proposalRow(proposal.id)).body_text).toBe('Suggested from the old text.')
  })
})
