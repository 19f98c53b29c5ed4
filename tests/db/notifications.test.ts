// Notifications: each event tells the right members, once, in a short sentence; nobody but
// the member a notification is for reads, marks or deletes it, and nobody writes one.
import { beforeAll, describe, expect, it } from 'vitest'
import { anonClient, serviceClient } from '../support/clients'
import { expectNoRows, expectOk, expectRefused } from '../support/expect'
import { createCast } from '../support/groups'
import {
  addSupporters,
  arrangeProposal,
  createWorld,
  notificationsOf,
  type World,
} from '../support/lifecycle'
import { createMember, type Member } from '../support/members'
import { defaultBody, documentOf } from '../support/proposals'
import { arrangeComment } from '../support/moderation'
import { sql } from '../support/sql'

let world: World
beforeAll(async () => {
  world = await createWorld()
})

/** What a member was told since `since` (an id set), as [kind, body] pairs. */
async function told(member: Member, since: Set<string> = new Set(), about?: string) {
  return (await notificationsOf(member))
    .filter((n) => !since.has(n.id) && (!about || n.proposal_id === about))
    .map((n) => [n.kind, n.body])
}

async function seen(...members: Member[]) {
  return new Set((await Promise.all(members.map(notificationsOf))).flat().map((n) => n.id))
}

describe('comments and replies', () => {
  it('a comment tells every author but the commenter', async () => {
    const proposal = await arrangeProposal(world, 'open')
    const before = await seen(world.author, world.coauthor, world.member)
    const [comment] = expectOk(
      await world.coauthor.client
        .from('comments')
        .insert({ proposal_id: proposal.id, body: 'I agree with myself.' })
        .select('id'),
    )
    expect(await told(world.author, before)).toEqual([
      ['comment_on_proposal', `Co Author commented on your proposal “${proposal.title}”`],
    ])
    expect(await told(world.coauthor, before)).toEqual([])
    expect(await told(world.member, before)).toEqual([])
    const [row] = (await notificationsOf(world.author)).filter((n) => !before.has(n.id))
    expect(row).toMatchObject({
      group_id: world.group.id,
      proposal_id: proposal.id,
      comment_id: comment.id,
      actor_id: world.coauthor.id,
      read_at: null,
    })
  })

  it('a reply tells the parent’s author once (as a reply), and the other authors of the proposal', async () => {
    const proposal = await arrangeProposal(world, 'open')
    const parent = await arrangeComment(proposal.id, world.author, { body: 'My own point.' })
    const before = await seen(world.author, world.coauthor, world.member)
    expectOk(
      await world.member.client
        .from('comments')
        .insert({ proposal_id: proposal.id, parent_id: parent.id, body: 'A reply.' })
        .select('id'),
    )
    expect(await told(world.author, before)).toEqual([
      ['reply_to_comment', `Active Member replied to your comment on “${proposal.title}”`],
    ])
    expect(await told(world.coauthor, before)).toEqual([
      ['comment_on_proposal', `Active Member commented on your proposal “${proposal.title}”`],
    ])
    // Replying to oneself tells nobody about the reply.
    const own = await arrangeComment(proposal.id, world.member)
    const again = await seen(world.member)
    expectOk(
      await world.member.client
        .from('comments')
        .insert({ proposal_id: proposal.id, parent_id: own.id, body: 'And another thing.' })
        .select('id'),
    )
    expect(await told(world.member, again)).toEqual([])
  })
})

