// An in-process micro-cache for what visitors see without signing in (issue 12, item 5). A
// shared proposal link after a hustings brings hundreds of visitors to one page in a minute;
// each of them would otherwise cost a render and its database calls. Here the first visitor's
// page is kept for a few seconds and served to the others, as Discourse's anonymous cache does.
//
// Only what the cache policy (cache-policy.server.ts) marked `public` is kept: a 200 to a GET
// that carried no session cookie and set none. Only requests that carry no cookie at all are
// served from it, so a signed-in member, or anyone with a flash message waiting, always gets
// their own page. Visitors asking for the same page while it is being rendered wait for that
// one render instead of starting their own. Bounded by entries and bytes; the oldest go first.
import type { NextFunction, Request, Response } from 'express'

type Entry = {
  status: number
  headers: Array<[string, string | string[]]>
  body: Buffer
  storedAt: number
}

export type PageCacheOptions = {
  /** How long a page is served from memory; 0 turns the cache off. */
  seconds: number
  maxEntries?: number
  maxBytes?: number
  /** Pages larger than this are never kept. */
  maxEntryBytes?: number
  now?: () => number
}

/** Headers that belong to one response only, never replayed. */
const perResponse = new Set([
  'content-length',
  'content-encoding', // compression (which runs before this) encodes each reply itself
  'date',
  'connection',
  'keep-alive',
  'transfer-encoding',
])

export function pageCache({
  seconds,
  maxEntries = 500,
  maxBytes = 32 * 1024 * 1024,
  maxEntryBytes = 1024 * 1024,
  now = Date.now,
}: PageCacheOptions) {
  const entries = new Map<string, Entry>() // in insertion order: the oldest first
  const filling = new Map<string, Promise<void>>()
  let bytes = 0
  const ttl = seconds * 1000

  function remove(key: string) {
    const entry = entries.get(key)
    if (!entry) return
    bytes -= entry.body.length
    entries.delete(key)
  }

  function store(key: string, entry: Entry) {
    remove(key)
    entries.set(key, entry)
    bytes += entry.body.length
    for (const oldest of entries.keys()) {
      if (entries.size <= maxEntries && bytes <= maxBytes) break
      remove(oldest)
    }
  }

  function fresh(key: string) {
    const entry = entries.get(key)
    if (entry && now() - entry.storedAt < ttl) return entry
    if (entry) remove(key)
    return null
  }

  function replay(req: Request, res: Response, entry: Entry) {
    res.status(entry.status)
    for (const [name, value] of entry.headers) res.setHeader(name, value)
    res.setHeader('Age', String(Math.floor((now() - entry.storedAt) / 1000)))
    res.setHeader('X-Page-Cache', 'hit')
    if (req.method === 'HEAD') res.end()
    else res.end(entry.body)
  }

  return function servePageCache(req: Request, res: Response, next: NextFunction) {
    if (ttl <= 0 || (req.method !== 'GET' && req.method !== 'HEAD') || req.headers.cookie) {
      return next()
    }
    const key = `${req.protocol}://${req.get('host') ?? ''}${req.originalUrl}`
    const hit = fresh(key)
    if (hit) return replay(req, res, hit)

    const pending = filling.get(key)
    if (pending) {
      // Someone is rendering this page now: wait for it rather than render it again.
      void pending.then(() => {
        const entry = fresh(key)
        if (entry) replay(req, res, entry)
        else next()
      })
      return
    }
    if (req.method === 'HEAD') return next()

    let done!: () => void
    const ours = new Promise<void>((resolve) => (done = resolve))
    filling.set(key, ours)
    const finish = () => {
      if (filling.get(key) === ours) filling.delete(key)
      done()
    }

    const chunks: Buffer[] = []
    let size = 0
    let keep = true
    const write = res.write.bind(res) as (...args: unknown[]) => boolean
    const end = res.end.bind(res) as (...args: unknown[]) => Response
    const collect = (chunk: unknown, encoding?: unknown) => {
      if (!keep || chunk == null || typeof chunk === 'function') return
      const buffer = Buffer.isBuffer(chunk)
        ? chunk
        : chunk instanceof Uint8Array
          ? Buffer.from(chunk)
          : Buffer.from(
              String(chunk),
              typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8',
            )
      size += buffer.length
      if (size > maxEntryBytes) keep = false
      else chunks.push(buffer)
    }
    res.write = ((chunk: unknown, ...rest: unknown[]) => {
      collect(chunk, rest[0])
      return write(chunk, ...rest)
    }) as Response['write']
    res.end = ((chunk?: unknown, ...rest: unknown[]) => {
      collect(chunk, rest[0])
      const cacheControl = String(res.getHeader('Cache-Control') ?? '')
      if (
        keep &&
        res.statusCode === 200 &&
        /^public\b/.test(cacheControl) &&
        !res.getHeader('Set-Cookie')
      ) {
        store(key, {
          status: res.statusCode,
          headers: Object.entries(res.getHeaders())
            .filter(([name]) => !perResponse.has(name))
            .map(([name, value]) => [name, Array.isArray(value) ? value : String(value)]),
          body: Buffer.concat(chunks),
          storedAt: now(),
        })
      }
      finish()
      return end(chunk, ...rest)
    }) as Response['end']
    res.once('close', finish) // a dropped connection must not leave others waiting
    next()
  }
}
