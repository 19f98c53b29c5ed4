// Auth limits as hosted Supabase has them, on a stack of its own with tight [auth.rate_limit]
// values: per-IP sign-in and verification limits with GoTrue's 429 bodies, a cap on wrong
// one-time codes per address, redirect_to only to allowed URLs, and the statement timeouts.
// The gateway trusts 127.0.0.1 as a proxy here, so each test is "a client" by X-Forwarded-For.
import type { IncomingMessage } from 'node:http'
import { AuthApiError } from '@supabase/supabase-js'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { clientAddress } from '../../supabase/local/gateway'
import { testPassword, uniqueEmail } from '../support/members'
import { clientOf, outboxOf, startOwnStack, type OwnStack } from '../support/own-stack'

let stack: OwnStack
beforeAll(async () => {
  stack = await startOwnStack({
    enableConfirmations: false,
    rateLimits: { signInSignUps: 5, tokenVerifications: 30 },
    trustedProxies: ['127.0.0.1'],
    additionalRedirectUrls: ['https://app.example.org/**'],
  })
})
afterAll(() => stack?.remove())

// Every client gets an address no other test used: a random pick could land on an address an
// earlier test had already spent its limit from.
let lastIp = 0
const newIp = () => `203.0.113.${++lastIp}`

function clientFrom(ip: string) {
  const client = clientOf(stack)
  // supabase-js sends custom headers with every Auth call.
  ;(client.auth as unknown as { headers: Record<string, string> }).headers['X-Forwarded-For'] = ip
  return client
}

describe('per-IP limits', () => {
  it('answers the sixth sign-up from one address with over_request_rate_limit', async () => {
    const ip = newIp()
    const results = []
    for (let i = 0; i < 7; i++) {
      results.push(
        await clientFrom(ip).auth.signUp({ email: uniqueEmail('flood'), password: testPassword }),
      )
    }
    expect(results.slice(0, 5).map((r) => r.error)).toEqual([null, null, null, null, null])
    for (const { error } of results.slice(5)) {
      expect(error).toBeInstanceOf(AuthApiError)
      expect(error?.status).toBe(429)
      expect(error?.code).toBe('over_request_rate_limit')
      expect(error?.message).toBe('Request rate limit reached')
    }
    // Another client is not affected.
    const other = await clientFrom(newIp()).auth.signUp({
      email: uniqueEmail('other'),
      password: testPassword,
    })
    expect(other.error).toBeNull()
  })

  it('counts the address the proxy saw, whatever the client wrote to the left of it', async () => {
    const real = newIp()
    const codes = []
    for (let i = 0; i < 6; i++) {
      const spoofed = `198.51.100.${i + 1}, ${real}`
      const { error } = await clientFrom(spoofed).auth.signInWithPassword({
        email: uniqueEmail('nobody'),
        password: testPassword,
      })
      codes.push(error?.code)
    }
    expect(codes).toEqual([...Array(5).fill('invalid_credentials'), 'over_request_rate_limit'])
  })

  it('never believes X-Forwarded-For from a peer that is not a trusted proxy', () => {
    const request = (remoteAddress: string, forwarded: string) =>
      ({
        socket: { remoteAddress },
        headers: { 'x-forwarded-for': forwarded },
      }) as unknown as IncomingMessage
    expect(clientAddress(request('::ffff:192.0.2.9', '1.2.3.4'))).toBe('192.0.2.9')
    expect(clientAddress(request('10.0.0.1', '1.2.3.4, 192.0.2.9'), ['10.0.0.1'])).toBe('192.0.2.9')
    expect(
      clientAddress(request('10.0.0.1', '1.2.3.4, 192.0.2.9, 10.0.0.2'), ['10.0.0.1', '10.0.0.2']),
    ).toBe('192.0.2.9')
  })
})