describe('status changes', () => {
  it.each([
    ['open', 'shortlist', {}, 'Your proposal “%” was shortlisted by the facilitators'],
    ['shortlisted', 'reopen', {}, 'Your proposal “%” was returned to open discussion'],
    ['shortlisted', 'forward', {}, 'Your proposal “%” was forwarded to the candidate'],
    [
      'open',
      'archive',
      { reason: 'Covered elsewhere.' },
      'Your proposal “%” was archived: Covered elsewhere.',
    ],
  ] as const)('from %s, %s tells the authors', async (status, action, extra, sentence) => {
    const proposal = await arrangeProposal(world, status)
    const before = await seen(world.author, world.coauthor, world.facilitator)
    expectOk(
      await world.facilitator.client.rpc('transition_proposal', {
        proposal_id: proposal.id,
        action,
        ...extra,
      }),
    )
    const expected = [['proposal_status', sentence.replace('%', proposal.title)]]
    expect(await told(world.author, before)).toEqual(expected)
    expect(await told(world.coauthor, before)).toEqual(expected)
    expect(await told(world.facilitator, before)).toEqual([])
  })

  it('publishing tells nobody; a facilitator who wrote the proposal is not told of their own move', async () => {
    const draft = await arrangeProposal(world, 'draft')
    const before = await seen(world.author, world.coauthor)
    expectOk(await world.author.client.rpc('publish_proposal', { proposal_id: draft.id }))
    expect(await told(world.coauthor, before)).toEqual([])
    expect(await told(world.author, before)).toEqual([])
    const { data } = await world.facilitator.client
      .from('proposals')
      .insert({
        group_id: world.group.id,
        title: 'The facilitator’s own',
        summary: 'A short summary of the proposal.',
        body: documentOf(defaultBody),
      })
      .select('id')
      .single()
    expectOk(await world.facilitator.client.rpc('publish_proposal', { proposal_id: data!.id }))
    const mine = await seen(world.facilitator)
    expectOk(
      await world.facilitator.client.rpc('transition_proposal', {
        proposal_id: data!.id,
        action: 'archive',
        reason: 'I withdraw it.',
      }),
    )
    expect(await told(world.facilitator, mine)).toEqual([])
  })

  it('a merge tells the authors, and invites the supporters (not the opponents, nor those already supporting the other)', async () => {
    const [duplicate, original] = await Promise.all([
      arrangeProposal(world, 'open'),
      arrangeProposal(world, 'open'),
    ])
    const [supporter, opponent, both] = await Promise.all([
      createMember({ displayName: 'Sam Supporter' }),
      createMember(),
      createMember(),
    ])
    await addSupporters(duplicate.id, [supporter, both])
    await addSupporters(duplicate.id, [opponent], -1)
    await addSupporters(original.id, [both])
    const before = await seen(world.author, supporter, opponent, both)
    expectOk(
      await world.admin.client.rpc('transition_proposal', {
        proposal_id: duplicate.id,
        action: 'merge',
        merge_target: original.id,
      }),
    )
    expect(await told(world.author, before)).toEqual([
      ['proposal_status', `Your proposal “${duplicate.title}” was merged into “${original.title}”`],
    ])
    expect(await told(supporter, before)).toEqual([
      [
        'merge_invitation',
        `“${duplicate.title}”, which you supported, was merged into “${original.title}”. Your vote did not move: support “${original.title}” if you agree with it.`,
      ],
    ])
    expect((await notificationsOf(supporter)).at(-1)).toMatchObject({
      proposal_id: original.id,
      actor_id: world.admin.id,
    })
    expect(await told(opponent, before)).toEqual([])
    expect(await told(both, before)).toEqual([])
  })
})

describe('the candidate’s answer', () => {
  it('tells authors and supporters once each, and again when revised', async () => {
    const proposal = await arrangeProposal(world, 'forwarded')
    const supporter = await createMember()
    await addSupporters(proposal.id, [supporter, world.author])
    await addSupporters(proposal.id, [world.member], -1)
    const before = await seen(
      world.author,
      world.coauthor,
      supporter,
      world.member,
      world.candidate,
    )
    expectOk(
      await world.candidate.client.rpc('answer_proposal', {
        proposal_id: proposal.id,
        decision: 'adopted',
        explanation: 'Yes.',
      }),
    )
    const adopted = ['candidate_answer', `The candidate adopted “${proposal.title}”`]
    for (const member of [world.author, world.coauthor, supporter])
      expect(await told(member, before)).toEqual([adopted])
    expect(await told(world.member, before)).toEqual([])
    // Of this proposal (every candidate of the run hears of every forwarding, and other test
    // files forward proposals meanwhile): their own answer tells the candidate nothing.
    expect(await told(world.candidate, before, proposal.id)).toEqual([])
    expectOk(
      await world.candidate.client.rpc('answer_proposal', {
        proposal_id: proposal.id,
        decision: 'declined',
        explanation: 'On reflection, no.',
      }),
    )
    expect(await told(supporter, before)).toEqual([
      adopted,
      [
        'candidate_answer',
        `Answer updated: The candidate will not take “${proposal.title}” forward`,
      ],
    ])
  })
})

