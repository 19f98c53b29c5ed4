// A real SMTP session for the mail worker's tests: the local catcher on a free port (keeping
// what it catches in the local outbox, as in development) and the worker sending to it. Both
// stop when the test file ends; nothing is left running.
import { afterAll } from 'vitest'
import {
  startMailCatcher,
  type CaughtMail,
  type MailCatcher,
} from '../../supabase/local/mail-catcher'
import { findFreePort } from '../../supabase/local/ports'
import { startMailWorker, type MailWorker } from '../../worker/run'
import { stackInfo } from './clients'
import { sql } from './sql'

export const testSiteUrl = 'http://forum.example.test'

export type TestMail = {
  caught: CaughtMail[]
  port: number
  catcher: MailCatcher | null
  worker: MailWorker | null
  startCatcher(): Promise<void>
  stopCatcher(): Promise<void>
  startWorker(): Promise<MailWorker>
  stopWorker(): Promise<void>
}

export async function startTestMail(options: { worker?: boolean } = {}): Promise<TestMail> {
  const port = await findFreePort()
  const mail: TestMail = {
    caught: [],
    port,
    catcher: null,
    worker: null,
    async startCatcher() {
      mail.catcher = await startMailCatcher({
        port,
        db: sql(),
        onMail: (caught) => mail.caught.push(caught),
      })
    },
    async stopCatcher() {
      await mail.catcher?.stop()
      mail.catcher = null
    },
    async startWorker() {
      mail.worker = await startMailWorker({
        databaseUrl: stackInfo().dbUrl,
        smtpUrl: `smtp://127.0.0.1:${port}`,
        siteUrl: testSiteUrl,
        from: 'Policy Forum <no-reply@forum.example.test>',
        log: () => undefined,
      })
      return mail.worker
    },
    async stopWorker() {
      await mail.worker?.stop()
      mail.worker = null
    },
  }
  await mail.startCatcher()
  if (options.worker !== false) await mail.startWorker()
  afterAll(async () => {
    await mail.stopWorker()
    await mail.stopCatcher()
  })
  return mail
}

/** The mails caught for an address so far. */
export function mailsTo(mail: TestMail, address: string) {
  return mail.caught.filter((m) => m.to.includes(address.toLowerCase()))
}

/** Waits until `count` mails to an address have been caught, and returns them. */
export async function waitForMails(mail: TestMail, address: string, count = 1, waitMs = 15_000) {
  const deadline = Date.now() + waitMs
  for (;;) {
    const found = mailsTo(mail, address)
    if (found.length >= count) return found
    if (Date.now() > deadline)
      throw new Error(`Expected ${count} mails to ${address}, caught ${found.length}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

/** The outbox rows of a member (no addresses there: the worker reads them at send time). */
export async function outboxOf(memberId: string) {
  const { rows } = await sql().query<{
    id: string
    cadence: string
    sent_at: Date | null
    skipped_reason: string | null
    attempts: number
    last_error: string | null
  }>(
    'select id, cadence, sent_at, skipped_reason, attempts, last_error from private.mail_outbox where user_id = $1 order by id',
    [memberId],
  )
  return rows
}
