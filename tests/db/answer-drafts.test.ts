// The candidate's draft answers: nobody but the candidate reads or writes them; publishing
// makes public exactly what was saved and discards the draft; a correction keeps the earlier
// wording, public with the answer. Forwarding the shortlist keeps the facilitators' cover
// note, for the candidate and the group's curators only.
import { beforeAll, describe, expect, it } from 'vitest'
import { anonClient } from '../support/clients'
import { expectNoRows, expectOk, expectRefused } from '../support/expect'
import {
  arrangeProposal,
  as,
  createWorld,
  statusOf,
  everyone,
  type World,
} from '../support/lifecycle'
import { sql } from '../support/sql'

const draftText = 'We will fund this from the first year’s transport budget.'

let world: World
beforeAll(async () => {
  world = await createWorld()
})

async function draftFor(proposalId: string, explanation = draftText) {
  expectOk(
    await world.candidate.client
      .from('candidate_answer_drafts')
      .insert({ proposal_id: proposalId, decision: 'adopted', explanation }),
  )
}

const others = everyone.filter((actor) => actor !== 'candidate')

describe('a draft answer', () => {
  it('is saved and read back by the candidate, with the database’s author and time', async () => {
    const proposal = await arrangeProposal(world, 'forwarded')
    await draftFor(proposal.id)
    const rows = expectOk(
      await world.candidate.client
        .from('candidate_answer_drafts')
        .select('decision, explanation, drafted_by')
        .eq('proposal_id', proposal.id),
    )
    expect(rows).toEqual([
      { decision: 'adopted', explanation: draftText, drafted_by: world.candidate.id },
    ])
    expect(await statusOf(proposal.id)).toBe('forwarded')
  })

  it.each(others)('is invisible to %s', async (actor) => {
    const proposal = await arrangeProposal(world, 'forwarded')
    await draftFor(proposal.id)
    const result = await as(world, actor)
      .from('candidate_answer_drafts')
      .select('proposal_id')
      .eq('proposal_id', proposal.id)
    if (actor === 'anon') expectRefused(result)
    else expect(expectOk(result)).toEqual([])
  })

  it.each(others)('cannot be written, changed or discarded by %s', async (actor) => {
    const proposal = await arrangeProposal(world, 'forwarded')
    const client = as(world, actor)
    const inserted = await client
      .from('candidate_answer_drafts')
      .insert({ proposal_id: proposal.id, decision: 'declined', explanation: 'Not mine to say.' })
    expectRefused(inserted)
    await draftFor(proposal.id)
    const changed = await client
      .from('candidate_answer_drafts')
      .update({ explanation: 'Changed by someone else.' })
      .eq('proposal_id', proposal.id)
      .select()
    const removed = await client
      .from('candidate_answer_drafts')
      .delete()
      .eq('proposal_id', proposal.id)
      .select()
    if (actor === 'anon') {
      expectRefused(changed)
      expectRefused(removed)
    } else {
      expectNoRows(changed)
      expectNoRows(removed)
    }
    const { rows } = await sql().query(
      'select explanation from public.candidate_answer_drafts where proposal_id = $1',
      [proposal.id],
    )
    expect(rows).toEqual([{ explanation: draftText }])
  })

  it('cannot be published by anyone else, even with the candidate’s draft saved', async () => {
    const proposal = await arrangeProposal(world, 'forwarded')
    await draftFor(proposal.id)
    for (const actor of others) {
      expectRefused(await as(world, actor).rpc('publish_answer', { proposal_id: proposal.id }))
    }
    expect(await statusOf(proposal.id)).toBe('forwarded')
  })

  it.each(['open', 'shortlisted', 'archived'] as const)(
    'is refused on a %s proposal, which is not with the candidate',
    async (status) => {
      const proposal = await arrangeProposal(world, status)
      const result = await world.candidate.client
        .from('candidate_answer_drafts')
        .insert({ proposal_id: proposal.id, decision: 'adopted', explanation: draftText })
      expectRefused(result, 'P0001')
      expect(result.error?.message).toBe(
        'Only proposals forwarded to the candidate can be answered.',
      )
    },
  )

  it('is refused over 5,000 characters', async () => {
    const proposal = await arrangeProposal(world, 'forwarded')
    const result = await world.candidate.client
      .from('candidate_answer_drafts')
      .insert({ proposal_id: proposal.id, decision: 'adopted', explanation: 'x'.repeat(5001) })
    expectRefused(result, '23514')
  })
})

