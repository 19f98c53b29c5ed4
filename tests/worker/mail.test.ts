// The mail worker through a real SMTP session (one file: the worker takes every job of the
// run's queue, so two files with workers would steal each other's mail). Immediate mail: a
// reply reaches the comment's author and the candidate's answer the proposal's supporters at
// once, each once, with the campaign's name, one link, the reason and the links to change or
// stop such mail; "off" sends nothing; SMTP down means the mail is retried later, neither lost
// nor doubled. Digests: due at the member's hour, each item once across two worker runs.
// And the worker counts priority ballots that have closed.
import { spawn } from 'node:child_process'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startMailCatcher, type CaughtMail } from '../../supabase/local/mail-catcher'
import { findFreePort } from '../../supabase/local/ports'
import { stackInfo } from '../support/clients'
import {
  addSupporters,
  arrangeProposal,
  arrangeProposals,
  createWorld,
  type World,
} from '../support/lifecycle'
import { addMembership, createGroup, giveStanding } from '../support/groups'
import {
  outboxOf,
  startTestMail,
  testSiteUrl,
  waitForMails,
  mailsTo,
  type TestMail,
} from '../support/mail'
import { createMember } from '../support/members'
import { arrangeComment } from '../support/moderation'
import { latestMail } from '../support/outbox'
import { documentOf } from '../support/proposals'
import { expectOk } from '../support/expect'
import { sql } from '../support/sql'

let world: World
let mail: TestMail
beforeAll(async () => {
  ;[world, mail] = await Promise.all([createWorld(), startTestMail()])
})
afterAll(async () => {
  await mail.stopWorker()
})

async function reply(proposalId: string, parentId: string, body = 'A reply to you.') {
  return expectOk(
    await world.member.client
      .from('comments')
      .insert({ proposal_id: proposalId, parent_id: parentId, body })
      .select('id')
      .single(),
  )
}

describe('a reply', () => {
  it('mails the comment’s author at once, and the mail shows in the local outbox', async () => {
    const proposal = await arrangeProposal(world, 'open')
    const parent = await arrangeComment(proposal.id, world.author)
    const comment = await reply(proposal.id, parent.id)
    const [sent] = await waitForMails(mail, world.author.email)
    const { rows } = await sql().query<{ name: string }>('select name from public.campaign')
    const link = `${testSiteUrl}/groups/${world.group.slug}/proposals/${proposal.id}?comment=${comment.id}#comment-${comment.id}`
    expect(sent.subject).toBe(`Active Member replied to your comment on “${proposal.title}”`)
    expect(sent.text).toContain(rows[0].name)
    expect(sent.text).toContain(`Read the comment: ${link}`)
    expect(sent.text).toContain(
      'You are getting this because someone replied to your comment or mentioned you.',
    )
    expect(sent.text).toContain(`Change which e-mails you get: ${testSiteUrl}/settings/mail`)
    expect(sent.html).toContain('<html lang="en-GB">')
    expect(sent.html).toContain(`href="${link.replaceAll('&', '&#38;')}"`)
    // RFC 8058: a one-click unsubscribe URL with a signed token, and the POST that takes it.
    expect(sent.headers.get('list-unsubscribe')).toMatch(
      new RegExp(
        `^<${testSiteUrl}/unsubscribe\\?token=[0-9a-f-]{36}\\.replies\\.\\d+\\.[0-9a-f]{64}>$`,
      ),
    )
    expect(sent.headers.get('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click')
    // Nobody else's address is in it: one recipient, and only the worker read it.
    expect(sent.to).toEqual([world.author.email.toLowerCase()])
    expect(sent.raw).not.toContain(world.member.email)
    const inOutbox = await latestMail(world.author.email)
    expect(inOutbox.subject).toBe(sent.subject)
    expect(inOutbox.link).toBe(link)
  })

  it('sends nothing when the member turned replies off', async () => {
    const quiet = await createMember({ displayName: 'Quiet Member' })
    expectOk(
      await quiet.client
        .from('mail_preferences')
        .update({ replies: 'off' })
        .eq('user_id', quiet.id)
        .select('replies'),
    )
    const proposal = await arrangeProposal(world, 'open')
    const parent = await arrangeComment(proposal.id, quiet)
    await reply(proposal.id, parent.id)
    // The author of a second comment in the same thread is mailed: by then the first would be too.
    const other = await arrangeComment(proposal.id, world.coauthor)
    await reply(proposal.id, other.id)
    await waitForMails(mail, world.coauthor.email)
    expect(mailsTo(mail, quiet.email)).toEqual([])
    expect(await outboxOf(quiet.id)).toEqual([])
  })

  it('is not sent when the reply is hidden before the worker gets to it', async () => {
    await mail.stopWorker()
    const proposal = await arrangeProposal(world, 'open')
    const parent = await arrangeComment(proposal.id, world.author)
    const comment = await reply(proposal.id, parent.id, 'Something a facilitator hides.')
    await sql().query(
      `update public.comments set hidden_at = now(), hidden_reason = 'Abusive.' where id = $1`,
      [comment.id],
    )
    const before = mailsTo(mail, world.author.email).length
    await mail.startWorker()
    const deadline = Date.now() + 10_000
    let rows = await outboxOf(world.author.id)
    while (rows.some((r) => !r.sent_at && !r.skipped_reason) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100))
      rows = await outboxOf(world.author.id)
    }
    expect(rows.filter((r) => r.cadence === 'immediately').at(-1)?.skipped_reason).toBe(
      'what it is about is hidden or deleted',
    )
    expect(mailsTo(mail, world.author.email).length).toBe(before)
  })
})

