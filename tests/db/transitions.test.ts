// The proposal lifecycle matrix: every status × every action × every role, through
// supabase-js as that role. Each case gets its own proposal, arranged in its status directly
// as the database owner, so that the cases are independent and the matrix stays fast.
import { beforeAll, describe, expect, it } from 'vitest'
import {
  arrangeProposal,
  arrangeProposals,
  as,
  createWorld,
  proposalStatuses,
  statusOf,
  type ArrangedProposal,
  type ProposalStatus,
  type World,
  type WorldActor,
  everyone,
} from '../support/lifecycle'
import { sql } from '../support/sql'

type Action = 'publish' | 'shortlist' | 'reopen' | 'forward' | 'archive' | 'merge' | 'answer'

const roles = everyone
const actions: Action[] = [
  'publish',
  'shortlist',
  'reopen',
  'forward',
  'archive',
  'merge',
  'answer',
]
const curators: WorldActor[] = ['facilitator', 'admin']
const answered: ProposalStatus[] = ['forwarded', 'adopted', 'considering', 'declined']

/** The allowed moves: from which statuses, to which, by whom. Everything else is refused. */
const moves: Record<Action, { from: ProposalStatus[]; to: ProposalStatus; by: WorldActor[] }> = {
  publish: { from: ['draft'], to: 'open', by: ['author', 'coauthor'] },
  shortlist: { from: ['open'], to: 'shortlisted', by: curators },
  reopen: { from: ['shortlisted'], to: 'open', by: curators },
  forward: { from: ['shortlisted'], to: 'forwarded', by: curators },
  archive: { from: ['open', 'shortlisted'], to: 'archived', by: curators },
  merge: { from: ['open', 'shortlisted'], to: 'merged', by: curators },
  answer: { from: answered, to: 'considering', by: ['candidate'] },
}

type Case = {
  role: WorldActor
  status: ProposalStatus
  action: Action
  expected: string
  code: string | null
  to: ProposalStatus
}

/** Allowed, or refused as a permission (42501: wrong role, or a draft the role cannot see)
 * or as a rule of the lifecycle (P0001: the right role, the wrong status). */
function expectation(
  role: WorldActor,
  status: ProposalStatus,
  action: Action,
): Pick<Case, 'expected' | 'code' | 'to'> {
  const move = moves[action]
  const sees = status !== 'draft' || role === 'author' || role === 'coauthor'
  if (!sees || !move.by.includes(role))
    return { expected: 'refused (42501)', code: '42501', to: status }
  if (!move.from.includes(status)) return { expected: 'refused (P0001)', code: 'P0001', to: status }
  return { expected: `allowed → ${move.to}`, code: null, to: move.to }
}

const cases: Case[] = roles.flatMap((role) =>
  proposalStatuses.flatMap((status) =>
    actions.map((action) => ({ role, status, action, ...expectation(role, status, action) })),
  ),
)

let world: World
let mergeTarget: ArrangedProposal
const proposals = new Map<Case, ArrangedProposal>()

beforeAll(async () => {
  world = await createWorld()
  mergeTarget = await arrangeProposal(world, 'open')
  const arranged = await arrangeProposals(
    world,
    cases.map((c) => c.status),
    { mergedInto: mergeTarget.id },
  )
  cases.forEach((c, i) => proposals.set(c, arranged[i]))
})

function attempt(actor: WorldActor, action: Action, proposalId: string) {
  const client = as(world, actor)
  if (action === 'answer') {
    return client.rpc('answer_proposal', {
      proposal_id: proposalId,
      decision: 'considering',
      explanation: 'We are costing it with the combined authority.',
    })
  }
  return client.rpc('transition_proposal', {
    proposal_id: proposalId,
    action,
    ...(action === 'archive' ? { reason: 'Covered by the group’s earlier proposal.' } : {}),
    ...(action === 'merge' ? { merge_target: mergeTarget.id } : {}),
  })
}

describe('the transition matrix', () => {
  it('covers every status × action × role', () => {
    expect(cases).toHaveLength(proposalStatuses.length * actions.length * roles.length)
    expect(cases).toHaveLength(567)
    // publish 2 + shortlist 2 + reopen 2 + forward 2 + archive 4 + merge 4 + answer 4
    expect(cases.filter((c) => c.code === null)).toHaveLength(20)
  })

  it.each(
    cases.map((c) => [`${c.role}: ${c.action} a ${c.status} proposal → ${c.expected}`, c] as const),
  )('%s', async (_name, c) => {
    const proposal = proposals.get(c)!
    const result = await attempt(c.role, c.action, proposal.id)
    if (c.code === null) {
      expect(result.error).toBeNull()
    } else {
      expect(result.error?.code, result.error?.message).toBe(c.code)
      expect(result.error?.message).toMatch(/\S/)
    }
    expect(await statusOf(proposal.id)).toBe(c.to)
  })

  it('left every merged proposal pointing at its target, and no counter or score adrift', async () => {
    const merged = cases
      .filter((c) => c.code === null && c.action === 'merge')
      .map((c) => proposals.get(c)!.id)
    const { rows } = await sql().query(
      'select merged_into from public.proposals where id = any($1)',
      [merged],
    )
    expect(rows.map((r) => r.merged_into)).toEqual(merged.map(() => mergeTarget.id))
    const drift = await sql().query(
      'select * from private.counter_drift() where proposal_id = any($1)',
      [[...proposals.values()].map((p) => p.id)],
    )
    expect(drift.rows).toEqual([])
  })
})
