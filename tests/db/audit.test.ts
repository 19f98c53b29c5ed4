// The audit log: an entry for every facilitator, candidate and admin action, with who, what,
// from which state to which and why; readable by admins and by the group's facilitators;
// never written, changed or removed by anyone through the API, nor changed by the owner.
import { beforeAll, describe, expect, it } from 'vitest'
import { anonClient, serviceClient } from '../support/clients'
import { expectOk, expectRefused } from '../support/expect'
import { addMembership, createCast } from '../support/groups'
import {
  arrangeProposal,
  as,
  auditOf,
  createWorld,
  type World,
  type WorldActor,
} from '../support/lifecycle'
import { createMember } from '../support/members'
import { arrangeComment, createFlaggers, flag } from '../support/moderation'
import { documentOf, publishableTail } from '../support/proposals'
import { sql } from '../support/sql'

let world: World
beforeAll(async () => {
  world = await createWorld('request')
})

describe('entries for curation and answers', () => {
  it('records each transition with its actor, states and reason', async () => {
    const [a, b] = await Promise.all([
      arrangeProposal(world, 'open'),
      arrangeProposal(world, 'open'),
    ])
    const f = world.facilitator.client
    expectOk(
      await f.rpc('transition_proposal', {
        proposal_id: a.id,
        action: 'shortlist',
        reason: 'Strong support.',
      }),
    )
    expectOk(await f.rpc('transition_proposal', { proposal_id: a.id, action: 'reopen' }))
    expectOk(await f.rpc('transition_proposal', { proposal_id: a.id, action: 'shortlist' }))
    expectOk(await f.rpc('forward_shortlist', { group_id: world.group.id }))
    expectOk(
      await world.candidate.client.rpc('answer_proposal', {
        proposal_id: a.id,
        decision: 'considering',
        explanation: 'Costing it.',
      }),
    )
    expectOk(
      await world.candidate.client.rpc('answer_proposal', {
        proposal_id: a.id,
        decision: 'adopted',
        explanation: 'Costed: yes.',
      }),
    )
    expectOk(
      await world.admin.client.rpc('transition_proposal', {
        proposal_id: b.id,
        action: 'archive',
        reason: 'Out of scope.',
      }),
    )
    const entries = (await auditOf({ proposalId: a.id })).map((e) => [
      e.action,
      e.actor_id,
      e.from_status,
      e.to_status,
      e.reason,
    ])
    expect(entries).toEqual([
      ['proposal.shortlist', world.facilitator.id, 'open', 'shortlisted', 'Strong support.'],
      ['proposal.reopen', world.facilitator.id, 'shortlisted', 'open', null],
      ['proposal.shortlist', world.facilitator.id, 'open', 'shortlisted', null],
      ['proposal.forward', world.facilitator.id, 'shortlisted', 'forwarded', null],
      ['proposal.answer', world.candidate.id, 'forwarded', 'considering', 'Costing it.'],
      ['proposal.revise_answer', world.candidate.id, 'considering', 'adopted', 'Costed: yes.'],
    ])
    expect(await auditOf({ proposalId: b.id })).toMatchObject([
      {
        action: 'proposal.archive',
        actor_id: world.admin.id,
        group_id: world.group.id,
        target_user_id: world.author.id,
        from_status: 'open',
        to_status: 'archived',
        reason: 'Out of scope.',
      },
    ])
    const { rows } = await sql().query(
      'select actor_name from public.audit_log where proposal_id = $1 order by id limit 1',
      [a.id],
    )
    expect(rows[0].actor_name).toBe('Fern Lead')
  })

  it('records merges, pins and the group summary; not the author’s own publishing', async () => {
    const [duplicate, original, draft] = await Promise.all([
      arrangeProposal(world, 'open'),
      arrangeProposal(world, 'open'),
      arrangeProposal(world, 'draft'),
    ])
    expectOk(await world.author.client.rpc('publish_proposal', { proposal_id: draft.id }))
    expect(await auditOf({ proposalId: draft.id })).toEqual([])
    expectOk(
      await world.facilitator.client.rpc('transition_proposal', {
        proposal_id: duplicate.id,
        action: 'merge',
        merge_target: original.id,
      }),
    )
    expectOk(
      await world.facilitator.client.rpc('set_proposal_pinned', {
        proposal_id: original.id,
        pinned: true,
      }),
    )
    expectOk(
      await world.facilitator.client.rpc('set_proposal_pinned', {
        proposal_id: original.id,
        pinned: true,
      }),
    )
    expectOk(
      await world.facilitator.client.rpc('set_proposal_pinned', {
        proposal_id: original.id,
        pinned: false,
      }),
    )
    expect(await auditOf({ proposalId: duplicate.id })).toMatchObject([
      { action: 'proposal.merge', to_status: 'merged', details: { merged_into: original.id } },
    ])
    expect((await auditOf({ proposalId: original.id })).map((e) => e.action)).toEqual([
      'proposal.pin',
      'proposal.unpin',
    ])
    expectOk(
      await world.facilitator.client.rpc('update_group_note', {
        group_id: world.group.id,
        note: 'Two proposals shortlisted.',
      }),
    )
    expect(
      (await auditOf({ groupId: world.group.id }))
        .filter((e) => e.action === 'group.update_note')
        .at(-1),
    ).toMatchObject({
      actor_id: world.facilitator.id,
      details: { to: 'Two proposals shortlisted.' },
    })
  })

  it('records a facilitator’s edit of someone else’s proposal, not the authors’ own edits', async () => {
    const { data } = await world.author.client
      .from('proposals')
      .insert({
        group_id: world.group.id,
        title: 'Edited by others',
        summary: 'A short summary of the proposal.',
        body: documentOf('First.', publishableTail),
      })
      .select('id')
      .single()
    expectOk(await world.author.client.rpc('publish_proposal', { proposal_id: data!.id }))
    expectOk(
      await world.author.client
        .from('proposals')
        .update({ title: 'Edited by its author', change_note: 'A test edit.' })
        .eq('id', data!.id)
        .select('id'),
    )
    expectOk(
      await world.facilitator.client
        .from('proposals')
        .update({ summary: 'Tidied by a facilitator.', change_note: 'A test edit.' })
        .eq('id', data!.id)
        .select('id'),
    )
    expect(await auditOf({ proposalId: data!.id })).toMatchObject([
      {
        action: 'proposal.edit',
        actor_id: world.facilitator.id,
        target_user_id: world.author.id,
        details: { from_version: 2, to_version: 3 },
      },
    ])
  })

  it('records hides, dismissals, automatic hides and un-hides', async () => {
    const proposal = await arrangeProposal(world, 'open')
    const [c1, c2] = await Promise.all([
      arrangeComment(proposal.id, world.member),
      arrangeComment(proposal.id, world.member),
    ])
    const reporters = await createFlaggers(3, { standingIn: world.group })
    const first = expectOk(await flag(reporters[0].client, { comment_id: c1.id }))!
    expectOk(
      await world.facilitator.client.rpc('resolve_flag', {
        flag_id: first.id,
        decision: 'hide',
        public_reason: 'Abuse.',
      }),
    )
    expectOk(
      await world.facilitator.client.rpc('unhide_content', {
        comment_id: c1.id,
        note: 'Misread it.',
      }),
    )
    for (const r of reporters) expectOk(await flag(r.client, { comment_id: c2.id }))
    expect(
      (await auditOf({ commentId: c1.id })).map((e) => [
        e.action,
        e.actor_id,
        e.reason,
        e.target_user_id,
      ]),
    ).toEqual([
      ['comment.hide', world.facilitator.id, 'Abuse.', world.member.id],
      ['comment.unhide', world.facilitator.id, 'Misread it.', world.member.id],
    ])
    expect(await auditOf({ commentId: c2.id })).toMatchObject([
      { action: 'comment.hide', actor_id: null, details: { automatic: true } },
    ])
  })
})

