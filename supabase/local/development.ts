// The embedded local stack as `npm run dev` boots it when SUPABASE_URL is unset: demo accounts,
// the outbox, the well-known local keys, the SMTP catcher and the mail worker (sending to the
// catcher, or to SMTP_URL when it is set). server.ts loads this module only in development, so
// the production build contains none of it.
import pg from 'pg'
import { startMailWorker } from '../../worker/run'
import { describeStack, localStackOptions } from './config'
import { startMailCatcher } from './mail-catcher'
import { findFreePort, isPortFree } from './ports'
import { onShutdown } from './signals'
import { startStack } from './stack'

export async function startDevelopmentStack(port: number) {
  const began = Date.now()
  const options = localStackOptions()
  const siteUrl = process.env.SITE_URL ?? `http://localhost:${port}`
  const stack = await startStack({ ...options, siteUrl })
  process.env.SUPABASE_URL = stack.apiUrl
  process.env.SUPABASE_ANON_KEY = stack.anonKey
  const outboxDb = new pg.Pool({ connectionString: stack.dbUrl, max: 2 })
  outboxDb.on('error', () => undefined)
  let catcher: Awaited<ReturnType<typeof startMailCatcher>> | null = null
  let worker: Awaited<ReturnType<typeof startMailWorker>> | null = null
  try {
    // Beside the API port, as the Supabase CLI puts its mail catcher (54321 → 54325).
    const wanted = Number(process.env.SMTP_CATCHER_PORT ?? options.apiPort + 4)
    catcher = await startMailCatcher({
      port: (await isPortFree(wanted)) ? wanted : await findFreePort(),
      db: outboxDb,
    })
    worker = await startMailWorker({
      databaseUrl: stack.dbUrl,
      smtpUrl: process.env.SMTP_URL ?? catcher.url,
      siteUrl,
      from: process.env.MAIL_FROM,
    })
  } catch (error) {
    await catcher?.stop()
    await outboxDb.end()
    await stack.stop()
    throw error
  }
  console.log(
    `Local Supabase stack ready in ${((Date.now() - began) / 1000).toFixed(1)} s:\n${describeStack(stack)}\n` +
      `${'SMTP catcher'.padStart(16)}: ${catcher.url} (mail worker running; mail shows at /outbox)\n`,
  )
  async function stop() {
    await worker?.stop()
    await catcher?.stop()
    await outboxDb.end().catch(() => undefined)
    await stack.stop()
  }
  return { stop, onShutdown }
}