describe('publishing a draft', () => {
  it('makes exactly the saved draft public, and discards the draft', async () => {
    const proposal = await arrangeProposal(world, 'forwarded')
    await draftFor(proposal.id)
    expect(
      expectOk(await world.candidate.client.rpc('publish_answer', { proposal_id: proposal.id })),
    ).toMatchObject({ decision: 'adopted', explanation: draftText })
    expect(await statusOf(proposal.id)).toBe('adopted')
    const publicAnswer = expectOk(
      await anonClient()
        .from('candidate_responses')
        .select('decision, explanation')
        .eq('proposal_id', proposal.id),
    )
    expect(publicAnswer).toEqual([{ decision: 'adopted', explanation: draftText }])
    const { rowCount } = await sql().query(
      'select 1 from public.candidate_answer_drafts where proposal_id = $1',
      [proposal.id],
    )
    expect(rowCount).toBe(0)
  })

  it('is refused when nothing was saved', async () => {
    const proposal = await arrangeProposal(world, 'forwarded')
    const result = await world.candidate.client.rpc('publish_answer', { proposal_id: proposal.id })
    expectRefused(result, 'P0001')
    expect(result.error?.message).toBe(
      'There is no saved draft to publish: save your answer first.',
    )
    expect(await statusOf(proposal.id)).toBe('forwarded')
  })

  it('corrects a published answer, keeping the earlier wording in public', async () => {
    const proposal = await arrangeProposal(world, 'forwarded')
    await draftFor(proposal.id)
    expectOk(await world.candidate.client.rpc('publish_answer', { proposal_id: proposal.id }))
    const corrected = 'We will fund this from the second year’s transport budget.'
    expectOk(
      await world.candidate.client
        .from('candidate_answer_drafts')
        .insert({ proposal_id: proposal.id, decision: 'considering', explanation: corrected }),
    )
    expectOk(await world.candidate.client.rpc('publish_answer', { proposal_id: proposal.id }))
    expect(await statusOf(proposal.id)).toBe('considering')
    const versions = expectOk(
      await anonClient()
        .from('candidate_response_versions')
        .select('decision, explanation')
        .eq('proposal_id', proposal.id),
    )
    expect(versions).toEqual([{ decision: 'adopted', explanation: draftText }])
  })

  it('leaves the earlier wordings to nobody to write or remove', async () => {
    const proposal = await arrangeProposal(world, 'forwarded')
    await draftFor(proposal.id)
    expectOk(await world.candidate.client.rpc('publish_answer', { proposal_id: proposal.id }))
    for (const actor of ['candidate', 'admin', 'facilitator'] as const) {
      const client = as(world, actor)
      expectRefused(
        await client.from('candidate_response_versions').insert({
          proposal_id: proposal.id,
          decision: 'adopted',
          explanation: 'Never said.',
          published_at: new Date().toISOString(),
        }),
      )
      expectRefused(
        await client.from('candidate_response_versions').delete().eq('proposal_id', proposal.id),
      )
    }
  })
})

describe('the cover note on a forwarded shortlist', () => {
  it('reaches the candidate and stays private from members and other groups', async () => {
    const fresh = await createWorld()
    const proposal = await arrangeProposal(fresh, 'shortlisted')
    const note = 'Both of these came out of the Halewood meeting.'
    expect(
      expectOk(
        await fresh.facilitator.client.rpc('forward_shortlist', {
          group_id: fresh.group.id,
          cover_note: `  ${note}  `,
        }),
      ),
    ).toBe(1)
    for (const actor of ['candidate', 'facilitator', 'admin'] as const) {
      const rows = expectOk(
        await as(fresh, actor)
          .from('forwarded_proposals')
          .select('proposal_id, forwarding:shortlist_forwardings(cover_note, proposal_count)')
          .eq('proposal_id', proposal.id),
      )
      expect(rows).toEqual([
        { proposal_id: proposal.id, forwarding: { cover_note: note, proposal_count: 1 } },
      ])
    }
    for (const actor of ['member', 'author', 'nonMember', 'otherFacilitator'] as const) {
      const client = as(fresh, actor)
      expect(
        expectOk(
          await client.from('shortlist_forwardings').select('id').eq('group_id', fresh.group.id),
        ),
      ).toEqual([])
      expect(
        expectOk(
          await client
            .from('forwarded_proposals')
            .select('proposal_id')
            .eq('proposal_id', proposal.id),
        ),
      ).toEqual([])
    }
    expectRefused(await anonClient().from('shortlist_forwardings').select('id'))
  })

  it('refuses a note over 2,000 characters, forwarding nothing', async () => {
    const fresh = await createWorld()
    const proposal = await arrangeProposal(fresh, 'shortlisted')
    const result = await fresh.facilitator.client.rpc('forward_shortlist', {
      group_id: fresh.group.id,
      cover_note: 'x'.repeat(2001),
    })
    expectRefused(result, 'P0001')
    expect(result.error?.message).toBe('Keep the cover note to 2,000 characters.')
    expect(await statusOf(proposal.id)).toBe('shortlisted')
  })

  it('records nothing when the shortlist is empty', async () => {
    const fresh = await createWorld()
    expect(
      expectOk(
        await fresh.facilitator.client.rpc('forward_shortlist', { group_id: fresh.group.id }),
      ),
    ).toBe(0)
    const { rowCount } = await sql().query(
      'select 1 from public.shortlist_forwardings where group_id = $1',
      [fresh.group.id],
    )
    expect(rowCount).toBe(0)
  })
})