describe('a suggested change', () => {
  it('mails the authors who want it at once, linking to the change, under their proposals', async () => {
    const author = await createMember({ displayName: 'Keen Author' })
    await addMembership(world.group, author)
    expectOk(
      await author.client
        .from('mail_preferences')
        .update({ my_proposals: 'immediately' })
        .eq('user_id', author.id)
        .select('my_proposals'),
    )
    const proposal = await arrangeProposal({ ...world, author }, 'open')
    const suggester = await createMember({ displayName: 'Sam Suggester' })
    await addMembership(world.group, suggester)
    await giveStanding(world.group, suggester)
    const change = expectOk(
      await suggester.client
        .from('amendments')
        .insert({
          proposal_id: proposal.id,
          body: documentOf('A clearer body.'),
          reason: 'Say which stops.',
        })
        .select('id')
        .single(),
    )
    const [sent] = await waitForMails(mail, author.email)
    expect(sent.subject).toBe(
      `Sam Suggester suggested a change to your proposal “${proposal.title}”: Say which stops.`,
    )
    expect(sent.text).toContain(
      `Read the suggested change: ${testSiteUrl}/groups/${world.group.slug}/proposals/${proposal.id}/amendments/${change.id}`,
    )
    expect(sent.text).toContain(
      'You are getting this because it is about a proposal you wrote or a change you suggested.',
    )
    expect(sent.headers.get('list-unsubscribe')).toContain('.my_proposals.')
  })
})

describe('a deleted account', () => {
  it('gets nothing, even for what happened before it was deleted', async () => {
    await mail.stopWorker()
    const leaving = await createMember({ displayName: 'Leaving Soon' })
    const proposal = await arrangeProposal(world, 'open')
    const parent = await arrangeComment(proposal.id, leaving)
    await reply(proposal.id, parent.id)
    expect(await outboxOf(leaving.id)).toHaveLength(1)
    expectOk(await leaving.client.rpc('delete_my_account'))
    await mail.startWorker()
    // A later mail to someone else has gone out: the worker has been through the queue.
    const other = await arrangeComment(proposal.id, world.coauthor)
    const before = mailsTo(mail, world.coauthor.email).length
    await reply(proposal.id, other.id)
    await waitForMails(mail, world.coauthor.email, before + 1)
    expect(mailsTo(mail, leaving.email)).toEqual([])
    expect(await outboxOf(leaving.id)).toEqual([])
  })
})

