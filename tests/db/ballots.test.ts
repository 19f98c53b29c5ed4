// Priority ballots by the alternative vote. First the count itself, against hand-counted
// ballots: private.instant_runoff is a pure function with no role to test (its input is the
// ballots, its output the rounds), so it is called as the database owner, each case twice.
// Then a real ballot through supabase-js as every role: who opens, who ranks, who reads whose
// ranking (nobody another's), the close, the stored count and its recount, turnout grouped by
// borough, the result notification, forwarding the winner, and participation by borough.
import { createHash } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import { anonClient, type Client } from '../support/clients'
import { expectOk, expectRefused } from '../support/expect'
import { addMembership, giveStanding } from '../support/groups'
import { arrangeProposals, createWorld, type World } from '../support/lifecycle'
import { createMember, type Member } from '../support/members'
import { sql } from '../support/sql'

type Round = {
  round: number
  votes: Record<string, number>
  live: number
  exhausted: number
  eliminated: string | null
  tie_break: 'earlier_round' | 'lot' | null
  elected: string | null
  transfers: Record<string, number>
  transfers_exhausted: number
}
type Count = { winner: string | null; rounds: Round[] }

/** Ballots as [ranking, how many such ballots]. */
function papers(...groups: [string[], number][]) {
  return groups.flatMap(([ranking, n]) => Array.from({ length: n }, () => ranking))
}

async function instantRunoff(options: string[], ballots: string[][], seed = 'seed') {
  const run = async () => {
    const { rows } = await sql().query<{ count: Count }>(
      'select private.instant_runoff($1::text[], $2::jsonb, $3) as count',
      [options, JSON.stringify(ballots), seed],
    )
    return rows[0].count
  }
  const first = await run()
  // Reproducible: the same ballots and seed give the same rounds.
  expect(await run()).toEqual(first)
  return first
}

