// The facilitator console, reporting and notifications through the Remix request handler.
import { describe, expect, it } from 'vitest'
import { signedIn, Visitor } from '../support/app'
import { pageText, readPage } from '../support/page'
import { addMembership, createGroup, giveStanding, type TestGroup } from '../support/groups'
import { createAdmin, createMember } from '../support/members'
import { createProposal, proposalRow } from '../support/proposals'
import { sql } from '../support/sql'

async function world() {
  const group = await createGroup()
  const facilitator = await createMember({ displayName: 'Fay Lead' })
  const author = await createMember({ displayName: 'Abe Author' })
  await addMembership(group, facilitator, { role: 'facilitator' })
  await addMembership(group, author)
  return {
    group,
    facilitator,
    author,
    desk: await signedIn(facilitator),
    console: `/groups/${group.slug}/console`,
  }
}

async function member(group: TestGroup, displayName?: string) {
  const m = await createMember({ displayName })
  await addMembership(group, m)
  return { member: m, visitor: await signedIn(m) }
}

describe('the facilitator console', () => {
  it('is for the group’s facilitators and admins only', async () => {
    const { group, author } = await world()
    expect((await (await signedIn(author)).get(`/groups/${group.slug}/console`)).status).toBe(403)
    expect((await new Visitor().get(`/groups/${group.slug}/console`)).status).toBe(302)
    const forged = await (
      await signedIn(author)
    ).post(`/groups/${group.slug}/console`, { intent: 'note', note: 'Taken over' })
    expect(forged.status).toBe(403)
  })

  it('shortlists, forwards the shortlist, pins and archives with a reason', async () => {
    const { group, author, desk, console } = await world()
    const a = await createProposal(author, group, { publish: true, title: 'First to shortlist' })
    const b = await createProposal(author, group, { publish: true, title: 'To be archived' })
    await desk.post(console, { intent: 'shortlist', proposalId: a.id })
    expect((await proposalRow(a.id)).status).toBe('shortlisted')
    await desk.post(console, { intent: 'pin', proposalId: a.id })
    expect((await proposalRow(a.id)).pinned).toBe(true)
    await desk.post(console, { intent: 'forward-shortlist', confirmed: 'yes' })
    expect((await proposalRow(a.id)).status).toBe('forwarded')

    const noReason = await readPage(
      await desk.post(console, {
        intent: 'archive',
        proposalId: b.id,
        reason: '  ',
        confirmed: 'yes',
      }),
    )
    expect(noReason.status).toBe(400)
    expect(noReason.field('Public reason for archiving').description).toContain(
      'Give a reason: it is shown on the proposal.',
    )
    expect((await proposalRow(b.id)).status).toBe('open')
    await desk.post(console, {
      intent: 'archive',
      proposalId: b.id,
      reason: 'Covered by the city’s own plan.',
      confirmed: 'yes',
    })
    expect(await proposalRow(b.id)).toMatchObject({
      status: 'archived',
      status_reason: 'Covered by the city’s own plan.',
    })
    const page = await pageText(await new Visitor().get(`/groups/${group.slug}/proposals/${b.id}`))
    expect(page).toContain('Archived by the facilitators: ')
    expect(page).toContain('Covered by the city’s own plan.')
  })

  it('merges a duplicate: the merged one links to the other and its supporters are invited', async () => {
    const { group, author, desk, console } = await world()
    const keep = await createProposal(author, group, { publish: true, title: 'Keeper proposal' })
    const dupe = await createProposal(author, group, { publish: true, title: 'Duplicate proposal' })
    const { member: supporter } = await member(group, 'Sam Supporter')
    await supporter.client.from('votes').insert({ proposal_id: dupe.id, value: 1 })
    await desk.post(console, {
      intent: 'merge',
      proposalId: dupe.id,
      mergeInto: keep.id,
      reason: 'Same idea.',
      confirmed: 'yes',
    })
    expect(await proposalRow(dupe.id)).toMatchObject({
      status: 'merged',
      merged_into: keep.id,
      support_count: 1,
    })
    expect((await proposalRow(keep.id)).support_count).toBe(0)
    const page = await readPage(
      await new Visitor().get(`/groups/${group.slug}/proposals/${dupe.id}`),
    )
    expect(page.text).toMatch(/Merged into.*Keeper proposal/)
    expect(page.link('Keeper proposal').href).toBe(`/groups/${group.slug}/proposals/${keep.id}`)
    const notes = await pageText(await (await signedIn(supporter)).get('/notifications'))
    expect(notes).toContain('Keeper proposal')
  })

  it('keeps the group summary, shown on the group page', async () => {
    const { group, desk, console } = await world()
    await desk.post(console, { intent: 'note', note: 'We are choosing three proposals for March.' })
    const page = await readPage(await new Visitor().get(`/groups/${group.slug}`))
    expect(page.headings()).toContain('From the facilitators')
    expect(page.text).toContain('We are choosing three proposals for March.')
  })

  it('lists flags and hides a comment with a public reason; the audit log records it', async () => {
    const { group, author, desk, console } = await world()
    const proposal = await createProposal(author, group, { publish: true })
    const { member: rude } = await member(group, 'Rude Poster')
    const { data: comment } = await rude.client
      .from('comments')
      .insert({ proposal_id: proposal.id, body: 'Something abusive' })
      .select('id')
      .single()
    const { visitor: reporter } = await member(group, 'Rosa Reporter')
    const page = `/groups/${group.slug}/proposals/${proposal.id}`
    const reported = await reporter.post(page, {
      intent: 'flag',
      commentId: comment!.id,
      reason: 'Personal abuse',
    })
    expect(reported.status).toBe(302)
    const again = await reporter.post(page, {
      intent: 'flag',
      commentId: comment!.id,
      reason: 'Twice',
    })
    expect(again.status).toBe(302)
    expect(await pageText(await reporter.get(page))).toContain('already flagged')

    const queue = await pageText(await desk.get(console))
    expect(queue).toContain('Personal abuse')
    expect(queue).toContain('Something abusive')
    const { rows } = await sql().query('select id from public.flags where comment_id = $1', [
      comment!.id,
    ])
    await desk.post(console, {
      intent: 'hide',
      flagId: rows[0].id,
      reason: 'Abuse of another member',
      confirmed: 'yes',
    })
    const shown = await pageText(await new Visitor().get(page))
    expect(shown).toContain('Hidden by a facilitator: Abuse of another member')
    expect(shown).not.toContain('Something abusive')
    // The console's log says which proposal, and links it.
    const log = await readPage(await desk.get(console))
    expect(log.text).toContain(`Fay Lead hid a comment on “${proposal.title}”`)
    expect(log.link(`“${proposal.title}”`).href).toBe(page)
  })
})

