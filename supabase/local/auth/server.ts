// The local Auth server as a Node request handler, mounted by the gateway at /auth/v1.
import type { IncomingMessage, ServerResponse } from 'node:http'
import type pg from 'pg'
import { AuthHttpError, apiVersion, errorBody } from './errors'
import { RateLimiter } from './rate-limit'
import { route, type AuthSettings } from './routes'

export type AuthHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  clientIp: string,
) => Promise<void>

const maxBodyBytes = 1024 * 1024

export function createAuthHandler(db: pg.Pool, settings: AuthSettings): AuthHandler {
  const context = {
    db,
    settings,
    limiter: new RateLimiter(settings.rateLimits),
    wrongCodes: new Map<string, number>(),
  }
  return async function handleAuth(req, res, path, clientIp) {
    const url = new URL(req.url ?? '/', 'http://localhost')
    const requestApiVersion = header(req, 'x-supabase-api-version')
    try {
      const body = await readJson(req)
      const headers: Record<string, string | undefined> = {}
      for (const name of ['authorization', 'user-agent']) headers[name] = header(req, name)
      const response = await route(context, {
        method: req.method ?? 'GET',
        path,
        query: url.searchParams,
        headers,
        body,
        ip: clientIp,
      })
      send(res, response.status, response.body, {
        ...response.headers,
        'x-supabase-api-version': apiVersion,
      })
    } catch (error) {
      if (error instanceof AuthHttpError) {
        send(res, error.status, errorBody(error, requestApiVersion), {
          'x-supabase-api-version': apiVersion,
        })
        return
      }
      console.error('[auth] unexpected error', error)
      const failure = new AuthHttpError(
        500,
        'unexpected_failure',
        'Unexpected failure, please check server logs for more information',
      )
      send(res, 500, errorBody(failure, requestApiVersion), {
        'x-supabase-api-version': apiVersion,
      })
    }
  }
}

function header(req: IncomingMessage, name: string) {
  const value = req.headers[name]
  return Array.isArray(value) ? value[0] : value
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'DELETE') {
    req.resume()
    return {}
  }
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > maxBodyBytes)
      throw new AuthHttpError(413, 'request_too_large', 'Request body too large')
    chunks.push(chunk as Buffer)
  }
  const text = Buffer.concat(chunks).toString('utf8')
  if (!text.trim()) return {}
  try {
    const parsed: unknown = JSON.parse(text)
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
      return parsed as Record<string, unknown>
  } catch {
    // fall through to the same error as a non-object body
  }
  throw new AuthHttpError(400, 'bad_json', 'Could not parse request body as JSON')
}

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  if (body === undefined || status === 204) {
    res.writeHead(status, headers)
    res.end()
    return
  }
  const payload = JSON.stringify(body)
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(payload),
    ...headers,
  })
  res.end(payload)
}
