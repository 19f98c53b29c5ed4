// The local gateway in front of PostgREST: a client that goes away in the middle of a long
// answer (a load test ending, a closed tab) must not keep the gateway's connection to
// PostgREST busy. It did: the answer was left unread, its connection never went back to the
// pool, and once 64 had gone that way every later request through /rest/v1 waited forever.
// The upstream here is a stand-in for PostgREST that streams an answer with no end, so the
// only way its connections come back is the gateway closing them.
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import type pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startGateway, type RunningGateway } from '../../supabase/local/gateway'
import { findFreePort } from '../../supabase/local/ports'

let upstream: http.Server
let gateway: RunningGateway
const open = new Set<http.ServerResponse>()

beforeAll(async () => {
  upstream = http.createServer((req, res) => {
    if (req.url?.startsWith('/endless')) {
      open.add(res)
      res.on('close', () => open.delete(res))
      res.writeHead(200, { 'content-type': 'application/json' })
      const chunk = 'x'.repeat(64 * 1024)
      const timer = setInterval(() => res.write(chunk), 20)
      res.on('close', () => clearInterval(timer))
      return
    }
    res.writeHead(200, { 'content-type': 'application/json' })
    res.end('[]')
  })
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve))
  gateway = await startGateway({
    port: await findFreePort(),
    postgrestUrl: `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`,
    auth: async () => undefined,
    db: {} as pg.Pool,
    apiKeys: ['test-key'],
  })
})

afterAll(async () => {
  await gateway?.stop()
  upstream.closeAllConnections()
  await new Promise((resolve) => upstream.close(resolve))
})

/** Starts a request for an endless answer and hangs up once its first bytes arrive; fails if
 * none come within a second (the gateway has no connection left to ask PostgREST with). */
function hangUpMidway() {
  return new Promise<void>((resolve, reject) => {
    const waited = setTimeout(() => {
      request.destroy()
      reject(new Error('The gateway did not answer within a second.'))
    }, 1000)
    const request = http.get(`${gateway.url}/rest/v1/endless`, { headers: { apikey: 'test-key' } })
    request.on('response', (response) => {
      response.once('data', () => {
        clearTimeout(waited)
        request.destroy()
        resolve()
      })
    })
    request.on('error', (error) => {
      if ((error as NodeJS.ErrnoException).code !== 'ECONNRESET') reject(error)
    })
  })
}

describe('the gateway', () => {
  it('lets go of PostgREST’s answer when the client hangs up, so later requests still pass', async () => {
    for (let round = 0; round < 4; round++)
      await Promise.all(Array.from({ length: 25 }, hangUpMidway))
    // Every endless answer was closed on the upstream side.
    await expect.poll(() => open.size, { timeout: 2000 }).toBe(0)
    const answer = await fetch(`${gateway.url}/rest/v1/groups`, {
      headers: { apikey: 'test-key' },
      signal: AbortSignal.timeout(3000),
    })
    expect(answer.status).toBe(200)
    expect(await answer.json()).toEqual([])
  })
})