describe('the audit log', () => {
  it('says what each action was about, leaves housekeeping out, and filters', async () => {
    const { group, author, facilitator, desk, console } = await world()
    const proposal = await createProposal(author, group, { publish: true })
    const shortlisted = await desk.post(console, { intent: 'shortlist', proposalId: proposal.id })
    expect(shortlisted.status).toBe(302)
    const joiner = await createMember({ displayName: 'Jo Joiner' })
    await addMembership(group, joiner) // made by the database owner: the system's own entry
    const admin = await signedIn(await createAdmin())

    // One group's entries (other tests write to the log at the same time).
    const log = `/admin/audit?group=${group.id}`
    const all = await readPage(await admin.get(log))
    expect(all.text).toContain(`Fay Lead shortlisted “${proposal.title}” (open → shortlisted)`)
    expect(all.link(`“${proposal.title}”`).href).toBe(
      `/groups/${group.slug}/proposals/${proposal.id}`,
    )
    expect(all.text).not.toContain('Jo Joiner')

    const withSystem = await readPage(await admin.get(`${log}&system=on`))
    expect(withSystem.text).toContain(`The system added Jo Joiner to ${group.name}`)
    expect(withSystem.field('Include the database’s own entries').checked).toBe(true)

    const onlyArchives = await readPage(await admin.get(`${log}&action=proposal.archive`))
    expect(onlyArchives.text).not.toContain(`shortlisted “${proposal.title}”`)
    expect(onlyArchives.field('Action').shown).toBe('archived a proposal')

    // The actor's name filters the log to their actions.
    const fay = all.links().find((link) => link.href.includes(`actor=${facilitator.id}`))
    expect(fay?.name).toBe('Fay Lead')
    const byFay = await readPage(await admin.get(fay!.href))
    expect(byFay.text).toContain('Only the actions of Fay Lead.')
    expect(byFay.text).toContain(`shortlisted “${proposal.title}”`)
    // Nonsense in the address is ignored, not an error.
    expect((await admin.get('/admin/audit?from=yesterday&actor=1&action=drop')).status).toBe(200)
  })
})