describe('join requests', () => {
  it('a request tells the facilitators; approval and refusal tell the member', async () => {
    const cast = await createCast('request')
    const [asking, refused] = await Promise.all([
      createMember({ displayName: 'Asking Member' }),
      createMember(),
    ])
    const before = await seen(cast.facilitator, cast.otherFacilitator)
    for (const member of [asking, refused]) {
      expectOk(
        await member.client
          .from('group_members')
          .insert({ group_id: cast.group.id, user_id: member.id })
          .select('group_id, user_id, role, status, joined_at'),
      )
    }
    const toFacilitator = await told(cast.facilitator, before)
    expect(toFacilitator).toContainEqual([
      'join_request',
      `Asking Member asked to join ${cast.group.name}`,
    ])
    expect(toFacilitator).toHaveLength(2)
    expect(await told(cast.otherFacilitator, before)).toEqual([])
    expectOk(
      await cast.facilitator.client
        .from('group_members')
        .update({ status: 'active' })
        .eq('group_id', cast.group.id)
        .eq('user_id', asking.id)
        .select('group_id, user_id, role, status, joined_at'),
    )
    expectOk(
      await cast.facilitator.client
        .from('group_members')
        .delete()
        .eq('group_id', cast.group.id)
        .eq('user_id', refused.id)
        .select('group_id, user_id, role, status, joined_at'),
    )
    expect(await told(asking)).toEqual([
      ['join_approved', `Your request to join ${cast.group.name} was approved`],
    ])
    expect(await told(refused)).toEqual([
      ['join_declined', `Your request to join ${cast.group.name} was declined`],
    ])
  })

  it('withdrawing one’s own request or joining an open group tells nobody', async () => {
    const cast = await createCast('request')
    const member = await createMember()
    expectOk(
      await member.client
        .from('group_members')
        .insert({ group_id: cast.group.id, user_id: member.id })
        .select('group_id, user_id, role, status, joined_at'),
    )
    expectOk(
      await member.client
        .from('group_members')
        .delete()
        .eq('group_id', cast.group.id)
        .eq('user_id', member.id)
        .select('group_id, user_id, role, status, joined_at'),
    )
    expect(await told(member)).toEqual([])
    const open = await createCast('open')
    const before = await seen(open.facilitator)
    expectOk(
      await member.client
        .from('group_members')
        .insert({ group_id: open.group.id, user_id: member.id })
        .select('group_id, user_id, role, status, joined_at'),
    )
    expect(await told(open.facilitator, before)).toEqual([])
  })
})

describe('who reads and clears notifications', () => {
  async function notified() {
    const owner = await createMember()
    const { rows } = await sql().query(
      `insert into public.notifications (user_id, kind, group_id, body) values ($1, 'join_approved', $2, 'First'), ($1, 'join_declined', $2, 'Second') returning id`,
      [owner.id, world.group.id],
    )
    return { owner, ids: rows.map((r) => r.id as string) }
  }

  it('only their owner reads them', async () => {
    const { owner, ids } = await notified()
    expect(
      expectOk(await owner.client.from('notifications').select('id').in('id', ids)),
    ).toHaveLength(2)
    for (const client of [
      world.member.client,
      world.facilitator.client,
      world.admin.client,
      world.candidate.client,
    ]) {
      expect(expectOk(await client.from('notifications').select('id').in('id', ids))).toEqual([])
    }
    expectRefused(await anonClient().from('notifications').select('id').in('id', ids))
  })

  it('their owner marks them read, one or all, and changes nothing else', async () => {
    const { owner, ids } = await notified()
    const [one] = expectOk(
      await owner.client
        .from('notifications')
        .update({ read_at: new Date().toISOString() })
        .eq('id', ids[0])
        .select('read_at'),
    )
    expect(one.read_at).not.toBeNull()
    for (const change of [
      { body: 'Rewritten' },
      { user_id: world.member.id },
      { kind: 'candidate_answer' },
      { created_at: new Date().toISOString() },
    ]) {
      expectRefused(
        await owner.client
          .from('notifications')
          .update(change as never)
          .eq('id', ids[1]),
      )
    }
    expectNoRows(
      await world.member.client
        .from('notifications')
        .update({ read_at: new Date().toISOString() })
        .eq('id', ids[1])
        .select('id, read_at'),
    )
    const others = await notified()
    expect(expectOk(await owner.client.rpc('mark_all_notifications_read'))).toBe(1)
    expect(expectOk(await owner.client.rpc('mark_all_notifications_read'))).toBe(0)
    const { rows } = await sql().query(
      'select count(*)::int as n from public.notifications where id = any($1) and read_at is null',
      [others.ids],
    )
    expect(rows[0].n).toBe(2)
    expectRefused(await anonClient().rpc('mark_all_notifications_read'))
  })

  it('their owner deletes them; nobody else does, and nobody writes one', async () => {
    const { owner, ids } = await notified()
    expectNoRows(
      await world.admin.client
        .from('notifications')
        .delete()
        .eq('id', ids[0])
        .select('id, read_at'),
    )
    expectRefused(await anonClient().from('notifications').delete().eq('id', ids[0]))
    expect(
      expectOk(await owner.client.from('notifications').delete().eq('id', ids[0]).select('id')),
    ).toHaveLength(1)
    for (const client of [owner.client, world.admin.client, serviceClient()]) {
      expectRefused(
        await client
          .from('notifications')
          .insert({ user_id: owner.id, kind: 'join_approved', body: 'Forged' } as never),
      )
    }
    expectRefused(
      await serviceClient()
        .from('notifications')
        .update({ body: 'x' } as never)
        .eq('id', ids[1]),
    )
  })

  it('the unread count is served by an index', async () => {
    const { rows } = await sql().query(
      `select indexdef from pg_indexes where tablename = 'notifications' and indexname = 'notifications_user_unread_idx'`,
    )
    expect(rows[0].indexdef).toMatch(/\(user_id\) WHERE \(read_at IS NULL\)/)
  })
})
