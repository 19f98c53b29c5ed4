// The local SMTP catcher: the worker's mail, sent over real SMTP in development and tests, lands
// in the local outbox beside the Auth server's (auth.local_outbox), so the outbox page shows it.
// It reads the few MIME shapes nodemailer writes (multipart/alternative, quoted-printable or
// base64, UTF-8); it is a catcher for this app's own mail, not a general mail parser.
import type pg from 'pg'
import { SMTPServer } from 'smtp-server'

export type CaughtMail = {
  to: string[]
  from: string
  subject: string
  text: string
  html: string
  headers: Map<string, string>
  raw: string
}

export type MailCatcher = { url: string; port: number; stop(): Promise<void> }

export type MailCatcherOptions = {
  port: number
  /** Where caught mail is kept for the outbox page; none keeps nothing. */
  db?: pg.Pool
  onMail?: (mail: CaughtMail) => void
  /** Awaited before a mail is accepted (tests use it to hold a sender mid-conversation). */
  beforeAccept?: (mail: CaughtMail) => Promise<void>
}

export function startMailCatcher(options: MailCatcherOptions): Promise<MailCatcher> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    banner: 'Policy Forum local mail catcher',
    logger: false,
    // Stopping closes idle pooled connections from the worker at once instead of in 30 s.
    closeTimeout: 200,
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8')
        const to = session.envelope.rcptTo.map((r) => r.address.toLowerCase())
        const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : ''
        const mail = { ...parseMessage(raw), to, from, raw }
        Promise.resolve(options.beforeAccept?.(mail))
          .then(() => keep(options.db, mail))
          .then(
            () => {
              options.onMail?.(mail)
              callback()
            },
            (error: Error) => callback(error),
          )
      })
    },
  })
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, '127.0.0.1', () => {
      server.off('error', reject)
      resolve({
        url: `smtp://127.0.0.1:${options.port}`,
        port: options.port,
        stop: () => new Promise<void>((done) => server.close(() => done())),
      })
    })
  })
}

async function keep(db: pg.Pool | undefined, mail: CaughtMail) {
  if (!db) return
  const link = /https?:\/\/\S+/.exec(mail.text)?.[0] ?? null
  for (const to of mail.to)
    await db.query(
      'insert into auth.local_outbox (to_email, subject, body, link) values ($1, $2, $3, $4)',
      [to, mail.subject, mail.text, link],
    )
}

type Part = { headers: Map<string, string>; body: string }

function splitPart(raw: string): Part {
  const normalised = raw.replace(/\r\n/g, '\n')
  const end = normalised.indexOf('\n\n')
  const head = end === -1 ? normalised : normalised.slice(0, end)
  const body = end === -1 ? '' : normalised.slice(end + 2)
  const headers = new Map<string, string>()
  for (const line of head.replace(/\n[ \t]+/g, ' ').split('\n')) {
    const colon = line.indexOf(':')
    if (colon > 0)
      headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim())
  }
  return { headers, body }
}

function decodeBody(part: Part) {
  const encoding = (part.headers.get('content-transfer-encoding') ?? '7bit').toLowerCase()
  if (encoding === 'base64')
    return Buffer.from(part.body.replace(/\s+/g, ''), 'base64').toString('utf8')
  if (encoding === 'quoted-printable') return decodeQuotedPrintable(part.body)
  return part.body
}

function decodeQuotedPrintable(value: string) {
  const bytes = value
    .replace(/=\n/g, '')
    .replace(/=([0-9A-Fa-f]{2})/g, (_, hex: string) => `%${hex}`)
    .replace(/%(?![0-9A-Fa-f]{2})/g, '%25')
  try {
    return decodeURIComponent(bytes)
  } catch {
    return value
  }
}

/** RFC 2047 encoded words, as nodemailer writes non-ASCII subjects. */
export function decodeHeader(value: string) {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(
      /=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g,
      (_, charset: string, kind: string, text: string) => {
        if (kind.toUpperCase() === 'B') return Buffer.from(text, 'base64').toString('utf8')
        return decodeQuotedPrintable(text.replace(/_/g, ' '))
      },
    )
}

function parseMessage(raw: string) {
  const message = splitPart(raw)
  const subject = decodeHeader(message.headers.get('subject') ?? '')
  let text = ''
  let html = ''
  const type = message.headers.get('content-type') ?? 'text/plain'
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1]
  const parts = boundary
    ? message.body
        .split(`--${boundary}`)
        .slice(1, -1)
        .map((chunk) => splitPart(chunk.replace(/^\n/, '')))
    : [message]
  for (const part of parts) {
    const partType = (part.headers.get('content-type') ?? 'text/plain').toLowerCase()
    if (partType.startsWith('text/html')) html = decodeBody(part)
    else if (partType.startsWith('text/plain')) text = decodeBody(part).trim()
  }
  const headers = new Map([...message.headers].map(([k, v]) => [k, decodeHeader(v)]))
  return { subject, text, html, headers }
}