describe('the count, against hand-counted ballots', () => {
  it('a majority in the first round ends the count there', async () => {
    const count = await instantRunoff(
      ['A', 'B', 'C'],
      papers([['A', 'B'], 6], [['B'], 3], [['C', 'B'], 2]),
    )
    expect(count.winner).toBe('A')
    expect(count.rounds).toHaveLength(1)
    expect(count.rounds[0]).toMatchObject({
      votes: { A: 6, B: 3, C: 2 },
      live: 11,
      exhausted: 0,
      elected: 'A',
      eliminated: null,
    })
  })

  it('the 2016 shape: 42% first, the third eliminated, 62% of their ballots to the leader, who wins with 55%', async () => {
    const count = await instantRunoff(
      ['Rotheram', 'Anderson', 'Third'],
      papers(
        [['Rotheram'], 420],
        [['Anderson', 'Rotheram'], 380],
        [['Third', 'Rotheram'], 124],
        [['Third', 'Anderson'], 66],
        [['Third'], 10],
      ),
    )
    expect(count.rounds).toHaveLength(2)
    const [first, second] = count.rounds
    expect(first).toMatchObject({
      votes: { Rotheram: 420, Anderson: 380, Third: 200 },
      live: 1000,
      eliminated: 'Third',
      transfers: { Rotheram: 124, Anderson: 66 },
      transfers_exhausted: 10,
    })
    expect(first.transfers.Rotheram / first.votes.Third).toBeCloseTo(0.62)
    expect(first.votes.Rotheram / first.live).toBeCloseTo(0.42)
    expect(second).toMatchObject({
      votes: { Rotheram: 544, Anderson: 446 },
      live: 990,
      exhausted: 10,
      elected: 'Rotheram',
    })
    expect(Math.round((100 * 544) / 990)).toBe(55)
    expect(count.winner).toBe('Rotheram')
  })

  it('three rounds with transfers: the last two are eliminated in turn and their ballots move on', async () => {
    // Hand count. Round 1: A 8, B 7, C 4, D 2 (21 live): D out, its 2 go to C.
    // Round 2: A 8, B 7, C 6: C out; its 6 go 4 to B, 2 to A. Round 3: B 11 of 21 wins.
    const count = await instantRunoff(
      ['A', 'B', 'C', 'D'],
      papers([['A'], 8], [['B', 'A'], 7], [['C', 'B'], 2], [['C', 'A'], 2], [['D', 'C', 'B'], 2]),
    )
    expect(count.rounds.map((r) => r.votes)).toEqual([
      { A: 8, B: 7, C: 4, D: 2 },
      { A: 8, B: 7, C: 6 },
      { A: 10, B: 11 },
    ])
    expect(count.rounds.map((r) => r.eliminated)).toEqual(['D', 'C', null])
    expect(count.rounds[0].transfers).toEqual({ C: 2 })
    expect(count.rounds[1].transfers).toEqual({ A: 2, B: 4 })
    expect(count.winner).toBe('B')
  })

  it('exhausted ballots are counted apart and the majority is of the ballots still live', async () => {
    // Round 1: A 4, B 4, C 3 (11 live). C out; its 3 ballots rank nothing else: exhausted.
    // Round 2: A 4, B 4 of 8 live — no majority; tied for last and level in round 1 too, so
    // one goes by lot, and the other wins round 3 with 4 of the 4 ballots still live.
    const count = await instantRunoff(
      ['A', 'B', 'C'],
      papers([['A'], 4], [['B'], 4], [['C'], 3]),
      'exhausted-case',
    )
    expect(count.rounds[0]).toMatchObject({
      eliminated: 'C',
      transfers: {},
      transfers_exhausted: 3,
    })
    expect(count.rounds[1]).toMatchObject({ live: 8, exhausted: 3, tie_break: 'lot' })
    expect(count.rounds[2]).toMatchObject({ live: 4, exhausted: 7 })
    expect(count.rounds[2].votes[count.winner!]).toBe(4)
  })

  it('a tie for last goes against the option with fewer votes in the earliest round where they differ', async () => {
    // Round 1: A 7, B 3, C 4, D 1 (15). D out, its 1 → B. Round 2: A 7, B 4, C 4: B and C
    // tie for last; in round 1 B had 3 and C 4, so B goes, and its 4 ballots go to A.
    // Round 3: A 11 of 15.
    const count = await instantRunoff(
      ['A', 'B', 'C', 'D'],
      papers([['A'], 7], [['B', 'A'], 3], [['C'], 4], [['D', 'B', 'A'], 1]),
    )
    expect(count.rounds[1]).toMatchObject({
      votes: { A: 7, B: 4, C: 4 },
      eliminated: 'B',
      tie_break: 'earlier_round',
      transfers: { A: 4 },
    })
    expect(count.rounds[2]).toMatchObject({ votes: { A: 11, C: 4 }, elected: 'A' })
  })

  it('a tie level in every round is drawn by lot from the seed, the same way every time', async () => {
    const ballots = papers([['A'], 4], [['B'], 3], [['C'], 3])
    for (const seed of ['alpha', 'bravo', 'charlie']) {
      const count = await instantRunoff(['A', 'B', 'C'], ballots, seed)
      // The lot: the tied option whose md5(seed:round:label) sorts first goes.
      const drawn = ['B', 'C'].sort((x, y) => {
        const hash = (label: string) => createHash('md5').update(`${seed}:1:${label}`).digest('hex')
        return hash(x) < hash(y) ? -1 : 1
      })[0]
      expect(count.rounds[0]).toMatchObject({ eliminated: drawn, tie_break: 'lot' })
    }
  })

  it('no ballots: one round of zeros and no winner', async () => {
    const count = await instantRunoff(['A', 'B'], [])
    expect(count).toEqual({
      winner: null,
      rounds: [
        expect.objectContaining({ round: 1, votes: { A: 0, B: 0 }, live: 0, elected: null }),
      ],
    })
  })
})

