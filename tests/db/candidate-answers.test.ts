// The candidate's answers: only the candidate answers, only forwarded (or already answered)
// proposals, always with an explanation; the proposal's status follows the decision; the
// answer is public with its proposal and nobody writes it directly.
import { beforeAll, describe, expect, it } from 'vitest'
import { anonClient, serviceClient } from '../support/clients'
import { expectOk, expectRefused } from '../support/expect'
import {
  arrangeProposal,
  as,
  createWorld,
  statusOf,
  type World,
  type WorldActor,
} from '../support/lifecycle'
import { sql } from '../support/sql'

const explanation = 'We will fund this from the first year’s transport budget.'

let world: World
beforeAll(async () => {
  world = await createWorld()
})

describe('who answers', () => {
  const answerers: Array<[WorldActor, boolean]> = [
    ['anon', false],
    ['nonMember', false],
    ['member', false],
    ['author', false],
    ['coauthor', false],
    ['facilitator', false],
    ['otherFacilitator', false],
    ['admin', false],
    ['candidate', true],
  ]

  it.each(answerers)('%s may answer a forwarded proposal: %s', async (actor, allowed) => {
    const proposal = await arrangeProposal(world, 'forwarded')
    const result = await as(world, actor).rpc('answer_proposal', {
      proposal_id: proposal.id,
      decision: 'adopted',
      explanation,
    })
    if (allowed) {
      expect(expectOk(result)).toMatchObject({
        proposal_id: proposal.id,
        decision: 'adopted',
        explanation,
        responded_by: world.candidate.id,
      })
      expect(await statusOf(proposal.id)).toBe('adopted')
    } else {
      expectRefused(result, '42501')
      if (actor !== 'anon')
        expect(result.error?.message).toBe('Only the candidate can answer proposals.')
      expect(await statusOf(proposal.id)).toBe('forwarded')
    }
  })

  it('a former candidate can no longer answer', async () => {
    const proposal = await arrangeProposal(world, 'forwarded')
    const other = await createWorld()
    await sql().query(`delete from public.site_roles where user_id = $1 and role = 'candidate'`, [
      other.candidate.id,
    ])
    expectRefused(
      await other.candidate.client.rpc('answer_proposal', {
        proposal_id: proposal.id,
        decision: 'adopted',
        explanation,
      }),
    )
  })
})

describe('what can be answered', () => {
  it.each(['draft', 'open', 'shortlisted', 'archived', 'merged'] as const)(
    'not a %s proposal',
    async (status) => {
      const target = await arrangeProposal(world, 'open')
      const proposal = await arrangeProposal(world, status, { mergedInto: target.id })
      const result = await world.candidate.client.rpc('answer_proposal', {
        proposal_id: proposal.id,
        decision: 'adopted',
        explanation,
      })
      if (status === 'draft') {
        expectRefused(result, '42501')
      } else {
        expectRefused(result, 'P0001')
        expect(result.error?.message).toBe(
          'Only proposals forwarded to the candidate can be answered.',
        )
      }
      expect(await statusOf(proposal.id)).toBe(status)
    },
  )

  it('not a hidden proposal, which the candidate cannot see', async () => {
    const proposal = await arrangeProposal(world, 'forwarded')
    await sql().query(
      `update public.proposals set hidden_at = now(), hidden_reason = 'Hidden by a facilitator: x' where id = $1`,
      [proposal.id],
    )
    expectRefused(
      await world.candidate.client.rpc('answer_proposal', {
        proposal_id: proposal.id,
        decision: 'adopted',
        explanation,
      }),
      '42501',
    )
  })

  it.each([
    ['no explanation', 'adopted', ''],
    ['a blank explanation', 'adopted', '   \n '],
    ['an explanation over 5,000 characters', 'adopted', 'x'.repeat(5001)],
    ['an unknown decision', 'maybe', explanation],
    ['a decision in capitals', 'ADOPTED', explanation],
  ])('not with %s', async (_case, decision, text) => {
    const proposal = await arrangeProposal(world, 'forwarded')
    const result = await world.candidate.client.rpc('answer_proposal', {
      proposal_id: proposal.id,
      decision,
      explanation: text,
    })
    expectRefused(result, 'P0001')
    expect(result.error?.message).toMatch(/^(Explain your decision|Choose a decision)/)
    expect(await statusOf(proposal.id)).toBe('forwarded')
    const { rowCount } = await sql().query(
      'select 1 from public.candidate_responses where proposal_id = $1',
      [proposal.id],
    )
    expect(rowCount).toBe(0)
  })
})

