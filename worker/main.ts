// `npm run worker`: the mail worker as its own process. It needs the database (DATABASE_URL, a
// direct or session-pooled connection: graphile-worker uses LISTEN/NOTIFY), an SMTP server
// (SMTP_URL, e.g. smtp://user:password@smtp.example.com:587) and the app's address for links
// (SITE_URL). MAIL_FROM sets the sender; WORKER_CONCURRENCY the mails sent at once.
import { startMailWorker } from './run'

const required = ['DATABASE_URL', 'SMTP_URL', 'SITE_URL'] as const
const missing = required.filter((name) => !process.env[name])
if (missing.length > 0) {
  console.error(
    `The mail worker needs ${missing.join(', ')}. See "E-mail" in README.md (npm run dev starts a worker of its own).`,
  )
  process.exit(1)
}

const worker = await startMailWorker({
  databaseUrl: process.env.DATABASE_URL!,
  smtpUrl: process.env.SMTP_URL!,
  siteUrl: process.env.SITE_URL!,
  from: process.env.MAIL_FROM,
  concurrency: Number(process.env.WORKER_CONCURRENCY ?? 4),
})
console.log('Mail worker running. Press Ctrl-C to stop.')

let stopping = false
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const)
  process.once(signal, () => {
    if (stopping) return
    stopping = true
    console.log('Stopping the mail worker…')
    void worker.stop().then(() => process.exit(0))
  })
