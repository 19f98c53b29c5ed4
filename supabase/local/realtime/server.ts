// The local Realtime service: the WebSocket endpoint /realtime/v1/websocket that supabase-js
// joins, speaking Realtime's Phoenix-channel protocol (phx_join with access_token and
// config.private, heartbeats, broadcast, access_token refresh, phx_leave). Private channels
// are authorised by the RLS policies on realtime.messages, as hosted Realtime does; database
// messages (realtime.send) arrive by NOTIFY and go to every channel allowed to read them.
// A channel ends when its token expires, with the system message hosted Realtime sends.
import type http from 'node:http'
import type { Duplex } from 'node:stream'
import type pg from 'pg'
import { WebSocketServer, type WebSocket } from 'ws'
import {
  TokenError,
  topicPermissions,
  verifyToken,
  type Claims,
  type Permissions,
} from './authorize'
import { listenForMessages, type DatabaseMessage } from './listener'
import { decodeFrame, encodeFrame, type Frame, type Vsn } from './protocol'

export type RealtimeOptions = {
  databaseUrl: string
  db: pg.Pool
  jwtSecret: string
  apiKeys: string[]
  /** Seconds without a heartbeat after which a connection is closed (hosted: 60). */
  idleSeconds?: number
}

export type RealtimeService = {
  handleUpgrade(req: http.IncomingMessage, socket: Duplex, head: Buffer): void
  /** Open connections and joined channels, for the bench and the tests. */
  stats(): { connections: number; channels: number }
  stop(): Promise<void>
}

type Channel = {
  connection: Connection
  topic: string
  subTopic: string
  joinRef: string | null
  private: boolean
  self: boolean
  ack: boolean
  token: string
  permissions: Permissions
  expiry: NodeJS.Timeout | null
}

type Connection = {
  socket: WebSocket
  vsn: Vsn
  apiKey: string
  channels: Map<string, Channel>
  lastSeen: number
}

const maxChannelsPerConnection = 100
const maxTimerMs = 2 ** 31 - 1