describe('the candidate’s answer', () => {
  it('mails every supporter of the proposal at once, each once', async () => {
    const proposal = await arrangeProposal(world, 'forwarded')
    const supporters = await Promise.all([createMember(), createMember(), createMember()])
    await addSupporters(proposal.id, supporters)
    expectOk(
      await world.candidate.client.rpc('answer_proposal', {
        proposal_id: proposal.id,
        decision: 'adopted',
        explanation: 'We will do this in the first year.',
      }),
    )
    for (const supporter of supporters) {
      const [sent] = await waitForMails(mail, supporter.email)
      expect(sent.subject).toBe(`The candidate adopted “${proposal.title}”`)
      expect(sent.text).toContain(
        'You are getting this because you voted on or follow this proposal.',
      )
      expect(sent.text).toContain(
        `${testSiteUrl}/groups/${world.group.slug}/proposals/${proposal.id}`,
      )
    }
    // Sweeping the outbox again (as every minute) sends nothing twice.
    await mail.worker!.runner.addJob('schedule_mail', {})
    await new Promise((resolve) => setTimeout(resolve, 1500))
    for (const supporter of supporters) expect(mailsTo(mail, supporter.email)).toHaveLength(1)
  })
})

describe('when SMTP is down', () => {
  it('the mail is retried later: nothing lost, nothing doubled', async () => {
    await mail.stopCatcher()
    const proposal = await arrangeProposal(world, 'open')
    const author = await createMember({ displayName: 'Patient Author' })
    const parent = await arrangeComment(proposal.id, author)
    await reply(proposal.id, parent.id)
    // The first attempt fails and is recorded; graphile-worker retries it with backoff.
    const deadline = Date.now() + 10_000
    let [row] = await outboxOf(author.id)
    while (!(row?.attempts >= 1) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100))
      ;[row] = await outboxOf(author.id)
    }
    expect(row).toMatchObject({ sent_at: null, attempts: 1 })
    expect(row.last_error).toMatch(/ECONNREFUSED|connect/i)
    await mail.startCatcher()
    const [sent] = await waitForMails(mail, author.email, 1, 20_000)
    expect(sent.subject).toContain('replied to your comment')
    // The worker marks the row sent once the SMTP server has said yes.
    await new Promise((resolve) => setTimeout(resolve, 1000))
    ;[row] = await outboxOf(author.id)
    expect(row.sent_at).not.toBeNull()
    expect(mailsTo(mail, author.email)).toHaveLength(1)
  })
})

/** Makes the member's daily digest due now: at the start of this hour, in UTC. */
async function digestDueNow(member: { id: string }) {
  await sql().query(
    `update public.mail_preferences
        set time_zone = 'UTC', digest_hour = extract(hour from now() at time zone 'UTC')
      where user_id = $1`,
    [member.id],
  )
}

/** Moves what just happened to before this hour began, inside the digest due now. */
async function backdate(table: 'proposals' | 'notifications', ids: string[]) {
  const column = table === 'proposals' ? 'published_at' : 'created_at'
  await sql().query(
    `update public.${table} set ${column} = date_trunc('hour', now()) - interval '10 minutes' where id = any($1)`,
    [ids],
  )
}

async function digestsOf(memberId: string) {
  return (await outboxOf(memberId)).filter((row) => row.cadence !== 'immediately')
}

