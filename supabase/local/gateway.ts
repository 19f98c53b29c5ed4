// One port in front of the local services, as Supabase's API gateway: /rest/v1 → PostgREST,
// /auth/v1 → Auth, /realtime/v1/websocket → Realtime (WebSocket upgrades), /outbox/v1 → the local
// mailbox (and its digest button). Checks the apikey header as Supabase does.
import http from 'node:http'
import type pg from 'pg'
import type { AuthHandler } from './auth/server'
import { isOpenRoute } from './auth/routes'
import { readOutbox } from './auth/mail'
import type { RealtimeService } from './realtime/server'

export type GatewayOptions = {
  port: number
  postgrestUrl: string
  auth: AuthHandler
  db: pg.Pool
  apiKeys: string[]
  realtime?: RealtimeService
  /** Addresses of reverse proxies in front of the gateway whose X-Forwarded-For is believed. */
  trustedProxies?: string[]
}

export type RunningGateway = { url: string; stop(): Promise<void> }

const corsHeaders = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
  'access-control-allow-headers':
    'authorization, x-client-info, apikey, content-type, content-profile, accept-profile, prefer, range, x-supabase-api-version, x-retry-count',
  'access-control-expose-headers': 'content-range, x-total-count, link, x-supabase-api-version',
  'access-control-max-age': '3600',
}

function sendJson(res: http.ServerResponse, status: number, body: unknown) {
  const payload = JSON.stringify(body)
  res.writeHead(status, { 'content-type': 'application/json', ...corsHeaders })
  res.end(payload)
}

function apiKeyOf(req: http.IncomingMessage, url: URL) {
  const value = req.headers.apikey
  return (Array.isArray(value) ? value[0] : value) ?? url.searchParams.get('apikey') ?? undefined
}

function plainAddress(address: string | undefined) {
  const value = (address ?? '').trim()
  return value.startsWith('::ffff:') ? value.slice(7) : value
}

/** The client's address, as a rate limit may key on it: the TCP peer, unless that peer is a
 * trusted proxy, in which case the nearest X-Forwarded-For entry that is not itself a trusted
 * proxy. Entries further left were written by the client and are never believed. */
export function clientAddress(req: http.IncomingMessage, trustedProxies: string[] = []) {
  const peer = plainAddress(req.socket.remoteAddress)
  const trusted = new Set(trustedProxies.map(plainAddress))
  if (!trusted.has(peer)) return peer
  const header = req.headers['x-forwarded-for']
  const hops = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map(plainAddress)
    .filter(Boolean)
  for (let i = hops.length - 1; i >= 0; i--) if (!trusted.has(hops[i])) return hops[i]
  return hops[0] ?? peer
}

export function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const upstream = new URL(options.postgrestUrl)
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 })

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    if (req.method === 'OPTIONS') {
      res.writeHead(204, corsHeaders)
      res.end()
      return
    }
    const [, service, version, ...rest] = url.pathname.split('/')
    const subPath = `/${rest.join('/')}`
    const prefix = `${service}/${version}`
    const open = prefix === 'auth/v1' && isOpenRoute(req.method ?? 'GET', subPath)
    if (!open && ['rest/v1', 'auth/v1', 'outbox/v1'].includes(prefix)) {
      const key = apiKeyOf(req, url)
      if (!key) return sendJson(res, 401, { message: 'No API key found in request' })
      if (!options.apiKeys.includes(key))
        return sendJson(res, 401, { message: 'Invalid authentication credentials' })
    }
    for (const [name, value] of Object.entries(corsHeaders)) res.setHeader(name, value)
    if (prefix === 'auth/v1') {
      req.url = `${subPath}${url.search}`
      void options.auth(req, res, subPath, clientAddress(req, options.trustedProxies))
      return
    }
    if (prefix === 'rest/v1') return proxy(req, res, `${subPath}${url.search}`)
    if (prefix === 'outbox/v1' && subPath === '/messages' && req.method === 'GET') {
      readOutbox(options.db).then(
        (messages) => sendJson(res, 200, messages),
        () => sendJson(res, 500, { message: 'Could not read the outbox' }),
      )
      return
    }
    // The outbox page's "send digests now": every member's digests end now (local stack only).
    if (prefix === 'outbox/v1' && subPath === '/digests' && req.method === 'POST') {
      options.db
        .query<{ made: number }>('select private.schedule_digests(now(), true) as made')
        .then(
          ({ rows }) => sendJson(res, 200, { made: rows[0].made }),
          () => sendJson(res, 500, { message: 'Could not make the digests' }),
        )
      return
    }
    sendJson(res, 404, { message: 'no Route matched with those values' })
  })

  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    if (options.realtime && url.pathname === '/realtime/v1/websocket')
      return options.realtime.handleUpgrade(req, socket, head)
    socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n')
  })

  function proxy(req: http.IncomingMessage, res: http.ServerResponse, path: string) {
    const headers: http.OutgoingHttpHeaders = { ...req.headers, host: upstream.host }
    if (!headers.authorization && typeof req.headers.apikey === 'string')
      headers.authorization = `Bearer ${req.headers.apikey}`
    const forward = http.request(
      { host: upstream.hostname, port: upstream.port, method: req.method, path, headers, agent },
      (upstreamRes) => {
        res.writeHead(upstreamRes.statusCode ?? 502, upstreamRes.headers)
        upstreamRes.pipe(res)
      },
    )
    forward.on('error', () => {
      if (res.destroyed) return
      if (!res.headersSent)
        sendJson(res, 502, { message: 'An invalid response was received from the upstream server' })
      else res.destroy()
    })
    // A client gone before the answer ended: close the upstream request too. Left unread, the
    // answer would keep its pooled connection busy for good (64 of them, and /rest/v1 stops).
    res.on('close', () => {
      if (!res.writableFinished) forward.destroy()
    })
    req.pipe(forward)
  }

  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, '127.0.0.1', () => {
      server.off('error', reject)
      resolve({
        url: `http://127.0.0.1:${options.port}`,
        stop: () =>
          new Promise<void>((done) => {
            server.close(() => done())
            server.closeAllConnections()
            agent.destroy()
          }),
      })
    })
  })
}
