// Co-authors by consent: adding a co-author invites them. Until they accept, they cannot
// edit, are not listed and hear nothing meant for authors; only the inviter and the invitee
// see the invitation. Accepting makes them a co-author; declining removes the invitation.
import { beforeAll, describe, expect, it } from 'vitest'
import { anonClient, type Client } from '../support/clients'
import { expectNoRows, expectOk, expectRefused } from '../support/expect'
import { addMembership, createCast, type Cast } from '../support/groups'
import { notificationsOf } from '../support/lifecycle'
import { createMember, type Member } from '../support/members'
import {
  acceptInvitation,
  createProposal,
  inviteCoauthor,
  type TestProposal,
} from '../support/proposals'
import { sql } from '../support/sql'

let cast: Cast
let invitee: Member
beforeAll(async () => {
  cast = await createCast('open')
  invitee = await createMember({ displayName: 'Invited Member' })
  await addMembership(cast.group, invitee)
})

/** A proposal by cast.member with `invitee` invited (not yet accepted). */
async function invited(publish: boolean) {
  const proposal = await createProposal(cast.member, cast.group, { publish })
  await inviteCoauthor(proposal, cast.member, invitee)
  return proposal
}

async function authorsSeenBy(client: Client, proposal: TestProposal) {
  const { data, error } = await client
    .from('proposal_authors')
    .select('user_id')
    .eq('proposal_id', proposal.id)
  expect(error).toBeNull()
  return data!.map((r) => r.user_id).sort()
}

function edit(client: Client, proposal: TestProposal, title: string) {
  return client
    .from('proposals')
    .update({ title, change_note: 'A test edit.' })
    .eq('id', proposal.id)
    .select('id')
}

async function kindsOf(member: Member, proposal: TestProposal) {
  return (await notificationsOf(member))
    .filter((n) => n.proposal_id === proposal.id)
    .map((n) => n.kind)
}

describe('an invitation', () => {
  it('tells the invitee, who may read the draft but not edit or publish it', async () => {
    const proposal = await invited(false)
    expect(await notificationsOf(invitee)).toContainEqual(
      expect.objectContaining({
        kind: 'coauthor_invitation',
        proposal_id: proposal.id,
        actor_id: cast.member.id,
        body: `Active Member invited you to co-author “${proposal.title}”. Accept or decline on the proposal's page.`,
      }),
    )
    const { data } = await invitee.client.from('proposals').select('id').eq('id', proposal.id)
    expect(data).toHaveLength(1)
    expectNoRows(await edit(invitee.client, proposal, 'Taken over by the invitee'))
    expectRefused(await invitee.client.rpc('publish_proposal', { proposal_id: proposal.id }))
  })

  it('is not listed: only the inviter and the invitee see it', async () => {
    const proposal = await invited(true)
    expect(await authorsSeenBy(cast.member.client, proposal)).toEqual(
      [cast.member.id, invitee.id].sort(),
    )
    expect(await authorsSeenBy(invitee.client, proposal)).toEqual(
      [cast.member.id, invitee.id].sort(),
    )
    for (const client of [
      anonClient(),
      cast.nonMember.client,
      cast.facilitator.client,
      cast.admin.client,
    ]) {
      expect(await authorsSeenBy(client, proposal)).toEqual([cast.member.id])
    }
  })

  it('gives no author notifications while it is pending', async () => {
    const proposal = await invited(true)
    expectOk(
      await cast.facilitator.client
        .from('comments')
        .insert({ proposal_id: proposal.id, body: 'A comment for the authors.' }),
    )
    expectOk(
      await cast.facilitator.client.rpc('transition_proposal', {
        proposal_id: proposal.id,
        action: 'shortlist',
      }),
    )
    expect(await kindsOf(invitee, proposal)).toEqual(['coauthor_invitation'])
    expect(await kindsOf(cast.member, proposal)).toEqual(['comment_on_proposal', 'proposal_status'])
  })

  it('cannot be accepted by anyone but the invitee, nor forged as accepted', async () => {
    const proposal = await invited(true)
    for (const client of [cast.member.client, cast.facilitator.client, cast.admin.client]) {
      expectNoRows(
        await client
          .from('proposal_authors')
          .update({ accepted_at: new Date().toISOString() })
          .eq('proposal_id', proposal.id)
          .eq('user_id', invitee.id)
          .select(),
      )
    }
    const newcomer = await createMember()
    await addMembership(cast.group, newcomer)
    expectRefused(
      await cast.member.client.from('proposal_authors').insert({
        proposal_id: proposal.id,
        user_id: newcomer.id,
        accepted_at: new Date().toISOString(),
      } as never),
    )
    expectNoRows(await edit(invitee.client, proposal, 'Still not theirs'))
  })
})

describe('accepting', () => {
  it('makes the invitee a listed co-author who edits and hears author news', async () => {
    const proposal = await invited(true)
    const [row] = expectOk(await acceptInvitation(proposal.id, invitee))
    expect(row.accepted_at).not.toBeNull()
    expect(await authorsSeenBy(anonClient(), proposal)).toEqual([cast.member.id, invitee.id].sort())
    expect(expectOk(await edit(invitee.client, proposal, 'Better, together'))).toHaveLength(1)
    expectOk(
      await cast.facilitator.client
        .from('comments')
        .insert({ proposal_id: proposal.id, body: 'Now you both hear this.' }),
    )
    expect(await kindsOf(invitee, proposal)).toEqual(['coauthor_invitation', 'comment_on_proposal'])
  })

  it('happens once, cannot be undone by an update, and lapses with the proposal', async () => {
    const proposal = await invited(true)
    expectOk(await acceptInvitation(proposal.id, invitee))
    expectNoRows(await acceptInvitation(proposal.id, invitee))
    const undo = await invitee.client
      .from('proposal_authors')
      .update({ accepted_at: null })
      .eq('proposal_id', proposal.id)
      .eq('user_id', invitee.id)
    expect(undo.error).toBeNull()
    const { rows } = await sql().query(
      'select accepted_at from public.proposal_authors where proposal_id = $1 and user_id = $2',
      [proposal.id, invitee.id],
    )
    expect(rows[0].accepted_at).not.toBeNull()

    const lapsed = await invited(true)
    await sql().query(
      `update public.proposals set status = 'archived', status_reason = 'Done.' where id = $1`,
      [lapsed.id],
    )
    const late = await acceptInvitation(lapsed.id, invitee)
    expectRefused(late, 'P0001')
    expect(late.error?.message).toBe(
      'This proposal can no longer be edited, so the invitation has lapsed.',
    )
  })
})

describe('declining', () => {
  it('removes the invitation: nothing to accept, nothing listed, nothing to edit', async () => {
    const proposal = await invited(false)
    expect(
      expectOk(
        await invitee.client
          .from('proposal_authors')
          .delete()
          .eq('proposal_id', proposal.id)
          .eq('user_id', invitee.id)
          .select(),
      ),
    ).toHaveLength(1)
    expect(await authorsSeenBy(cast.member.client, proposal)).toEqual([cast.member.id])
    expectNoRows(await acceptInvitation(proposal.id, invitee))
    const { data } = await invitee.client.from('proposals').select('id').eq('id', proposal.id)
    expect(data).toEqual([])
  })
})