describe('daily digests', () => {
  it('hold the day’s items once, grouped by group and newest first, across two worker runs', async () => {
    const reader = world.member
    const muted = world.otherGroup
    await addMembership(muted, reader)
    expectOk(
      await reader.client.from('group_mail').insert({ group_id: muted.id, following: false }),
    )
    await digestDueNow(reader)
    const [older, newer, draft, hidden] = await arrangeProposals(world, [
      'open',
      'open',
      'draft',
      'open',
    ])
    const [inMuted] = await arrangeProposals(world, ['open'], { groupId: muted.id })
    await sql().query(
      `update public.proposals set hidden_at = now(), hidden_reason = 'Abusive.' where id = $1`,
      [hidden.id],
    )
    await backdate('proposals', [older.id, newer.id, hidden.id, inMuted.id])
    await sql().query(
      `update public.proposals set published_at = published_at + interval '1 minute' where id = $1`,
      [newer.id],
    )
    // A request to join, for the group's facilitator's daily summary.
    const facilitator = world.facilitator
    await digestDueNow(facilitator)
    const asking = await createMember({ displayName: 'Keen Joiner' })
    const requestGroup = await createGroup({ joinPolicy: 'request' })
    await addMembership(requestGroup, facilitator, { role: 'facilitator' })
    expectOk(
      await asking.client
        .from('group_members')
        .insert({ group_id: requestGroup.id, user_id: asking.id }),
    )
    const { rows: requests } = await sql().query<{ id: string }>(
      `select id from public.notifications where user_id = $1 and kind = 'join_request'`,
      [facilitator.id],
    )
    await backdate(
      'notifications',
      requests.map((r) => r.id),
    )

    await mail.worker!.runner.addJob('schedule_mail', {})
    const [digest] = await waitForMails(mail, reader.email)
    expect(digest.subject).toMatch(/^Your daily digest: 2 updates from /)
    expect(digest.text).toContain(world.group.name)
    const newerAt = digest.text.indexOf(`New proposal: “${newer.title}”`)
    const olderAt = digest.text.indexOf(`New proposal: “${older.title}”`)
    expect(newerAt).toBeGreaterThan(-1)
    expect(olderAt).toBeGreaterThan(newerAt)
    expect(digest.text).toContain(`${testSiteUrl}/groups/${world.group.slug}/proposals/${older.id}`)
    for (const absent of [draft.title, hidden.title, inMuted.title])
      expect(digest.text).not.toContain(absent)
    expect(digest.headers.get('list-unsubscribe')).toMatch(/\.daily\.\d+\.[0-9a-f]{64}>$/)
    expect(digest.html).toContain(`<h2 style="font-size: 18px">${world.group.name}</h2>`)

    const [summary] = await waitForMails(mail, facilitator.email)
    // The facilitator is also a member of the world's group: its two new proposals, and the request.
    expect(summary.subject).toMatch(/^Your daily digest: 3 updates from /)
    expect(summary.text).toContain(`Keen Joiner asked to join ${requestGroup.name}`)
    expect(summary.text).toContain(`${testSiteUrl}/groups/${requestGroup.slug}/members`)

    // Something new now belongs to tomorrow's digest, not a second one today.
    await arrangeProposals(world, ['open'])
    await mail.stopWorker()
    await mail.startWorker()
    await mail.worker!.runner.addJob('schedule_mail', {})
    await new Promise((resolve) => setTimeout(resolve, 2000))
    expect(mailsTo(mail, reader.email)).toHaveLength(1)
    expect((await digestsOf(reader.id)).filter((d) => !d.skipped_reason)).toHaveLength(1)
    expect(mailsTo(mail, facilitator.email)).toHaveLength(1)
  })

  it('are never sent empty, and not at all for kinds turned off', async () => {
    const idle = await createMember()
    await addMembership(world.group, idle)
    await digestDueNow(idle)
    expectOk(
      await idle.client
        .from('mail_preferences')
        .update({ group_activity: 'off' })
        .eq('user_id', idle.id)
        .select('user_id'),
    )
    const [proposal] = await arrangeProposals(world, ['open'])
    await backdate('proposals', [proposal.id])
    const { rows } = await sql().query<{ made: number }>(
      'select private.schedule_digests() as made',
    )
    expect(rows[0].made).toBeGreaterThanOrEqual(0)
    // The empty period is looked at once and recorded, never mailed.
    expect((await digestsOf(idle.id)).map((d) => [d.sent_at, d.skipped_reason])).toEqual([
      [null, 'nothing new'],
    ])
    await sql().query('select private.schedule_digests()')
    expect(await digestsOf(idle.id)).toHaveLength(1)
    expect(mailsTo(mail, idle.email)).toEqual([])
  })
})

describe('weekly digests', () => {
  it('come on the member’s day and hold the week', async () => {
    const reader = await createMember()
    const group = await createGroup()
    await addMembership(group, reader)
    await sql().query(
      `update public.mail_preferences
          set group_activity = 'weekly', time_zone = 'UTC',
              digest_weekday = extract(isodow from now() at time zone 'UTC'),
              digest_hour = extract(hour from now() at time zone 'UTC')
        where user_id = $1`,
      [reader.id],
    )
    const [lastWeek, thisWeek, tooOld] = await arrangeProposals(world, ['open', 'open', 'open'], {
      groupId: group.id,
    })
    await sql().query(
      `update public.proposals
          set published_at = date_trunc('hour', now()) - case id
            when $1::uuid then interval '6 days' when $2::uuid then interval '1 hour' else interval '8 days' end
        where id = any(array[$1, $2, $3]::uuid[])`,
      [lastWeek.id, thisWeek.id, tooOld.id],
    )
    await mail.worker!.runner.addJob('schedule_mail', {})
    const [digest] = await waitForMails(mail, reader.email)
    expect(digest.subject).toMatch(/^Your weekly digest: 2 updates from /)
    expect(digest.text).toContain(lastWeek.title)
    expect(digest.text).toContain(thisWeek.title)
    expect(digest.text).not.toContain(tooOld.title)
    expect(digest.text).toContain('you chose a weekly digest for new proposals in your groups')
  })
})