describe('entries for memberships, roles and groups', () => {
  it('records approvals, refusals, removals and role changes, not members joining or leaving', async () => {
    const cast = await createCast('request')
    const [approved, declined, removed, leaver] = await Promise.all([
      createMember(),
      createMember(),
      createMember(),
      createMember(),
    ])
    for (const m of [approved, declined, removed, leaver])
      expectOk(
        await m.client
          .from('group_members')
          .insert({ group_id: cast.group.id, user_id: m.id })
          .select('group_id, user_id, role, status, joined_at'),
      )
    const f = cast.facilitator.client
    for (const m of [approved, removed, leaver]) {
      expectOk(
        await f
          .from('group_members')
          .update({ status: 'active' })
          .eq('group_id', cast.group.id)
          .eq('user_id', m.id)
          .select('group_id, user_id, role, status, joined_at'),
      )
    }
    expectOk(
      await f
        .from('group_members')
        .delete()
        .eq('group_id', cast.group.id)
        .eq('user_id', declined.id)
        .select('group_id, user_id, role, status, joined_at'),
    )
    expectOk(
      await f
        .from('group_members')
        .delete()
        .eq('group_id', cast.group.id)
        .eq('user_id', removed.id)
        .select('group_id, user_id, role, status, joined_at'),
    )
    expectOk(
      await leaver.client
        .from('group_members')
        .delete()
        .eq('group_id', cast.group.id)
        .eq('user_id', leaver.id)
        .select('group_id, user_id, role, status, joined_at'),
    )
    expectOk(
      await cast.admin.client
        .from('group_members')
        .update({ role: 'facilitator' })
        .eq('group_id', cast.group.id)
        .eq('user_id', approved.id)
        .select('group_id, user_id, role, status, joined_at'),
    )
    expectOk(
      await cast.admin.client
        .from('group_members')
        .update({ role: 'member' })
        .eq('group_id', cast.group.id)
        .eq('user_id', approved.id)
        .select('group_id, user_id, role, status, joined_at'),
    )
    const entries = (await auditOf({ groupId: cast.group.id })).filter((e) => e.actor_id !== null)
    expect(
      entries.map((e) => [e.action, e.actor_id, e.target_user_id, e.from_status, e.to_status]),
    ).toEqual([
      ['membership.approve', cast.facilitator.id, approved.id, 'pending', 'active'],
      ['membership.approve', cast.facilitator.id, removed.id, 'pending', 'active'],
      ['membership.approve', cast.facilitator.id, leaver.id, 'pending', 'active'],
      ['membership.decline', cast.facilitator.id, declined.id, 'pending', null],
      ['membership.remove', cast.facilitator.id, removed.id, 'active', null],
      ['membership.appoint_facilitator', cast.admin.id, approved.id, 'member', 'facilitator'],
      ['membership.remove_facilitator', cast.admin.id, approved.id, 'facilitator', 'member'],
    ])
  })

  it('records an admin appointing themself and a facilitator stepping down', async () => {
    const cast = await createCast('open')
    expectOk(
      await cast.admin.client
        .from('group_members')
        .insert({ group_id: cast.group.id, user_id: cast.admin.id, role: 'facilitator' })
        .select('group_id, user_id, role, status, joined_at'),
    )
    expectOk(
      await cast.facilitator.client
        .from('group_members')
        .delete()
        .eq('group_id', cast.group.id)
        .eq('user_id', cast.facilitator.id)
        .select('group_id, user_id, role, status, joined_at'),
    )
    const entries = (await auditOf({ groupId: cast.group.id })).filter((e) => e.actor_id !== null)
    expect(entries.map((e) => [e.action, e.actor_id, e.target_user_id])).toEqual([
      ['membership.appoint_facilitator', cast.admin.id, cast.admin.id],
      ['membership.remove', cast.facilitator.id, cast.facilitator.id],
    ])
    expect(entries[1].details).toEqual({ role: 'facilitator' })
  })

  it('records site roles granted and revoked, and groups created, edited, archived and restored', async () => {
    const cast = await createCast()
    const target = await createMember()
    expectOk(
      await cast.admin.client
        .from('site_roles')
        .insert({ user_id: target.id, role: 'candidate' })
        .select('user_id, role, granted_at'),
    )
    expectOk(
      await cast.admin.client
        .from('site_roles')
        .delete()
        .eq('user_id', target.id)
        .eq('role', 'candidate')
        .select('user_id, role, granted_at'),
    )
    expect(
      (await auditOf({ targetUserId: target.id })).map((e) => [
        e.action,
        e.actor_id,
        e.from_status,
        e.to_status,
      ]),
    ).toEqual([
      ['site_role.grant', cast.admin.id, null, 'candidate'],
      ['site_role.revoke', cast.admin.id, 'candidate', null],
    ])
    const slug = `audited-${crypto.randomUUID().slice(0, 8)}`
    const [group] = expectOk(
      await cast.admin.client
        .from('groups')
        .insert({ slug, name: 'Audited', summary: 'x', horizon: 'quick_win' })
        .select('id'),
    )
    expectOk(
      await cast.admin.client
        .from('groups')
        .update({ summary: 'A better summary.' })
        .eq('id', group.id)
        .select('id, slug, name, join_policy, archived_at'),
    )
    expectOk(
      await cast.admin.client
        .from('groups')
        .update({ archived_at: new Date().toISOString() })
        .eq('id', group.id)
        .select('id, slug, name, join_policy, archived_at'),
    )
    expectOk(
      await cast.admin.client
        .from('groups')
        .update({ archived_at: null })
        .eq('id', group.id)
        .select('id, slug, name, join_policy, archived_at'),
    )
    expectOk(
      await cast.admin.client
        .from('groups')
        .delete()
        .eq('id', group.id)
        .select('id, slug, name, join_policy, archived_at'),
    )
    const entries = await auditOf({ groupId: group.id })
    expect(entries.map((e) => e.action)).toEqual([
      'group.create',
      'group.edit',
      'group.archive',
      'group.restore',
      'group.delete',
    ])
    expect(entries[1].details).toEqual({ summary: { from: 'x', to: 'A better summary.' } })
    expect(new Set(entries.map((e) => e.actor_id))).toEqual(new Set([cast.admin.id]))
  })
})

