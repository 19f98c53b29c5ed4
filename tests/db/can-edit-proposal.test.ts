// can_edit_proposal() and my_proposal_state(), through supabase-js as each role: the page asks Postgres whether
// the viewer may edit, and the answer is the update policy's own (a member told "yes" can
// save; one told "no" is refused by RLS), so the two cannot drift apart.
import { beforeAll, describe, expect, it } from 'vitest'
import {
  as,
  arrangeProposal,
  createWorld,
  type World,
  type WorldActor,
  everyone,
} from '../support/lifecycle'
import { sql } from '../support/sql'

let world: World
beforeAll(async () => {
  world = await createWorld()
})

const actors = everyone

async function answers(id: string) {
  const seen: Partial<Record<WorldActor, boolean | null>> = {}
  for (const actor of actors) {
    const client = as(world, actor)
    const [{ data: row }, { data, error }, state] = await Promise.all([
      client.from('proposals').select('id').eq('id', id).maybeSingle(),
      client.rpc('can_edit_proposal', { target: id }),
      client.rpc('my_proposal_state', { target: id }, { get: true }),
    ])
    expect(error?.message ?? null, actor).toBeNull()
    // The proposal page asks my_proposal_state, which must answer the same.
    expect(state.error?.message ?? null, actor).toBeNull()
    expect((state.data as { can_edit: boolean }).can_edit, actor).toBe(data)
    // null: the actor cannot even read it.
    seen[actor] = row ? data : null
  }
  return seen
}

/** Whether the update policy lets each actor change the proposal (rolled back by hand). */
async function saves(id: string) {
  const saved: Partial<Record<WorldActor, boolean>> = {}
  for (const actor of actors) {
    const { data } = await as(world, actor)
      .from('proposals')
      .update({ summary: `Checked by ${actor}`, change_note: 'Checking who may edit.' })
      .eq('id', id)
      .select('id')
    saved[actor] = (data ?? []).length === 1
  }
  return saved
}

describe('whether the viewer may edit a proposal', () => {
  it('says yes to its authors and the curators of an open proposal, and no to everyone else', async () => {
    const proposal = await arrangeProposal(world, 'open')
    const seen = await answers(proposal.id)
    expect(seen).toEqual({
      anon: false,
      nonMember: false,
      member: false,
      author: true,
      coauthor: true,
      facilitator: true,
      otherFacilitator: false,
      candidate: false,
      admin: true,
    })
    // …and the update policy agrees, actor by actor.
    const saved = await saves(proposal.id)
    for (const actor of actors) expect(saved[actor], actor).toBe(seen[actor] === true)
  })

  it('leaves a shortlisted proposal to the curators, and a draft to its authors', async () => {
    const shortlisted = await answers((await arrangeProposal(world, 'shortlisted')).id)
    expect(Object.keys(shortlisted).filter((actor) => shortlisted[actor as WorldActor])).toEqual([
      'facilitator',
      'admin',
    ])
    const draft = await answers((await arrangeProposal(world, 'draft')).id)
    // Only its authors can read a draft at all.
    expect(Object.keys(draft).filter((actor) => draft[actor as WorldActor] !== null)).toEqual([
      'author',
      'coauthor',
    ])
    expect(draft.author).toBe(true)
  })

  it('says no to everyone once the group is archived', async () => {
    const proposal = await arrangeProposal(world, 'open')
    await sql().query('update public.groups set archived_at = now() where id = $1', [
      world.group.id,
    ])
    try {
      const seen = await answers(proposal.id)
      expect(Object.values(seen).some(Boolean)).toBe(false)
      expect(Object.values(await saves(proposal.id)).some(Boolean)).toBe(false)
    } finally {
      await sql().query('update public.groups set archived_at = null where id = $1', [
        world.group.id,
      ])
    }
  })
})