describe('one-time codes', () => {
  async function codeFor(email: string) {
    expect((await clientFrom(newIp()).auth.signInWithOtp({ email })).error).toBeNull()
    const [mail] = await outboxOf(stack, email)
    return /code: (\d{6})/.exec(mail.body)![1]
  }

  it('meets the limit within 40 wrong codes in a row, and voids the code after 5', async () => {
    const email = uniqueEmail('guessed')
    const code = await codeFor(email)
    const attacker = clientFrom(newIp())
    const errors = []
    for (let i = 0; i < 40; i++) {
      const guess = String((Number(code) + 1 + i) % 1_000_000).padStart(6, '0')
      const { error } = await attacker.auth.verifyOtp({ email, token: guess, type: 'email' })
      errors.push(error?.code)
    }
    expect(errors.slice(0, 30).every((c) => c === 'otp_expired')).toBe(true)
    expect(errors.slice(30)).toEqual(Array(10).fill('over_request_rate_limit'))
    // The right code, even from a fresh address, no longer works: five wrong ones voided it.
    const late = await clientFrom(newIp()).auth.verifyOtp({ email, token: code, type: 'email' })
    expect(late.error?.code).toBe('otp_expired')
    expect(late.data.session).toBeNull()
  })

  it('still accepts the right code after fewer than five wrong ones', async () => {
    const email = uniqueEmail('typo')
    const code = await codeFor(email)
    const member = clientFrom(newIp())
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0')
    for (let i = 0; i < 4; i++)
      expect(
        (await member.auth.verifyOtp({ email, token: wrong, type: 'email' })).error?.code,
      ).toBe('otp_expired')
    const { data, error } = await member.auth.verifyOtp({ email, token: code, type: 'email' })
    expect(error).toBeNull()
    expect(data.session?.access_token).toBeTruthy()
  })
})

describe('redirect_to', () => {
  async function followLink(redirectTo: string) {
    const email = uniqueEmail('redirect')
    expect((await clientFrom(newIp()).auth.signInWithOtp({ email })).error).toBeNull()
    const [mail] = await outboxOf(stack, email)
    const hash = new URL(mail.link!).searchParams.get('token_hash')!
    const url = new URL(`${stack.apiUrl}/auth/v1/verify`)
    url.search = new URLSearchParams({
      token: hash,
      type: 'magiclink',
      redirect_to: redirectTo,
    }).toString()
    const response = await fetch(url, {
      redirect: 'manual',
      headers: { 'X-Forwarded-For': newIp() },
    })
    expect(response.status).toBe(303)
    return response.headers.get('location')!
  }

  it('sends a foreign redirect_to to the site URL instead', async () => {
    const location = await followLink('https://evil.example/steal')
    expect(location.startsWith(`${stack.siteUrl}#access_token=`)).toBe(true)
  })

  it('honours the site URL and additional_redirect_urls, by GoTrue glob', async () => {
    expect(await followLink(`${stack.siteUrl}/welcome`)).toMatch(/\/welcome#access_token=/)
    expect(await followLink('https://app.example.org/a/b')).toMatch(
      /^https:\/\/app\.example\.org\/a\/b#access_token=/,
    )
    expect(await followLink('https://app.example.org.evil.example/')).toMatch(
      new RegExp(`^${stack.siteUrl}#`),
    )
  })
})

describe('statement timeouts as hosted Supabase sets them', () => {
  it('cancels a query from the anon key after 3 s; members get 8 s', async () => {
    const db = new pg.Client({ connectionString: stack.dbUrl })
    await db.connect()
    try {
      // A throw-away stack of its own, so a test function in public touches no one else.
      await db.query(`create function public.slow_for_test(seconds float8) returns text
        language sql as $$ select pg_sleep(seconds)::text $$`)
      await db.query(`notify pgrst, 'reload schema'`)
      const { rows } = await db.query<{ rolname: string; rolconfig: string[] }>(
        `select rolname, rolconfig from pg_roles where rolname in ('anon', 'authenticated') order by 1`,
      )
      expect(rows).toEqual([
        { rolname: 'anon', rolconfig: ['statement_timeout=3s'] },
        { rolname: 'authenticated', rolconfig: ['statement_timeout=8s'] },
      ])
    } finally {
      await db.end()
    }
    const anon = clientOf(stack)
    let result = await anon.rpc('slow_for_test' as never, { seconds: 0.1 } as never)
    for (let i = 0; i < 20 && result.error?.code === 'PGRST202'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 200))
      result = await anon.rpc('slow_for_test' as never, { seconds: 0.1 } as never)
    }
    expect(result.error).toBeNull()
    const began = Date.now()
    const slow = await anon.rpc('slow_for_test' as never, { seconds: 5 } as never)
    expect(slow.error?.code).toBe('57014')
    expect(slow.error?.message).toBe('canceling statement due to statement timeout')
    expect(Date.now() - began).toBeLessThan(4500)
  }, 20_000)
})