describe('reading the log', () => {
  const readers: Array<[WorldActor, 'all' | 'group' | 'none']> = [
    ['nonMember', 'none'],
    ['member', 'none'],
    ['author', 'none'],
    ['facilitator', 'group'],
    ['otherFacilitator', 'none'],
    ['candidate', 'none'],
    ['admin', 'all'],
  ]

  it.each(readers)('%s reads %s of it', async (actor, expected) => {
    const proposal = await arrangeProposal(world, 'open')
    expectOk(
      await world.admin.client.rpc('set_proposal_pinned', {
        proposal_id: proposal.id,
        pinned: true,
      }),
    )
    const target = await createMember()
    await sql().query(`insert into public.site_roles (user_id, role) values ($1, 'candidate')`, [
      target.id,
    ])
    const client = as(world, actor)
    const groupRows = expectOk(
      await client.from('audit_log').select('action').eq('proposal_id', proposal.id),
    )
    const siteRows = expectOk(
      await client.from('audit_log').select('action').eq('target_user_id', target.id),
    )
    expect({ group: groupRows.length, site: siteRows.length }).toEqual({
      group: expected === 'none' ? 0 : 1,
      site: expected === 'all' ? 1 : 0,
    })
  })

  it('anon reads none of it', async () => {
    expectRefused(await anonClient().from('audit_log').select('id').limit(1))
  })
})