describe('a worker killed mid-batch', () => {
  it('leaves no digest lost and none doubled: the next worker sends the rest', async () => {
    await mail.stopWorker()
    const readers = await Promise.all(Array.from({ length: 6 }, () => createMember()))
    const group = await createGroup()
    for (const reader of readers) {
      await addMembership(group, reader)
      await digestDueNow(reader)
    }
    const [proposal] = await arrangeProposals(world, ['open'], { groupId: group.id })
    await backdate('proposals', [proposal.id])
    const ours = new Set(readers.map((r) => r.email.toLowerCase()))

    // A catcher that accepts two of our digests, then holds every sender mid-conversation.
    const accepted: CaughtMail[] = []
    let release = () => {}
    const held = new Promise<void>((resolve) => (release = resolve))
    const port = await findFreePort()
    const holding = await startMailCatcher({
      port,
      beforeAccept: async (caught) => {
        if (!caught.to.some((to) => ours.has(to)) || accepted.length < 2) return
        // Held until the sender is gone; then refused, so it was never accepted.
        await held
        throw new Error('The catcher is stopping.')
      },
      onMail: (caught) => {
        if (caught.to.some((to) => ours.has(to))) accepted.push(caught)
      },
    })
    const child = spawn(process.execPath, ['--import', 'tsx', 'worker/main.ts'], {
      env: {
        ...process.env,
        DATABASE_URL: stackInfo().dbUrl,
        SMTP_URL: `smtp://127.0.0.1:${port}`,
        SITE_URL: testSiteUrl,
        WORKER_CONCURRENCY: '2',
      },
      stdio: 'ignore',
    })
    const exited = new Promise((resolve) => child.once('exit', resolve))
    try {
      const deadline = Date.now() + 20_000
      while (accepted.length < 2 && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 50))
      expect(accepted).toHaveLength(2)
      // Mid-batch: the worker is waiting on the SMTP server with more to send. Kill it.
      await new Promise((resolve) => setTimeout(resolve, 300))
      child.kill('SIGKILL')
      await exited
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
      release()
      await holding.stop()
    }
    // Its jobs stay locked until graphile-worker deems it dead (locked over 4 hours) and a
    // worker clears the stale locks, as graphile-worker's resetLockedAt does; do that now.
    // (No other worker runs now: every locked job is the dead one's.)
    await sql().query(
      `update graphile_worker._private_jobs set locked_at = null, locked_by = null where locked_at is not null`,
    )
    await mail.startWorker()
    for (const reader of readers) {
      const deadline = Date.now() + 20_000
      const count = () =>
        accepted.filter((m) => m.to.includes(reader.email.toLowerCase())).length +
        mailsTo(mail, reader.email).length
      while (count() < 1 && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 50))
    }
    await new Promise((resolve) => setTimeout(resolve, 1000))
    for (const reader of readers) {
      const total =
        accepted.filter((m) => m.to.includes(reader.email.toLowerCase())).length +
        mailsTo(mail, reader.email).length
      expect(total, reader.email).toBe(1)
      expect((await digestsOf(reader.id)).filter((d) => d.sent_at)).toHaveLength(1)
    }
  })
})

describe('the candidate', () => {
  it('hears of forwarded proposals in a daily summary, with a link to the review', async () => {
    const candidate = world.candidate
    await digestDueNow(candidate)
    const proposal = await arrangeProposal(world, 'shortlisted')
    expectOk(
      await world.facilitator.client.rpc('transition_proposal', {
        proposal_id: proposal.id,
        action: 'forward',
      }),
    )
    const { rows } = await sql().query<{ id: string; body: string }>(
      `select id, body from public.notifications where user_id = $1 and kind = 'proposal_forwarded' and proposal_id = $2`,
      [candidate.id, proposal.id],
    )
    expect(rows.map((r) => r.body)).toEqual([
      `Fern Lead forwarded “${proposal.title}” from ${world.group.name} for your answer`,
    ])
    await backdate(
      'notifications',
      rows.map((r) => r.id),
    )
    await mail.worker!.runner.addJob('schedule_mail', {})
    const [summary] = await waitForMails(mail, candidate.email)
    expect(summary.subject).toMatch(/^Your daily digest: /)
    expect(summary.text).toContain(rows[0].body)
    expect(summary.text).toContain(`${testSiteUrl}/review`)
    expect(summary.text).toContain('facilitator and candidate work')
  })
})