describe('notifications', () => {
  it('shows the unread count, opens one (marking it read) and marks all read', async () => {
    const { group, author } = await world()
    const proposal = await createProposal(author, group, { publish: true })
    const { member: commenter } = await member(group, 'Cleo Commenter')
    await commenter.client.from('comments').insert({ proposal_id: proposal.id, body: 'First' })
    await commenter.client.from('comments').insert({ proposal_id: proposal.id, body: 'Second' })
    const visitor = await signedIn(author)
    expect((await readPage(await visitor.get('/'))).link(/^Notifications/).name).toMatch(
      /^Notifications ?2 unread$/,
    )
    const { rows } = await sql().query(
      'select id from public.notifications where user_id = $1 order by created_at',
      [author.id],
    )
    const opened = await visitor.post('/notifications', {
      intent: 'open',
      id: rows[0].id,
      href: `/groups/${group.slug}/proposals/${proposal.id}`,
    })
    expect(opened.headers.get('Location')).toBe(`/groups/${group.slug}/proposals/${proposal.id}`)
    expect((await readPage(await visitor.get('/'))).link(/^Notifications/).name).toMatch(
      /^Notifications ?1 unread$/,
    )
    // Someone else cannot mark it read.
    const stranger = await signedIn(await createMember())
    await stranger.post('/notifications', { intent: 'read', id: rows[1].id })
    const { rows: after } = await sql().query(
      'select read_at from public.notifications where id = $1',
      [rows[1].id],
    )
    expect(after[0].read_at).toBeNull()
    await visitor.post('/notifications', { intent: 'read-all' })
    const upToDate = await readPage(await visitor.get('/notifications'))
    expect(upToDate.text).toContain('You are up to date.')
    expect(upToDate.link(/^Notifications/).name).toBe('Notifications')
  })

  it('says "99+" past 99 unread, without counting them all', async () => {
    const reader = await createMember()
    const unread = async (count: number) => {
      await sql().query(
        `insert into public.notifications (user_id, kind, body)
         select $1, 'proposal_status', 'A proposal moved on.' from generate_series(1, $2)`,
        [reader.id, count],
      )
      return (await readPage(await (await signedIn(reader)).get('/'))).link(/^Notifications/).name
    }
    expect(await unread(99)).toMatch(/^Notifications ?99 unread$/)
    expect(await unread(1)).toMatch(/^Notifications ?99\+ \(more than 99 unread\)$/)
  })
})

describe('what a report will do', () => {
  it('tells each member from their standing in the group, as Postgres counts it', async () => {
    const { group, author } = await world()
    const proposal = await createProposal(author, group, { publish: true })
    const reportPage = `/groups/${group.slug}/proposals/${proposal.id}?report=proposal`
    // The hint sits under the question (the legend of the report's kinds).
    const hint = async (visitor: Visitor) => {
      const page = await readPage(await visitor.get(reportPage))
      expect(page.texts('legend')).toContain('Why are you reporting this proposal?')
      return page.text
    }

    const newcomer = await member(group, 'Nell Newcomer')
    const joined = await sql().query(
      `select m.joined_at + make_interval(days => g.standing_days) as standing_from
         from public.group_members m join public.groups g on g.id = m.group_id
        where m.group_id = $1 and m.user_id = $2`,
      [group.id, newcomer.member.id],
    )
    const from = new Date(joined.rows[0].standing_from).toLocaleDateString('en-GB', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'Europe/London',
    })
    expect(await hint(newcomer.visitor)).toContain(
      `Your report reaches them now; it will count toward hiding from ${from}, and once you have voted or commented on another member’s proposal.`,
    )

    const regular = await member(group, 'Reg Ular')
    await giveStanding(group, regular.member)
    expect(await hint(regular.visitor)).toContain(
      'You are a member of standing here, so your report counts toward that.',
    )

    const outsider = await signedIn(await createMember({ displayName: 'Otto Side' }))
    expect(await hint(outsider)).toContain(
      'only members of standing (in the group for 7 days and taking part in its discussions) count toward hiding.',
    )
  })
})
