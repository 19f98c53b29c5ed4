// Acts the public sees, or that cannot be quietly undone, take a second step that says what
// will happen: forwarding (with a cover note for the candidate), archiving, merging, hiding,
// leaving a group. Without confirmation nothing changes; too long a text is refused and kept.
import { describe, expect, it } from 'vitest'
import { signedIn } from '../support/app'
import { readPage } from '../support/page'
import { addMembership, createGroup } from '../support/groups'
import { createMember } from '../support/members'
import { createProposal, proposalRow } from '../support/proposals'
import { createWorld } from '../support/lifecycle'
import { sql } from '../support/sql'

async function world() {
  const group = await createGroup()
  const facilitator = await createMember({ displayName: 'Fay Lead' })
  const author = await createMember({ displayName: 'Abe Author' })
  await addMembership(group, facilitator, { role: 'facilitator' })
  await addMembership(group, author)
  return {
    group,
    author,
    desk: await signedIn(facilitator),
    console: `/groups/${group.slug}/console`,
  }
}

describe('the console’s second step', () => {
  it('forwarding the shortlist says what goes, changes nothing until confirmed, and takes a cover note to the candidate', async () => {
    const { group, author, desk, console } = await world()
    const proposal = await createProposal(author, group, { publish: true, title: 'Night buses' })
    await desk.post(console, { intent: 'shortlist', proposalId: proposal.id })
    const step = await readPage(await desk.post(console, { intent: 'forward-shortlist' }))
    expect(step.status).toBe(200)
    expect(step.headings(2)).toContain('Forward the shortlist to the candidate?')
    expect(step.text).toContain(
      '1 proposal goes to the candidate for a public answer: “Night buses”.',
    )
    expect(step.text).toContain('The candidate sees your cover note beside each of them')
    expect(step.link('Cancel: go back without doing it').href).toBe(console)
    expect((await proposalRow(proposal.id)).status).toBe('shortlisted')

    const long = 'n'.repeat(2001)
    const tooLong = await readPage(
      await desk.post(console, { intent: 'forward-shortlist', confirmed: 'yes', coverNote: long }),
    )
    expect(tooLong.status).toBe(400)
    const field = tooLong.field('Cover note to the candidate (optional)')
    expect(field.value).toBe(long)
    expect(field.invalid).toBe(true)
    expect(field.description).toContain('Keep the cover note to 2,000 characters: it has 2,001.')
    expect((await proposalRow(proposal.id)).status).toBe('shortlisted')

    const forwarded = await desk.post(console, {
      intent: 'forward-shortlist',
      confirmed: 'yes',
      coverNote: 'It came up at every meeting.',
    })
    expect(forwarded.status).toBe(302)
    expect((await proposalRow(proposal.id)).status).toBe('forwarded')
    const { rows } = await sql().query(
      `select f.cover_note from public.forwarded_proposals p
         join public.shortlist_forwardings f on f.id = p.forwarding_id where p.proposal_id = $1`,
      [proposal.id],
    )
    expect(rows).toEqual([{ cover_note: 'It came up at every meeting.' }])
  })

  it('shows the candidate the cover note in the review', async () => {
    const cast = await createWorld()
    const proposal = await createProposal(cast.member, cast.group, {
      publish: true,
      title: 'Step-free stations',
    })
    await sql().query(`update public.proposals set status = 'shortlisted' where id = $1`, [
      proposal.id,
    ])
    const desk = await signedIn(cast.facilitator)
    await desk.post(`/groups/${cast.group.slug}/console`, {
      intent: 'forward-shortlist',
      confirmed: 'yes',
      coverNote: 'The disabled members’ forum asked for this first.',
    })
    const review = await readPage(
      await (await signedIn(cast.candidate)).get(`/review?group=${cast.group.slug}`),
    )
    expect(review.text).toContain('by Fern Lead')
    expect(review.text).toContain('with this note from the facilitators:')
    expect(review.text).toContain('The disabled members’ forum asked for this first.')
  })

  it('archiving keeps the reason through the step and refuses one too long, keeping it', async () => {
    const { group, author, desk, console } = await world()
    const proposal = await createProposal(author, group, { publish: true, title: 'Old idea' })
    const step = await readPage(
      await desk.post(console, {
        intent: 'archive',
        proposalId: proposal.id,
        reason: 'Done already.',
      }),
    )
    expect(step.headings(2)).toContain('Archive “Old idea”?')
    expect(step.text).toContain('Your reason is shown on the proposal, in public')
    expect(step.field('Public reason for archiving').value).toBe('Done already.')
    expect(step.buttons().map((b) => b.name)).toContain('Archive it')
    expect((await proposalRow(proposal.id)).status).toBe('open')

    const long = 'r'.repeat(2001)
    const refused = await readPage(
      await desk.post(console, { intent: 'archive', proposalId: proposal.id, reason: long }),
    )
    expect(refused.status).toBe(400)
    expect(refused.field('Public reason for archiving').value).toBe(long)
    expect(refused.field('Public reason for archiving').description).toContain(
      'Keep the reason to 2,000 characters',
    )
    await desk.post(console, {
      intent: 'archive',
      proposalId: proposal.id,
      reason: 'Done already.',
      confirmed: 'yes',
    })
    expect((await proposalRow(proposal.id)).status).toBe('archived')
  })

  it('hiding names what it hides and changes nothing until confirmed', async () => {
    const { group, author, desk, console } = await world()
    const proposal = await createProposal(author, group, { publish: true, title: 'Reported one' })
    const reporter = await createMember()
    await addMembership(group, reporter)
    await reporter.client.rpc('flag_content', { reason: 'Spam', proposal_id: proposal.id })
    const { rows } = await sql().query('select id from public.flags where proposal_id = $1', [
      proposal.id,
    ])
    const step = await readPage(
      await desk.post(console, { intent: 'hide', flagId: rows[0].id, reason: 'Advertising' }),
    )
    expect(step.headings(2)).toContain('Hide “Reported one”?')
    expect(step.text).toContain('Every open flag on it is closed as upheld.')
    expect(step.field('Public reason for hiding').value).toBe('Advertising')
    expect((await proposalRow(proposal.id)).hidden_at).toBeNull()
  })

  it('refuses a group summary over 1,000 characters, keeping it in the box', async () => {
    const { desk, console } = await world()
    const long = 's'.repeat(1001)
    const refused = await readPage(await desk.post(console, { intent: 'note', note: long }))
    expect(refused.status).toBe(400)
    const box = refused.field('Group summary')
    expect(box.value).toBe(long)
    expect(box.description).toContain('Keep the summary to 1,000 characters: it has 1,001.')
  })
})

