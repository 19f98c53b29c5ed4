// Reports say what kind of problem they are; Postgres keeps the kind (an enum) and needs words
// only for "other". A report without words keeps the kind's name as its reason.
import { beforeAll, describe, expect, it } from 'vitest'
import { expectOk, expectRefused } from '../support/expect'
import { arrangeProposal, createWorld, type World } from '../support/lifecycle'
import { sql } from '../support/sql'

let world: World
beforeAll(async () => {
  world = await createWorld()
})

describe('report categories', () => {
  it.each([
    ['spam', '', 'Spam'],
    ['abuse', '  ', 'Abuse'],
    ['off_topic', '', 'Off-topic'],
    ['personal_data', 'Their home address is in it.', 'Their home address is in it.'],
    [
      'other',
      'It copies another proposal word for word.',
      'It copies another proposal word for word.',
    ],
  ])('keeps a %s report, with its reason', async (category, reason, stored) => {
    const proposal = await arrangeProposal(world, 'open')
    const flag = expectOk(
      await world.member.client.rpc('flag_content', {
        proposal_id: proposal.id,
        reason,
        category,
      }),
    )
    expect(flag).toMatchObject({ category, reason: stored })
  })

  it('defaults to other, which needs words', async () => {
    const proposal = await arrangeProposal(world, 'open')
    const result = await world.member.client.rpc('flag_content', {
      proposal_id: proposal.id,
      reason: ' ',
    })
    expectRefused(result, 'P0001')
    expect(result.error?.message).toBe('Say what is wrong with it, in up to 500 characters.')
  })

  it.each(['Spam', 'hate', ''])('refuses the unknown category %j', async (category) => {
    const proposal = await arrangeProposal(world, 'open')
    const result = await world.member.client.rpc('flag_content', {
      proposal_id: proposal.id,
      reason: 'Words',
      category,
    })
    expectRefused(result, 'P0001')
    expect(result.error?.message).toMatch(/^Choose what is wrong/)
  })

  it('cannot hold anything but the five kinds, even for the database owner', async () => {
    const proposal = await arrangeProposal(world, 'open')
    await expect(
      sql().query(
        `insert into public.flags (proposal_id, reporter_id, reason, category) values ($1, $2, 'x', 'rude')`,
        [proposal.id, world.member.id],
      ),
    ).rejects.toThrow(/invalid input value for enum/)
  })
})