describe('the log is append-only', () => {
  let entryId: number
  beforeAll(async () => {
    const proposal = await arrangeProposal(world, 'open')
    expectOk(
      await world.facilitator.client.rpc('set_proposal_pinned', {
        proposal_id: proposal.id,
        pinned: true,
      }),
    )
    const { rows } = await sql().query('select id from public.audit_log where proposal_id = $1', [
      proposal.id,
    ])
    entryId = rows[0].id
  })

  it.each(['anon', 'member', 'facilitator', 'candidate', 'admin', 'service role'] as const)(
    '%s can neither write, change nor remove an entry',
    async (actor) => {
      const client = actor === 'service role' ? serviceClient() : as(world, actor)
      expectRefused(
        await client
          .from('audit_log')
          .insert({ action: 'proposal.forged', group_id: world.group.id } as never),
      )
      expectRefused(
        await client
          .from('audit_log')
          .update({ reason: 'Rewritten' } as never)
          .eq('id', entryId),
      )
      expectRefused(await client.from('audit_log').delete().eq('id', entryId))
      const { rows } = await sql().query('select reason from public.audit_log where id = $1', [
        entryId,
      ])
      expect(rows).toEqual([{ reason: null }])
    },
  )

  it('the database owner cannot change, remove or truncate it either, outside a declared maintenance', async () => {
    for (const statement of [
      `update public.audit_log set reason = 'Rewritten' where id = ${entryId}`,
      `delete from public.audit_log where id = ${entryId}`,
      'truncate public.audit_log',
    ]) {
      await expect(sql().query(statement)).rejects.toThrow(
        'The audit log is append-only: its entries cannot be changed or removed.',
      )
    }
    const client = await sql().connect()
    try {
      await client.query('begin')
      await client.query(`set local policy_forum.audit_log_maintenance = 'on'`)
      const { rowCount } = await client.query(
        `update public.audit_log set reason = 'Corrected' where id = $1`,
        [entryId],
      )
      expect(rowCount).toBe(1)
    } finally {
      await client.query('rollback')
      client.release()
    }
  })

  it('outlives what it describes: no foreign keys', async () => {
    const cast = await createCast()
    const member = await createMember()
    await addMembership(cast.group, member, { status: 'pending' })
    expectOk(
      await cast.facilitator.client
        .from('group_members')
        .update({ status: 'active' })
        .eq('group_id', cast.group.id)
        .eq('user_id', member.id)
        .select('group_id, user_id, role, status, joined_at'),
    )
    await sql().query('delete from public.groups where id = $1', [cast.group.id])
    await sql().query('delete from auth.users where id = $1', [cast.facilitator.id])
    expect(await auditOf({ groupId: cast.group.id })).toContainEqual(
      expect.objectContaining({ action: 'membership.approve', actor_id: cast.facilitator.id }),
    )
    const { rows } = await sql().query(
      `select count(*)::int as n from pg_constraint where conrelid = 'public.audit_log'::regclass and contype = 'f'`,
    )
    expect(rows[0].n).toBe(0)
  })
})