describe('leaving a group', () => {
  it('says what leaving does before it happens', async () => {
    const group = await createGroup({ joinPolicy: 'request' })
    const member = await createMember()
    await addMembership(group, member)
    const visitor = await signedIn(member)
    const groupPage = await readPage(await visitor.get(`/groups/${group.slug}`))
    expect(groupPage.link('Leave group…').href).toBe(`/groups/${group.slug}/leave`)
    const step = await readPage(await visitor.get(`/groups/${group.slug}/leave`))
    expect(step.headings(2)).toContain(`Leave ${group.name}?`)
    expect(step.text).toContain('What you wrote there stays, with your name')
    expect(step.text).toContain('To come back, you ask again and wait for a facilitator')
    const { rowCount } = await sql().query(
      'select 1 from public.group_members where group_id = $1 and user_id = $2',
      [group.id, member.id],
    )
    expect(rowCount).toBe(1)
    const left = await visitor.post(`/groups/${group.slug}`, {
      intent: 'leave',
      redirectTo: `/groups/${group.slug}`,
      confirmed: 'yes',
    })
    expect(left.status).toBe(302)
    const after = await sql().query(
      'select 1 from public.group_members where group_id = $1 and user_id = $2',
      [group.id, member.id],
    )
    expect(after.rowCount).toBe(0)
  })
})