export async function startRealtime(options: RealtimeOptions): Promise<RealtimeService> {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 })
  const connections = new Set<Connection>()
  const bySubTopic = new Map<string, Set<Channel>>()

  // Hosted Realtime drops its daily partitions of realtime.messages after a few days; here the
  // one table is trimmed the same way whenever the stack starts.
  await options.db
    .query(`delete from realtime.messages where inserted_at < now() - interval '3 days'`)
    .catch(() => undefined)
  const listener = await listenForMessages(options.databaseUrl, options.db, deliverDatabaseMessage)

  const idleMs = (options.idleSeconds ?? 60) * 1000
  const idleCheck = setInterval(
    () => {
      const now = Date.now()
      for (const connection of connections)
        if (now - connection.lastSeen > idleMs) connection.socket.close(1000, 'heartbeat timeout')
    },
    Math.min(idleMs, 15_000),
  )
  idleCheck.unref()

  function send(connection: Connection, frame: Frame) {
    if (connection.socket.readyState === connection.socket.OPEN)
      connection.socket.send(encodeFrame(connection.vsn, frame))
  }

  function reply(connection: Connection, frame: Frame, status: 'ok' | 'error', response: object) {
    send(connection, {
      join_ref: frame.join_ref,
      ref: frame.ref,
      topic: frame.topic,
      event: 'phx_reply',
      payload: { status, response },
    })
  }

  function broadcastTo(channel: Channel, event: string, payload: unknown, meta?: object) {
    send(channel.connection, {
      join_ref: null,
      ref: null,
      topic: channel.topic,
      event: 'broadcast',
      payload: { type: 'broadcast', event, payload, ...(meta ? { meta } : {}) },
    })
  }

  function deliverDatabaseMessage(message: DatabaseMessage) {
    // Every subscriber of a topic gets the same frame: encode it once per protocol version.
    const encoded = new Map<Vsn, string>()
    for (const channel of bySubTopic.get(message.topic) ?? []) {
      if (channel.private !== (message.private ?? false)) continue
      if (channel.private && !channel.permissions.read) continue
      const { vsn, socket } = channel.connection
      let frame = encoded.get(vsn)
      if (!frame) {
        frame = encodeFrame(vsn, {
          join_ref: null,
          ref: null,
          topic: channel.topic,
          event: 'broadcast',
          payload: {
            type: 'broadcast',
            event: message.event,
            payload: message.payload,
            meta: { id: message.id },
          },
        })
        encoded.set(vsn, frame)
      }
      if (socket.readyState === socket.OPEN) socket.send(frame)
    }
  }

  function forget(channel: Channel) {
    if (channel.expiry) clearTimeout(channel.expiry)
    channel.connection.channels.delete(channel.topic)
    const peers = bySubTopic.get(channel.subTopic)
    peers?.delete(channel)
    if (peers?.size === 0) bySubTopic.delete(channel.subTopic)
  }

  /** Ends a channel as hosted Realtime's shutdown_response does: a system message, then close. */
  function shutdown(channel: Channel, message: string) {
    forget(channel)
    const base = { join_ref: channel.joinRef, ref: null, topic: channel.topic }
    send(channel.connection, {
      ...base,
      event: 'system',
      payload: { extension: 'system', status: 'error', message, channel: channel.subTopic },
    })
    send(channel.connection, { ...base, event: 'phx_close', payload: {} })
  }

  function expireAt(channel: Channel, claims: Claims) {
    if (channel.expiry) clearTimeout(channel.expiry)
    const ms = claims.exp * 1000 - Date.now()
    // setTimeout fires at once for more than 2^31 - 1 ms (about 24 days), and the API keys run
    // for years: wait that long and look again.
    channel.expiry =
      ms > maxTimerMs
        ? setTimeout(() => expireAt(channel, claims), maxTimerMs)
        : setTimeout(() => shutdown(channel, 'Token has expired 0 seconds ago'), ms)
    channel.expiry.unref()
  }

  async function authorise(token: string, subTopic: string, isPrivate: boolean) {
    const claims = await verifyToken(token, options.jwtSecret)
    if (!isPrivate) return { claims, permissions: { read: true, write: true } }
    const permissions = await topicPermissions(options.db, claims, subTopic)
    if (!permissions.read)
      throw new TokenError(
        `You do not have permissions to read from this Channel topic: ${subTopic}`,
      )
    return { claims, permissions }
  }

  async function join(connection: Connection, frame: Frame) {
    const config = (frame.payload.config ?? {}) as {
      private?: boolean
      broadcast?: { self?: boolean; ack?: boolean }
    }
    if (!frame.topic.startsWith('realtime:'))
      return reply(connection, frame, 'error', { reason: 'Topic must start with realtime:' })
    const subTopic = frame.topic.slice('realtime:'.length)
    const existing = connection.channels.get(frame.topic)
    if (existing) forget(existing)
    if (connection.channels.size >= maxChannelsPerConnection)
      return reply(connection, frame, 'error', {
        reason: 'ChannelRateLimitReached: Too many channels',
      })
    const token =
      typeof frame.payload.access_token === 'string' &&
      !frame.payload.access_token.startsWith('sb_')
        ? frame.payload.access_token
        : connection.apiKey
    const isPrivate = config.private === true
    try {
      const { claims, permissions } = await authorise(token, subTopic, isPrivate)
      const channel: Channel = {
        connection,
        topic: frame.topic,
        subTopic,
        joinRef: frame.join_ref,
        private: isPrivate,
        self: config.broadcast?.self === true,
        ack: config.broadcast?.ack === true,
        token,
        permissions,
        expiry: null,
      }
      if (connection.socket.readyState !== connection.socket.OPEN) return
      connection.channels.set(frame.topic, channel)
      if (!bySubTopic.has(subTopic)) bySubTopic.set(subTopic, new Set())
      bySubTopic.get(subTopic)!.add(channel)
      expireAt(channel, claims)
      reply(connection, frame, 'ok', { postgres_changes: [] })
    } catch (error) {
      const reason =
        error instanceof TokenError
          ? `Unauthorized: ${error.message}`
          : 'Realtime was unable to connect to the project database'
      reply(connection, frame, 'error', { reason })
    }
  }

  async function refreshToken(channel: Channel, token: unknown) {
    if (typeof token !== 'string' || token === channel.token || token.startsWith('sb_')) return
    try {
      const { claims, permissions } = await authorise(token, channel.subTopic, channel.private)
      channel.token = token
      channel.permissions = permissions
      expireAt(channel, claims)
    } catch (error) {
      shutdown(
        channel,
        error instanceof TokenError
          ? error.message
          : 'Realtime was unable to connect to the project database',
      )
    }
  }

  function clientBroadcast(channel: Channel, frame: Frame) {
    const { event, payload } = frame.payload as { event?: unknown; payload?: unknown }
    const allowed = !channel.private || channel.permissions.write
    if (allowed && typeof event === 'string')
      for (const peer of bySubTopic.get(channel.subTopic) ?? []) {
        if (peer.private !== channel.private || (peer === channel && !channel.self)) continue
        if (peer.private && !peer.permissions.read) continue
        broadcastTo(peer, event, payload)
      }
    if (channel.ack && frame.ref) reply(channel.connection, frame, 'ok', {})
  }

  function receive(connection: Connection, frame: Frame) {
    connection.lastSeen = Date.now()
    if (frame.topic === 'phoenix' && frame.event === 'heartbeat')
      return reply(connection, frame, 'ok', {})
    if (frame.event === 'phx_join') return void join(connection, frame)
    const channel = connection.channels.get(frame.topic)
    if (!channel) {
      if (frame.event === 'phx_leave') return reply(connection, frame, 'ok', {})
      return reply(connection, frame, 'error', { reason: 'unmatched topic' })
    }
    switch (frame.event) {
      case 'phx_leave':
        forget(channel)
        return reply(connection, frame, 'ok', {})
      case 'access_token':
        return void refreshToken(channel, frame.payload.access_token)
      case 'broadcast':
        return clientBroadcast(channel, frame)
      default:
        // presence and postgres_changes are not served locally; the app uses neither
        if (frame.ref) reply(connection, frame, 'ok', {})
    }
  }

  function apiKeyOf(req: http.IncomingMessage) {
    const url = new URL(req.url ?? '/', 'http://localhost')
    const header = req.headers.apikey
    return {
      apiKey: url.searchParams.get('apikey') ?? (Array.isArray(header) ? header[0] : header),
      vsn: (url.searchParams.get('vsn') === '1.0.0' ? '1.0.0' : '2.0.0') as Vsn,
    }
  }

  return {
    handleUpgrade(req, socket, head) {
      const { apiKey, vsn } = apiKeyOf(req)
      if (!apiKey || !options.apiKeys.includes(apiKey)) {
        socket.end('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\nContent-Length: 0\r\n\r\n')
        return
      }
      wss.handleUpgrade(req, socket, head, (ws) => {
        const connection: Connection = {
          socket: ws,
          vsn,
          apiKey,
          channels: new Map(),
          lastSeen: Date.now(),
        }
        connections.add(connection)
        ws.on('message', (data, isBinary) => {
          const frame = decodeFrame(data as Buffer, isBinary)
          if (frame) receive(connection, frame)
        })
        ws.on('close', () => {
          connections.delete(connection)
          for (const channel of [...connection.channels.values()]) forget(channel)
        })
        ws.on('error', () => ws.terminate())
      })
    },
    stats: () => ({
      connections: connections.size,
      channels: [...connections].reduce((sum, c) => sum + c.channels.size, 0),
    }),
    async stop() {
      clearInterval(idleCheck)
      for (const connection of connections) connection.socket.terminate()
      connections.clear()
      wss.close()
      await listener.stop()
    },
  }
}
