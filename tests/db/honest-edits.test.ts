// Honest edits through supabase-js: a published proposal's title, summary or text changes only
// with a note saying what changed and why, kept in its public history; its voters (not its
// authors, not the editor) are told once a day; once shortlisted only facilitators edit it.
import { beforeAll, describe, expect, it } from 'vitest'
import { anonClient } from '../support/clients'
import { expectNoRows, expectOk } from '../support/expect'
import {
  addSupporters,
  arrangeProposal,
  createWorld,
  notificationsOf,
  type World,
} from '../support/lifecycle'
import { addMembership } from '../support/groups'
import { createMember, type Member } from '../support/members'
import { documentOf, proposalRow } from '../support/proposals'
import { sql } from '../support/sql'

let world: World
let supporter: Member
let opponent: Member
beforeAll(async () => {
  world = await createWorld()
  ;[supporter, opponent] = await Promise.all([
    createMember({ displayName: 'Sue Supporter' }),
    createMember({ displayName: 'Otto Opponent' }),
  ])
  await addMembership(world.group, supporter)
  await addMembership(world.group, opponent)
})

async function votedProposal(status: 'open' | 'shortlisted' = 'open') {
  const proposal = await arrangeProposal(world, status)
  await addSupporters(proposal.id, [supporter])
  await addSupporters(proposal.id, [opponent], -1)
  return proposal
}

function edit(
  client: World['author']['client'],
  id: string,
  change: { title?: string; body?: ReturnType<typeof documentOf>; change_note?: string | null },
) {
  return client.from('proposals').update(change).eq('id', id).select('id, version, change_note')
}

async function revisionsOf(id: string) {
  const { rows } = await sql().query<{ version: number; change_note: string | null }>(
    'select version, change_note from public.proposal_revisions where proposal_id = $1 order by version',
    [id],
  )
  return rows
}

const edited = (member: Member, id: string) =>
  notificationsOf(member).then((rows) =>
    rows.filter((n) => n.kind === 'proposal_edited' && n.proposal_id === id),
  )

describe('editing a published proposal', () => {
  it('is refused without a note, and changes nothing', async () => {
    const proposal = await votedProposal()
    const before = await proposalRow(proposal.id)
    for (const note of [undefined, null, '   ']) {
      const result = await edit(world.author.client, proposal.id, {
        title: 'A quietly different promise',
        ...(note === undefined ? {} : { change_note: note }),
      })
      expect(result.error?.message).toBe(
        "Say in a few words what you changed and why: the note is shown in the proposal's history.",
      )
    }
    const tooLong = await edit(world.author.client, proposal.id, {
      title: 'A quietly different promise',
      change_note: 'x'.repeat(281),
    })
    expect(tooLong.error?.message).toBe(
      'Keep the note on your change to 280 characters: it has 281.',
    )
    expect(await proposalRow(proposal.id)).toEqual(before)
    expect(await edited(supporter, proposal.id)).toEqual([])
  })

  it('keeps the note with its revision, never on the proposal, and tells its voters once', async () => {
    const proposal = await votedProposal()
    const [saved] = expectOk(
      await edit(world.author.client, proposal.id, {
        title: `${proposal.title} (every weekday)`,
        change_note: 'Weekdays only: the weekend service is a separate proposal.',
      }),
    )
    expect(saved.change_note).toBeNull()
    expect((await revisionsOf(proposal.id)).at(-1)).toEqual({
      version: saved.version,
      change_note: 'Weekdays only: the weekend service is a separate proposal.',
    })
    for (const voter of [supporter, opponent]) {
      const [told] = await edited(voter, proposal.id)
      expect(told.body).toBe(
        `“${proposal.title} (every weekday)”, which you voted on, was changed: Weekdays only: the weekend service is a separate proposal.`,
      )
      expect(told.actor_id).toBe(world.author.id)
    }
    // Its authors are not told of their own proposal's change.
    expect(await edited(world.author, proposal.id)).toEqual([])
    expect(await edited(world.coauthor, proposal.id)).toEqual([])
    // A second change the same day: in the history with its own note, but no second
    // notification.
    expectOk(
      await edit(world.author.client, proposal.id, {
        body: documentOf('Every weekday from 6am.'),
        change_note: 'Says when it starts.',
      }),
    )
    expect((await revisionsOf(proposal.id)).map((r) => r.change_note)).toEqual([
      'Weekdays only: the weekend service is a separate proposal.',
      'Says when it starts.',
    ])
    expect(await edited(supporter, proposal.id)).toHaveLength(1)
  })

  it('needs no note while it is a draft', async () => {
    const draft = await arrangeProposal(world, 'draft')
    expectOk(await edit(world.author.client, draft.id, { title: 'Still drafting this one' }))
    expect((await proposalRow(draft.id)).title).toBe('Still drafting this one')
  })

  it('cannot set the note column for others to read', async () => {
    const proposal = await votedProposal()
    const result = await anonClient()
      .from('proposals')
      .update({ change_note: 'vandal' })
      .eq('id', proposal.id)
      .select('id')
    expect(result.error?.code).toBe('42501')
  })
})

describe('a shortlisted proposal', () => {
  it('is edited by its facilitators only; its authors suggest a change instead', async () => {
    const proposal = await votedProposal('shortlisted')
    expectNoRows(
      await edit(world.author.client, proposal.id, {
        title: 'Rewritten after shortlisting',
        change_note: 'Tidying up.',
      }),
    )
    expectNoRows(
      await edit(world.member.client, proposal.id, {
        title: 'Rewritten after shortlisting',
        change_note: 'Tidying up.',
      }),
    )
    expect((await proposalRow(proposal.id)).title).toBe(proposal.title)
    expectOk(
      await edit(world.facilitator.client, proposal.id, {
        title: `${proposal.title}, merged wording`,
        change_note: 'Wording of the merged duplicate folded in.',
      }),
    )
    expect((await proposalRow(proposal.id)).title).toBe(`${proposal.title}, merged wording`)
    const [told] = await edited(supporter, proposal.id)
    expect(told.actor_id).toBe(world.facilitator.id)
  })
})
