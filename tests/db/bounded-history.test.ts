// Bounded history (issue 11, item 5): rapid saves of a published proposal by one editor fold
// into one revision; another editor, or a save more than ten minutes after the revision
// began, starts a new one; nobody writes revisions through the API.
import { beforeAll, describe, expect, it } from 'vitest'
import { expectOk, expectRefused } from '../support/expect'
import { createCast, type Cast } from '../support/groups'
import { createProposal, documentOf, type TestProposal } from '../support/proposals'
import { sql } from '../support/sql'

let cast: Cast

beforeAll(async () => {
  cast = await createCast('open')
})

async function revisions(proposalId: string) {
  const { data } = await cast.member.client
    .from('proposal_revisions')
    .select('version, editor_id, title')
    .eq('proposal_id', proposalId)
    .order('version')
  return data ?? []
}

async function save(client: Cast['member']['client'], proposal: TestProposal, text: string) {
  return expectOk(
    await client
      .from('proposals')
      .update({ body: documentOf(text), change_note: 'A test edit.' })
      .eq('id', proposal.id)
      .select('version'),
  )
}

describe('bounded history', () => {
  it('60 rapid saves by the same editor add one revision, holding the last text', async () => {
    const proposal = await createProposal(cast.member, cast.group, { publish: true })
    for (let i = 1; i <= 60; i++) await save(cast.member.client, proposal, `Save number ${i}`)
    const rows = await revisions(proposal.id)
    expect(rows).toHaveLength(2)
    expect(rows.map((r) => r.version)).toEqual([1, 61])
    const { data } = await cast.member.client
      .from('proposal_revisions')
      .select('body')
      .eq('proposal_id', proposal.id)
      .eq('version', 61)
      .single()
    expect(JSON.stringify(data?.body)).toContain('Save number 60')
  })

  it('keeps the published text: the first save after publishing adds a revision', async () => {
    const proposal = await createProposal(cast.member, cast.group, {
      publish: true,
      body: 'As first published.',
    })
    await save(cast.member.client, proposal, 'Edited soon after.')
    const { data } = await cast.member.client
      .from('proposal_revisions')
      .select('version, body')
      .eq('proposal_id', proposal.id)
      .order('version')
    expect(data).toHaveLength(2)
    expect(JSON.stringify(data?.[0].body)).toContain('As first published.')
  })

  it('a different editor starts a new revision', async () => {
    const proposal = await createProposal(cast.member, cast.group, { publish: true })
    await save(cast.member.client, proposal, 'Author save')
    await save(cast.member.client, proposal, 'Author save again')
    await save(cast.facilitator.client, proposal, 'Facilitator tidy-up')
    await save(cast.facilitator.client, proposal, 'Facilitator tidy-up again')
    await save(cast.member.client, proposal, 'Author back')
    const rows = await revisions(proposal.id)
    expect(rows.map((r) => r.editor_id)).toEqual([
      cast.member.id,
      cast.member.id,
      cast.facilitator.id,
      cast.member.id,
    ])
  })

  it('a save more than ten minutes after the revision began starts a new one', async () => {
    const proposal = await createProposal(cast.member, cast.group, { publish: true })
    await save(cast.member.client, proposal, 'First session')
    await save(cast.member.client, proposal, 'First session, later')
    await sql().query(
      `update public.proposal_revisions set created_at = now() - interval '11 minutes'
        where proposal_id = $1 and version = (select max(version) from public.proposal_revisions where proposal_id = $1)`,
      [proposal.id],
    )
    await save(cast.member.client, proposal, 'Second session')
    await save(cast.member.client, proposal, 'Second session, later')
    const rows = await revisions(proposal.id)
    expect(rows.map((r) => r.version)).toEqual([1, 3, 5])
  })

  it.each(['member', 'facilitator', 'admin'] as const)(
    '%s cannot forge, rewrite or delete revision rows',
    async (actor) => {
      const proposal = await createProposal(cast.member, cast.group, { publish: true })
      await save(cast.member.client, proposal, 'Honest text')
      const client = cast[actor].client
      expectRefused(
        await client.from('proposal_revisions').insert({
          proposal_id: proposal.id,
          version: 99,
          editor_id: cast.candidate.id,
          title: 'Forged',
          summary: '',
          body: documentOf('Forged'),
        } as never),
      )
      expectRefused(
        await client
          .from('proposal_revisions')
          .update({ title: 'Rewritten', created_at: '2020-01-01T00:00:00Z' } as never)
          .eq('proposal_id', proposal.id),
      )
      expectRefused(await client.from('proposal_revisions').delete().eq('proposal_id', proposal.id))
      const rows = await revisions(proposal.id)
      expect(rows).toHaveLength(2)
      expect(rows.map((r) => r.title)).toEqual([proposal.title, proposal.title])
    },
  )
})
