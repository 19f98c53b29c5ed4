// The mail worker on graphile-worker: `send_mail` sends one outbox row; `schedule_mail` (every
// minute, and once at start) makes the digests that have fallen due and adds a job for any
// outbox row that has none (rows made before graphile-worker's schema was installed, or whose
// job was lost); `prune_mail` (daily) forgets mail handled over 30 days ago; `count_ballots`
// (every minute) counts the priority ballots that have closed. graphile-worker installs and
// migrates its own schema at start, runs jobs with row locks so several workers can run at
// once, and retries failed jobs with backoff.
import { Logger, run, type Runner, type Task } from 'graphile-worker'
import nodemailer from 'nodemailer'
import pg from 'pg'
import { deliver, type DeliverySettings } from './deliver'

export type MailWorkerOptions = {
  databaseUrl: string
  smtpUrl: string
  siteUrl: string
  from?: string
  concurrency?: number
  /** Where the worker reports; by default only warnings and errors reach the console. */
  log?: (level: string, message: string) => void
}

export type MailWorker = { stop(): Promise<void>; runner: Runner }

export const sendMailAttempts = 25

export function smtpTransportOptions(smtpUrl: string, connections: number) {
  const url = new URL(smtpUrl)
  const secure = url.protocol === 'smtps:'
  return {
    host: url.hostname,
    port: Number(url.port || (secure ? 465 : 587)),
    secure,
    auth: url.username
      ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) }
      : undefined,
    pool: true,
    maxConnections: connections,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  }
}

export async function startMailWorker(options: MailWorkerOptions): Promise<MailWorker> {
  const concurrency = options.concurrency ?? 4
  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: concurrency + 2 })
  pool.on('error', () => undefined)
  const transport = nodemailer.createTransport(smtpTransportOptions(options.smtpUrl, concurrency))
  const site = new URL(options.siteUrl)
  const settings: DeliverySettings = {
    siteUrl: site.origin,
    from: options.from ?? `Policy Forum <no-reply@${site.hostname}>`,
    messageIdHost: site.hostname,
  }

  const sendMail: Task = async (payload) => {
    const delivery = Number((payload as { delivery?: unknown }).delivery)
    if (!Number.isSafeInteger(delivery)) return
    await deliver(pool, transport, settings, delivery)
  }

  const scheduleMail: Task = async (_payload, helpers) => {
    await pool.query('select private.schedule_digests()')
    const { rows } = await pool.query<{ id: string }>(
      `select id from private.mail_outbox
        where sent_at is null and skipped_reason is null
        order by created_at limit 10000`,
    )
    for (const row of rows)
      await helpers.addJob(
        'send_mail',
        { delivery: Number(row.id) },
        { jobKey: `mail:${row.id}`, jobKeyMode: 'unsafe_dedupe', maxAttempts: sendMailAttempts },
      )
  }

  const pruneMail: Task = async () => {
    await pool.query('select private.prune_mail_outbox()')
  }

  // Priority ballots that have closed are counted here within the minute (or by their first
  // reader, whichever comes first: count_ballot counts once).
  const countBallots: Task = async () => {
    await pool.query('select private.count_due_ballots()')
  }

  const log = options.log ?? defaultLog
  const runner = await run({
    connectionString: options.databaseUrl,
    concurrency,
    noHandleSignals: true,
    pollInterval: 1000,
    logger: new Logger(() => (level, message) => log(level, message)),
    taskList: {
      send_mail: sendMail,
      schedule_mail: scheduleMail,
      prune_mail: pruneMail,
      count_ballots: countBallots,
    },
    crontab: '* * * * * schedule_mail\n* * * * * count_ballots\n17 3 * * * prune_mail',
  })
  await runner.addJob('schedule_mail', {}, { jobKey: 'schedule_mail:start' })

  let stopped: Promise<void> | null = null
  return {
    runner,
    stop() {
      stopped ??= (async () => {
        await runner.stop().catch(() => undefined)
        transport.close()
        await pool.end().catch(() => undefined)
      })()
      return stopped
    },
  }
}

function defaultLog(level: string, message: string) {
  if (level === 'error' || level === 'warning') console.log(`[mail worker] ${level}: ${message}`)
}
