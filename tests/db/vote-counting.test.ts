// Votes are counted once per statement (migration 20261208100000): counters, borough tallies
// and scores stay exact when two transactions vote on one proposal at once, and when one
// statement adds, changes or withdraws many votes on several proposals.
import { beforeAll, describe, expect, it } from 'vitest'
import { addMembership, createCast, type Cast } from '../support/groups'
import { createMember, type Member } from '../support/members'
import { createProposal, proposalRow } from '../support/proposals'
import { sql } from '../support/sql'

const boroughs = ['liverpool', 'sefton', 'knowsley', 'st-helens', 'halton', 'wirral', 'elsewhere']

async function drift(proposalIds: string[]) {
  const { rows } = await sql().query(
    'select * from private.counter_drift() where proposal_id = any($1)',
    [proposalIds],
  )
  return rows
}

async function voters(cast: Cast, count: number) {
  const members: Member[] = []
  for (let i = 0; i < count; i++) {
    const member = await createMember({ region: boroughs[i % boroughs.length] })
    await addMembership(cast.group, member)
    members.push(member)
  }
  return members
}

/** Waits until the backend `pid` is blocked on a lock. */
async function waitUntilBlocked(pid: number) {
  for (let i = 0; i < 200; i++) {
    const { rows } = await sql().query(
      `select wait_event_type from pg_stat_activity where pid = $1`,
      [pid],
    )
    if (rows[0]?.wait_event_type === 'Lock') return
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
  throw new Error('The second transaction never waited for the first.')
}

describe('vote counting', () => {
  let cast: Cast
  beforeAll(async () => {
    cast = await createCast('open')
  })

  it('two transactions voting on one proposal at once both count', async () => {
    const proposal = await createProposal(cast.member, cast.group, { publish: true })
    const [first, second] = await voters(cast, 2)
    const a = await sql().connect()
    const b = await sql().connect()
    try {
      await a.query('begin')
      await a.query('insert into public.votes (proposal_id, user_id, value) values ($1, $2, 1)', [
        proposal.id,
        first.id,
      ])
      await b.query('begin')
      const {
        rows: [{ pid }],
      } = await b.query<{ pid: number }>('select pg_backend_pid() as pid')
      // B's vote is counted only after A's: it waits for the proposal A is counting.
      const secondVote = b.query(
        'insert into public.votes (proposal_id, user_id, value) values ($1, $2, -1)',
        [proposal.id, second.id],
      )
      await waitUntilBlocked(pid)
      await a.query('commit')
      await secondVote
      await b.query('commit')
    } finally {
      await a.query('rollback').catch(() => undefined)
      await b.query('rollback').catch(() => undefined)
      a.release()
      b.release()
    }
    expect(await proposalRow(proposal.id)).toMatchObject({ support_count: 1, oppose_count: 1 })
    const { rows: tallies } = await sql().query(
      `select region, support, oppose from public.proposal_region_tallies
        where proposal_id = $1 order by region`,
      [proposal.id],
    )
    expect(tallies).toEqual([
      { region: 'liverpool', support: 1, oppose: 0 },
      { region: 'sefton', support: 0, oppose: 1 },
    ])
    expect(await drift([proposal.id])).toEqual([])
  })

  it('two connections changing and withdrawing votes on one proposal at once stay exact', async () => {
    const proposal = await createProposal(cast.member, cast.group, { publish: true })
    const members = await voters(cast, 14)
    await sql().query(
      `insert into public.votes (proposal_id, user_id, value)
       select $1, id, 1 from unnest($2::uuid[]) id`,
      [proposal.id, members.map((m) => m.id)],
    )
    const half = members.length / 2
    // Each connection, many times over: turn its half's votes around, one vote a statement.
    const flip = async (own: Member[]) => {
      const client = await sql().connect()
      try {
        for (let round = 0; round < 3; round++)
          for (const member of own)
            await client.query(
              `update public.votes set value = -value where proposal_id = $1 and user_id = $2`,
              [proposal.id, member.id],
            )
        await client.query(`delete from public.votes where proposal_id = $1 and user_id = $2`, [
          proposal.id,
          own[0].id,
        ])
      } finally {
        client.release()
      }
    }
    await Promise.all([flip(members.slice(0, half)), flip(members.slice(half))])
    // Three flips leave each vote opposing; one of each half was withdrawn.
    expect(await proposalRow(proposal.id)).toMatchObject({ support_count: 0, oppose_count: 12 })
    expect(await drift([proposal.id])).toEqual([])
  })

  it('one statement of many votes on several proposals, then changed and withdrawn, stays exact', async () => {
    const proposals = await Promise.all(
      Array.from({ length: 3 }, () => createProposal(cast.member, cast.group, { publish: true })),
    )
    const members = await voters(cast, 10)
    const ids = proposals.map((p) => p.id)
    const before = await sql().query<{ n: number }>(
      `select count(*)::int as n from realtime.messages
        where event = 'votes_changed' and topic = any($1)`,
      [ids.map((id) => `proposal:${id}`)],
    )
    // Every member on every proposal, in one statement; a third of them oppose.
    await sql().query(
      `insert into public.votes (proposal_id, user_id, value)
       select p, m, case when (row_number() over ()) % 3 = 0 then -1 else 1 end
       from unnest($1::uuid[]) p, unnest($2::uuid[]) m`,
      [ids, members.map((m) => m.id)],
    )
    expect(await drift(ids)).toEqual([])
    const counted = await Promise.all(ids.map((id) => proposalRow(id)))
    for (const row of counted) expect(row.support_count + row.oppose_count).toBe(10)
    // One live update per proposal for the whole statement, not one per vote.
    const after = await sql().query<{ n: number }>(
      `select count(*)::int as n from realtime.messages
        where event = 'votes_changed' and topic = any($1)`,
      [ids.map((id) => `proposal:${id}`)],
    )
    expect(after.rows[0].n - before.rows[0].n).toBe(3)

    await sql().query(
      `update public.votes set value = -value where proposal_id = any($1) and user_id = any($2)`,
      [ids, members.slice(0, 6).map((m) => m.id)],
    )
    expect(await drift(ids)).toEqual([])
    await sql().query(
      `delete from public.votes where proposal_id = any($1) and user_id = any($2)`,
      [ids, members.slice(3, 8).map((m) => m.id)],
    )
    expect(await drift(ids)).toEqual([])
    const { rows } = await sql().query<{ n: number }>(
      'select count(*)::int as n from public.votes where proposal_id = any($1)',
      [ids],
    )
    expect(rows[0].n).toBe(15)
  })

  it('one statement counts the supporters as following and as taking part', async () => {
    const proposal = await createProposal(cast.member, cast.group, { publish: true })
    const [supporter, opponent] = await voters(cast, 2)
    await sql().query(
      `insert into public.votes (proposal_id, user_id, value) values ($1, $2, 1), ($1, $3, -1)`,
      [proposal.id, supporter.id, opponent.id],
    )
    const { rows: follows } = await sql().query(
      'select user_id from public.follows where proposal_id = $1 and user_id = any($2)',
      [proposal.id, [supporter.id, opponent.id]],
    )
    expect(follows).toEqual([{ user_id: supporter.id }])
    const { rows: memberships } = await sql().query(
      `select user_id, participated_at is not null as took_part,
              active_month = date_trunc('month', now())::date as active
         from public.group_members where group_id = $1 and user_id = any($2) order by user_id`,
      [cast.group.id, [supporter.id, opponent.id]],
    )
    expect(memberships).toEqual(
      [supporter.id, opponent.id]
        .sort()
        .map((id) => ({ user_id: id, took_part: true, active: true })),
    )
  })

  it('leaves no counter anywhere that differs from its votes', async () => {
    const { rows } = await sql().query('select * from private.counter_drift()')
    expect(rows).toEqual([])
  })
})