describe('the answer', () => {
  it('takes the proposal’s status with it, and can be revised', async () => {
    const proposal = await arrangeProposal(world, 'forwarded')
    const first = expectOk(
      await world.candidate.client.rpc('answer_proposal', {
        proposal_id: proposal.id,
        decision: 'considering',
        explanation: '  Costing it.  ',
      }),
    )
    expect(first.explanation).toBe('Costing it.')
    expect(await statusOf(proposal.id)).toBe('considering')
    const revised = expectOk(
      await world.candidate.client.rpc('answer_proposal', {
        proposal_id: proposal.id,
        decision: 'declined',
        explanation: 'x'.repeat(5000),
      }),
    )
    expect(revised).toMatchObject({ decision: 'declined', responded_at: first.responded_at })
    expect(new Date(revised.updated_at).getTime()).toBeGreaterThanOrEqual(
      new Date(first.updated_at).getTime(),
    )
    expect(await statusOf(proposal.id)).toBe('declined')
    const { rows } = await sql().query(
      'select count(*)::int as n from public.candidate_responses where proposal_id = $1',
      [proposal.id],
    )
    expect(rows[0].n).toBe(1)
  })

  it('is public with its proposal, and hidden with it', async () => {
    const proposal = await arrangeProposal(world, 'forwarded')
    expectOk(
      await world.candidate.client.rpc('answer_proposal', {
        proposal_id: proposal.id,
        decision: 'adopted',
        explanation,
      }),
    )
    const { data } = await anonClient()
      .from('candidate_responses')
      .select('decision, explanation')
      .eq('proposal_id', proposal.id)
    expect(data).toEqual([{ decision: 'adopted', explanation }])
    await sql().query(
      `update public.proposals set hidden_at = now(), hidden_reason = 'Hidden by a facilitator: x' where id = $1`,
      [proposal.id],
    )
    expect(
      (
        await anonClient()
          .from('candidate_responses')
          .select('decision')
          .eq('proposal_id', proposal.id)
      ).data,
    ).toEqual([])
    expect(
      (
        await world.author.client
          .from('candidate_responses')
          .select('decision')
          .eq('proposal_id', proposal.id)
      ).data,
    ).toHaveLength(1)
    expect(
      (
        await world.facilitator.client
          .from('candidate_responses')
          .select('decision')
          .eq('proposal_id', proposal.id)
      ).data,
    ).toHaveLength(1)
  })

  it.each([
    'anon',
    'member',
    'author',
    'facilitator',
    'candidate',
    'admin',
    'service role',
  ] as const)('cannot be written directly by %s', async (actor) => {
    const proposal = await arrangeProposal(world, 'forwarded')
    const answered = await arrangeProposal(world, 'forwarded')
    expectOk(
      await world.candidate.client.rpc('answer_proposal', {
        proposal_id: answered.id,
        decision: 'considering',
        explanation,
      }),
    )
    const client = actor === 'service role' ? serviceClient() : as(world, actor)
    expectRefused(
      await client
        .from('candidate_responses')
        .insert({ proposal_id: proposal.id, decision: 'adopted', explanation: 'Forged' } as never),
    )
    expectRefused(
      await client
        .from('candidate_responses')
        .update({ decision: 'adopted' } as never)
        .eq('proposal_id', answered.id),
    )
    expectRefused(await client.from('candidate_responses').delete().eq('proposal_id', answered.id))
    const { rows } = await sql().query(
      'select decision from public.candidate_responses where proposal_id = any($1)',
      [[proposal.id, answered.id]],
    )
    expect(rows).toEqual([{ decision: 'considering' }])
  })
})
