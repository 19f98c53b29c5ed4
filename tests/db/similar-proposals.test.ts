// Similar proposals before publishing: the group's open and shortlisted proposals whose titles
// are most like the draft's, most similar first, through supabase-js; and the query is an
// index scan in distance order (the plan, read with auto_explain as the function runs).
import { beforeAll, describe, expect, it } from 'vitest'
import { anonClient } from '../support/clients'
import { expectOk } from '../support/expect'
import { arrangeProposals, createWorld, type World } from '../support/lifecycle'
import { sql } from '../support/sql'

let world: World
let ids: Record<string, string>
beforeAll(async () => {
  world = await createWorld('open')
  const statuses = ['open', 'open', 'shortlisted', 'open', 'draft', 'archived', 'open'] as const
  const arranged = await arrangeProposals(world, [...statuses])
  const titles = [
    'Part-time season tickets',
    'Season tickets for part-time workers',
    'Cheaper season tickets',
    'Night buses for shift workers',
    'Part-time season tickets (a draft)',
    'Part-time season tickets (archived)',
    'Part-time season tickets (hidden)',
  ]
  ids = {}
  for (const [i, proposal] of arranged.entries()) {
    await sql().query('update public.proposals set title = $2 where id = $1', [
      proposal.id,
      titles[i],
    ])
    ids[titles[i]] = proposal.id
  }
  await sql().query(
    "update public.proposals set hidden_at = now(), hidden_reason = 'Under review.' where id = $1",
    [ids['Part-time season tickets (hidden)']],
  )
  // The same title in another group is not this group's business.
  const [elsewhere] = await arrangeProposals(world, ['open'], { groupId: world.otherGroup.id })
  await sql().query('update public.proposals set title = $2 where id = $1', [
    elsewhere.id,
    'Part-time season tickets',
  ])
})

function similar(title: string, exclude?: string) {
  return anonClient().rpc('similar_proposals', {
    target_group: world.group.id,
    title,
    exclude,
  })
}

describe('similar proposals', () => {
  it('ranks the group’s open and shortlisted proposals by how alike their titles are', async () => {
    const rows = expectOk(await similar('Part-time season tickets'))
    expect(rows.map((r) => r.title)).toEqual([
      'Part-time season tickets',
      'Season tickets for part-time workers',
      'Cheaper season tickets',
    ])
    expect(rows[0].similarity).toBe(1)
    expect(rows[1].similarity).toBeGreaterThan(rows[2].similarity)
    expect(rows[2].similarity).toBeGreaterThanOrEqual(0.3)
  })

  it('leaves out the draft itself, and shows nothing for an unrelated title', async () => {
    const rows = expectOk(
      await similar('Part-time season tickets', ids['Part-time season tickets']),
    )
    expect(rows[0].title).toBe('Season tickets for part-time workers')
    expect(expectOk(await similar('Damp in council flats'))).toEqual([])
  })

  it('is read with an index scan in distance order, not by reading the group', async () => {
    const client = await sql().connect()
    const plans: string[] = []
    client.on('notice', (notice) => plans.push(String(notice.message)))
    try {
      await client.query("load 'auto_explain'")
      await client.query('set auto_explain.log_min_duration = 0')
      await client.query('set auto_explain.log_nested_statements = on')
      await client.query('set client_min_messages = log')
      await client.query('begin')
      await client.query('set local role anon')
      // A test group holds a handful of rows, which a sequential scan reads fastest; at scale
      // (scripts/bench/similar-proposals.ts, 10,000 proposals) the planner picks this index.
      await client.query('set local enable_seqscan = off')
      await client.query('select * from public.similar_proposals($1, $2)', [
        world.group.id,
        'Part-time season tickets',
      ])
      await client.query('rollback')
    } finally {
      await client.query('reset client_min_messages').catch(() => undefined)
      client.release(true)
    }
    const inner = plans.find((plan) => plan.includes('from public.proposals p'))
    expect(inner).toMatch(/Index Scan using proposals_title_trgm_idx/)
    expect(inner).toMatch(/Order By: \(title OPERATOR\(extensions\.<->\)/)
  })
})
