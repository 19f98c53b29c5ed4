// Immediate mail through a real SMTP session: the worker sends a reply to the comment's author
// and the candidate's answer to the proposal's supporters at once, each mail once, with the
// campaign's name, one link, the reason and the links to change or stop such mail; "off" sends
// nothing; SMTP down means the mail is retried later, neither lost nor doubled.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addSupporters, arrangeProposal, createWorld, type World } from '../support/lifecycle'
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
      'You are getting this because you asked to hear at once when someone replies',
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
    expect(rows.at(-1)?.skipped_reason).toBe('what it is about is hidden or deleted')
    expect(mailsTo(mail, world.author.email).length).toBe(before)
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
        'You are getting this because you support or wrote this proposal.',
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
    ;[row] = await outboxOf(author.id)
    expect(row.sent_at).not.toBeNull()
    await new Promise((resolve) => setTimeout(resolve, 1000))
    expect(mailsTo(mail, author.email)).toHaveLength(1)
  })
})