describe('a facilitator', () => {
  it('finds new reports and proposals at the support threshold in the daily summary', async () => {
    const group = await createGroup()
    const [facilitator, author, reporter] = await Promise.all([
      createMember({ displayName: 'Queue Keeper' }),
      createMember({ displayName: 'Threshold Author' }),
      createMember({ displayName: 'Careful Reader' }),
    ])
    await addMembership(group, facilitator, { role: 'facilitator' })
    await addMembership(group, author)
    await addMembership(group, reporter)
    await digestDueNow(facilitator)
    await sql().query(
      'update public.groups set shortlist_supporters = 1, shortlist_boroughs = 0 where id = $1',
      [group.id],
    )
    const proposal = await arrangeProposal({ ...world, group, author }, 'open')
    await addSupporters(proposal.id, [reporter])
    expectOk(
      await reporter.client.rpc('flag_content', {
        proposal_id: proposal.id,
        category: 'personal_data',
        reason: 'It names my neighbour.',
      }),
    )
    // Both happened before this hour began, inside the summary due now.
    const db = await sql().connect()
    try {
      await db.query('begin')
      await db.query(`set local policy_forum.marking_ready = 'on'`)
      await db.query(
        `update public.proposals set ready_at = date_trunc('hour', now()) - interval '10 minutes' where id = $1 and ready_at is not null`,
        [proposal.id],
      )
      await db.query(
        `update public.flags set created_at = date_trunc('hour', now()) - interval '5 minutes' where reporter_id = $1`,
        [reporter.id],
      )
      await db.query('commit')
    } finally {
      db.release()
    }
    await mail.worker!.runner.addJob('schedule_mail', {})
    const [summary] = await waitForMails(mail, facilitator.email)
    expect(summary.subject).toMatch(/^Your daily digest: /)
    const console = `${testSiteUrl}/groups/${group.slug}/console`
    expect(summary.text).toContain('1 new report to review')
    expect(summary.text).toContain(`${console}#flags-heading`)
    expect(summary.text).toContain(
      `“${proposal.title}” reached the group’s support threshold and can be shortlisted`,
    )
    // A count, never the reported words.
    expect(summary.text).not.toContain('It names my neighbour.')
    expect(summary.html).not.toContain('It names my neighbour.')
    expect(mailsTo(mail, reporter.email)).toEqual([])
  })
})

describe('priority ballots', () => {
  it('the worker counts a ballot once it has closed, without anyone reading it', async () => {
    const [first, second] = await arrangeProposals(world, ['open', 'open'])
    const voter = await createMember()
    await addMembership(world.group, voter)
    await giveStanding(world.group, voter)
    const ballotId = expectOk(
      await world.facilitator.client.rpc('open_ballot', {
        group_id: world.group.id,
        question: 'Which comes first for the worker?',
        proposal_ids: [first.id, second.id],
        opens_at: new Date().toISOString(),
        closes_at: new Date(Date.now() + 3600_000).toISOString(),
      }),
    ) as string
    expectOk(await voter.client.rpc('cast_ballot', { ballot_id: ballotId, ranking: [second.id] }))
    // The close passes (as the database owner moves it, not through any API).
    await sql().query(`update public.ballots set closes_at = now() where id = $1`, [ballotId])
    const worker = mail.worker ?? (await mail.startWorker())
    await worker.runner.addJob('count_ballots', {})
    let counted: { counted_at: string | null; winner_id: string | null } | undefined
    for (let i = 0; i < 50 && !counted?.counted_at; i++) {
      await new Promise((resolve) => setTimeout(resolve, 200))
      const { rows } = await sql().query(
        'select counted_at, winner_id from public.ballots where id = $1',
        [ballotId],
      )
      counted = rows[0]
    }
    expect(counted).toMatchObject({ counted_at: expect.anything(), winner_id: second.id })
  })
})