describe('a ballot through the API, as every role', () => {
  let world: World
  let options: { id: string; title: string }[]
  let voters: Member[]
  let noStanding: Member
  let ballotId: string
  let draftId: string
  // Each voter's ranking, by option letter (A–D are options[0..3]).
  const rankings = [
    ['A'],
    ['A', 'B'],
    ['A', 'C'],
    ['B', 'C'],
    ['B', 'A'],
    ['C', 'B'],
    ['D', 'B'],
    ['C'],
  ]
  const letter = (id: string) => 'ABCD'[options.findIndex((o) => o.id === id)]
  const idsOf = (letters: string[]) => letters.map((l) => options['ABCD'.indexOf(l)].id)

  beforeAll(async () => {
    world = await createWorld('open')
    const arranged = await arrangeProposals(world, ['open', 'open', 'shortlisted', 'open', 'draft'])
    options = arranged.slice(0, 4)
    draftId = arranged[4].id
    voters = await Promise.all(
      rankings.map((_, i) => createMember({ region: i < 5 ? 'liverpool' : 'wirral' })),
    )
    for (const voter of voters) {
      await addMembership(world.group, voter)
      await giveStanding(world.group, voter)
    }
    noStanding = world.member
  })

  const open = (client: Client, overrides: Record<string, unknown> = {}) =>
    client.rpc('open_ballot', {
      group_id: world.group.id,
      question: 'Which proposal should go to the candidate first?',
      proposal_ids: options.map((o) => o.id),
      opens_at: new Date().toISOString(),
      closes_at: new Date(Date.now() + 3600_000).toISOString(),
      ...overrides,
    })

  it('only the group’s facilitators and admins open ballots', async () => {
    for (const client of [
      anonClient(),
      world.member.client,
      world.otherFacilitator.client,
      world.candidate.client,
    ])
      expect((await open(client)).error).not.toBeNull()
    expectRefused(await open(world.member.client))
    ballotId = expectOk(await open(world.facilitator.client)) as string
    expect(ballotId).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('a ballot needs 2–10 distinct open or shortlisted proposals of the group and a close after now', async () => {
    const refusals = [
      { proposal_ids: [options[0].id] },
      { proposal_ids: [options[0].id, options[0].id] },
      { proposal_ids: [options[0].id, draftId] },
      { closes_at: new Date(Date.now() - 1000).toISOString() },
      { question: 'Hm' },
    ]
    for (const overrides of refusals) {
      const result = await open(world.facilitator.client, overrides)
      expectRefused(result, 'P0001')
    }
  })

  it('nobody writes ballots or papers directly, facilitators and admins included', async () => {
    for (const client of [world.facilitator.client, world.admin.client, voters[0].client]) {
      expectRefused(
        await client.from('ballot_papers').insert({
          ballot_id: ballotId,
          voter_id: voters[1].id,
          ranking: idsOf(['D']),
        }),
      )
      expectRefused(
        await client
          .from('ballots')
          .update({ closes_at: new Date().toISOString() })
          .eq('id', ballotId),
      )
      expectRefused(await client.from('ballot_papers').delete().eq('ballot_id', ballotId))
    }
  })

  it('members with standing rank; those without, non-members and visitors cannot', async () => {
    const cast = (client: Client, letters: string[]) =>
      client.rpc('cast_ballot', { ballot_id: ballotId, ranking: idsOf(letters) })
    expectRefused(await cast(noStanding.client, ['A']))
    expectRefused(await cast(world.nonMember.client, ['A']))
    expectRefused(await cast(world.otherFacilitator.client, ['A']))
    expect((await cast(anonClient(), ['A'])).error).not.toBeNull()
    // A first ranking, changed before the close: only the last one counts.
    expectOk(await cast(voters[0].client, ['D', 'C']))
    for (const [i, voter] of voters.entries()) expectOk(await cast(voter.client, rankings[i]))
    // Bad rankings change nothing.
    expectRefused(await cast(voters[0].client, ['A', 'A']), 'P0001')
    expectRefused(
      await voters[0].client.rpc('cast_ballot', { ballot_id: ballotId, ranking: [draftId] }),
      'P0001',
    )
    const { data } = await anonClient()
      .from('ballots')
      .select('ballot_count')
      .eq('id', ballotId)
      .single()
    expect(data!.ballot_count).toBe(voters.length)
  })

  it('a member reads their own ranking and nobody else’s, whatever their role', async () => {
    const own = expectOk(
      await voters[1].client
        .from('ballot_papers')
        .select('voter_id, ranking')
        .eq('ballot_id', ballotId),
    )
    expect(own).toEqual([{ voter_id: voters[1].id, ranking: idsOf(['A', 'B']) }])
    for (const client of [
      world.facilitator.client,
      world.admin.client,
      world.candidate.client,
      world.member.client,
    ]) {
      const rows = expectOk(
        await client.from('ballot_papers').select('voter_id, ranking').eq('ballot_id', ballotId),
      )
      expect(rows).toEqual([])
    }
    expectRefused(
      await anonClient().from('ballot_papers').select('voter_id').eq('ballot_id', ballotId),
    )
    // No round, tally or turnout exists before the close.
    expect(
      expectOk(await anonClient().from('ballot_rounds').select('round').eq('ballot_id', ballotId)),
    ).toEqual([])
    expectRefused(await voters[0].client.rpc('recount_ballot', { ballot_id: ballotId }), 'P0001')
  })

  it('only facilitators close a ballot; after the close nobody ranks', async () => {
    expectRefused(await voters[0].client.rpc('close_ballot', { ballot_id: ballotId }))
    expectOk(await world.facilitator.client.rpc('close_ballot', { ballot_id: ballotId }))
    const late = await voters[0].client.rpc('cast_ballot', {
      ballot_id: ballotId,
      ranking: idsOf(['D']),
    })
    expectRefused(late, 'P0001')
    expect(late.error!.message).toMatch(/closed/)
  })

  it('the first read after the close counts it once; the rounds are the hand count', async () => {
    expect(expectOk(await anonClient().rpc('count_ballot', { ballot_id: ballotId }))).toBe(true)
    expect(expectOk(await anonClient().rpc('count_ballot', { ballot_id: ballotId }))).toBe(false)
    const rounds = expectOk(
      await anonClient()
        .from('ballot_rounds')
        .select('round, live, exhausted, eliminated_id, tie_break, elected_id')
        .eq('ballot_id', ballotId)
        .order('round'),
    )
    // Round 1: A 3, B 2, C 2, D 1 (8): D out → B. Round 2: A 3, B 3, C 2: C out; of its 2,
    // one → B, one exhausted. Round 3: A 3, B 4 of 7 live: B wins.
    expect(
      rounds.map((r) => [
        r.live,
        r.exhausted,
        r.eliminated_id && letter(r.eliminated_id),
        r.elected_id && letter(r.elected_id),
      ]),
    ).toEqual([
      [8, 0, 'D', null],
      [8, 0, 'C', null],
      [7, 1, null, 'B'],
    ])
    const votes = expectOk(
      await anonClient()
        .from('ballot_round_votes')
        .select('round, proposal_id, votes')
        .eq('ballot_id', ballotId),
    )
    const tally = (round: number) =>
      Object.fromEntries(
        votes.filter((v) => v.round === round).map((v) => [letter(v.proposal_id), v.votes]),
      )
    expect([tally(1), tally(2), tally(3)]).toEqual([
      { A: 3, B: 2, C: 2, D: 1 },
      { A: 3, B: 3, C: 2 },
      { A: 3, B: 4 },
    ])
    const transfers = expectOk(
      await anonClient()
        .from('ballot_transfers')
        .select('round, to_proposal_id, ballots')
        .eq('ballot_id', ballotId),
    )
    expect(
      transfers
        .map((t) => [t.round, t.to_proposal_id ? letter(t.to_proposal_id) : 'exhausted', t.ballots])
        .sort(),
    ).toEqual([
      [1, 'B', 1],
      [2, 'B', 1],
      [2, 'exhausted', 1],
    ])
    const { data: ballot } = await anonClient()
      .from('ballots')
      .select('winner_id, ballot_count, eligible_count, tie_seed')
      .eq('id', ballotId)
      .single()
    // Eight voters and the facilitator have standing; the other members do not.
    expect(ballot).toMatchObject({ winner_id: options[1].id, ballot_count: 8, eligible_count: 9 })
  })

  it('a recount from the stored ballots and seed gives the stored rounds, twice', async () => {
    const stored = expectOk(
      await anonClient()
        .from('ballot_rounds')
        .select('round, elected_id, eliminated_id')
        .eq('ballot_id', ballotId)
        .order('round'),
    )
    for (let i = 0; i < 2; i++) {
      const recount = expectOk(
        await voters[3].client.rpc('recount_ballot', { ballot_id: ballotId }),
      ) as Count
      expect(recount.winner).toBe(options[1].id)
      expect(recount.rounds.map((r) => [r.round, r.elected, r.eliminated])).toEqual(
        stored.map((r) => [r.round, r.elected_id, r.eliminated_id]),
      )
    }
  })

  it('turnout by borough groups the boroughs where fewer than 5 ranked', async () => {
    const rows = expectOk(await anonClient().rpc('ballot_turnout', { ballot_id: ballotId }))
    // Wirral has 3 ballots: held back; that would leave 1–4 to subtract, so Liverpool (the
    // smallest shown) is held back too, and both come back together.
    expect(rows.find((r) => r.region === 'wirral')).toMatchObject({
      voted: null,
      fewer_than_5: true,
    })
    expect(rows.find((r) => r.region === 'liverpool')).toMatchObject({
      voted: null,
      fewer_than_5: false,
    })
    expect(rows.find((r) => r.region === null)).toMatchObject({ voted: 8, eligible: 9 })
  })

  it('voters hear of the result; the others do not', async () => {
    const heard = expectOk(
      await voters[2].client
        .from('notifications')
        .select('kind, body, proposal_id')
        .eq('kind', 'ballot_result'),
    )
    expect(heard).toEqual([
      expect.objectContaining({
        proposal_id: options[1].id,
        body: expect.stringContaining(options[1].title),
      }),
    ])
    const notHeard = expectOk(
      await noStanding.client.from('notifications').select('kind').eq('kind', 'ballot_result'),
    )
    expect(notHeard).toEqual([])
  })

  it('facilitators forward the winner with its result; the candidate reads which ballot it came from', async () => {
    expectRefused(await voters[0].client.rpc('forward_ballot_winner', { ballot_id: ballotId }))
    expectRefused(
      await world.candidate.client.rpc('forward_ballot_winner', { ballot_id: ballotId }),
    )
    expectOk(
      await world.facilitator.client.rpc('forward_ballot_winner', {
        ballot_id: ballotId,
        cover_note: 'The members put this first.',
      }),
    )
    expectRefused(
      await world.facilitator.client.rpc('forward_ballot_winner', { ballot_id: ballotId }),
      'P0001',
    )
    const forwarded = expectOk(
      await world.candidate.client
        .from('forwarded_proposals')
        .select('proposal_id, forwarding:shortlist_forwardings!inner(ballot_id, cover_note)')
        .eq('proposal_id', options[1].id),
    )
    expect(forwarded).toEqual([
      {
        proposal_id: options[1].id,
        forwarding: { ballot_id: ballotId, cover_note: 'The members put this first.' },
      },
    ])
    const { rows } = await sql().query('select status from public.proposals where id = $1', [
      options[1].id,
    ])
    expect(rows[0].status).toBe('forwarded')
  })

  it('a ballot not yet open takes no rankings', async () => {
    const later = expectOk(
      await open(world.facilitator.client, {
        proposal_ids: [options[0].id, options[2].id],
        opens_at: new Date(Date.now() + 3600_000).toISOString(),
        closes_at: new Date(Date.now() + 7200_000).toISOString(),
      }),
    ) as string
    const early = await voters[0].client.rpc('cast_ballot', {
      ballot_id: later,
      ranking: [options[0].id],
    })
    expectRefused(early, 'P0001')
    expect(early.error!.message).toMatch(/not open yet/)
  })

  it('participation by borough: the facilitators and the candidate, with small boroughs grouped', async () => {
    for (const client of [voters[0].client, world.otherFacilitator.client])
      expectRefused(await client.rpc('group_participation', { group_id: world.group.id }))
    expect(
      (await anonClient().rpc('group_participation', { group_id: world.group.id })).error,
    ).not.toBeNull()
    const read = async (client: Client) =>
      expectOk(await client.rpc('group_participation', { group_id: world.group.id }))
    // Wirral has 3 members: held back, and Liverpool with it (else 3 could be subtracted).
    let rows = await read(world.facilitator.client)
    expect(rows.find((r) => r.region === 'wirral')).toMatchObject({
      members: null,
      fewer_than_5: true,
    })
    expect(rows.find((r) => r.region === 'liverpool')).toMatchObject({
      members: null,
      fewer_than_5: false,
    })
    expect(rows.find((r) => r.region === null)).toMatchObject({ members: 12, ballot_voted: 8 })
    // Two more join in Wirral: every borough with members now has 5 or more.
    for (const joiner of await Promise.all([1, 2].map(() => createMember({ region: 'wirral' }))))
      await addMembership(world.group, joiner)
    for (const client of [world.facilitator.client, world.candidate.client]) {
      rows = await read(client)
      // Liverpool: 5 voters, the facilitator, the member, the author and co-author.
      expect(rows.find((r) => r.region === 'liverpool')).toMatchObject({
        members: 9,
        active_this_month: 5,
        proposals: 4,
        ballot_eligible: 6,
        ballot_voted: 5,
        fewer_than_5: false,
      })
      expect(rows.find((r) => r.region === 'wirral')).toMatchObject({
        members: 5,
        active_this_month: 3,
        ballot_eligible: 3,
        ballot_voted: 3,
      })
      expect(rows.find((r) => r.region === null)).toMatchObject({ members: 0 })
    }
  })
})
