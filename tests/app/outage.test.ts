// Outages are told, not crashed: with PostgREST or Postgres down, pages answer 503 with
// Retry-After and a plain sentence, a form that could not be saved gives the member back what
// they typed, nobody is signed out, and pages recover by themselves once the stack has healed.
// Real bugs still answer 500. On a stack of its own whose supervisor waits 6 s before
// restarting what died, so that the outage lasts long enough to look at.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { withOutageHandling } from '../../app/utils/outage.server'
import { useStack, Visitor } from '../support/app'
import { pageText, readPage } from '../support/page'
import { testPassword, uniqueEmail } from '../support/members'
import { startOwnStack, type OwnStack } from '../support/own-stack'

let stack: OwnStack
const log: string[] = []
beforeAll(async () => {
  stack = await startOwnStack({ enableConfirmations: false }, undefined, {
    supervise: { log: (line) => log.push(line), initialDelayMs: 6000, maxDelayMs: 6000 },
    // Postgres is killed here: with fsync off it would lose the last commits, as it should.
    durable: true,
  })
  useStack(stack)
}, 120_000)
afterAll(() => stack?.remove())

async function signedUpMember() {
  const member = new Visitor()
  const signup = await member.post('/signup', {
    email: uniqueEmail('outage'),
    password: testPassword,
    displayName: 'Nia Okafor',
    region: 'wirral',
    privacyConsent: 'yes',
    redirectTo: '/',
  })
  expect(signup.status).toBe(302)
  expect((await member.post('/groups/buses', { intent: 'join' })).status).toBe(302)
  return member
}

async function expectOutagePage(response: Response) {
  expect(response.status).toBe(503)
  expect(response.headers.get('Retry-After')).toBe('10')
  const text = await pageText(response)
  expect(text).toContain('The forum is briefly unavailable')
  expect(text).toContain('One of the services behind it is not answering.')
  expect(text).not.toContain('our fault')
  return text
}

/** Waits until the stack has healed and the page is served again. */
async function recovered(visitor: Visitor, path: string) {
  await expect
    .poll(async () => (await visitor.get(path)).status, { timeout: 30_000, interval: 100 })
    .toBe(200)
}

describe('PostgREST killed under the running app', () => {
  it(
    'answers 503 with Retry-After, keeps the typed proposal, then recovers',
    { timeout: 60_000 },
    async () => {
      const member = await signedUpMember()
      const visitor = new Visitor()
      expect((await member.get('/groups/buses/proposals/new')).status).toBe(200)

      process.kill(stack.processes().postgrest!, 'SIGKILL')
      await expectOutagePage(await visitor.get('/'))
      await expectOutagePage(await visitor.get('/groups/buses'))
      const attempt = await member.post('/groups/buses/proposals/new', {
        intent: 'publish',
        title: 'Night buses to Kirkby',
        summary: 'A half-hourly night service on the 19.',
        bodyText:
          'Shift workers at the hospital have no way home after midnight. A night service every half hour would change that.',
      })
      const page = await readPage(attempt.clone())
      await expectOutagePage(attempt)
      expect(page.headings(2)).toContain('What you wrote was not saved')
      // Read-only fields, labelled as in the form, to copy from.
      expect(page.fields().map(({ label, value }) => [label, value])).toEqual([
        ['Title', 'Night buses to Kirkby'],
        ['Summary', 'A half-hourly night service on the 19.'],
        [
          'Text',
          'Shift workers at the hospital have no way home after midnight. A night service every half hour would change that.',
        ],
      ])

      // Nobody restarts anything: the supervisor does, and the pages come back.
      await recovered(visitor, '/groups/buses')
      expect(log).toContain('PostgREST exited (SIGKILL); restarting it in 6000 ms.')
      const home = await pageText(await member.get('/'))
      expect(home).toContain('Nia Okafor')
      // The proposal was not saved behind the member's back.
      expect(await pageText(await visitor.get('/groups/buses'))).not.toContain(
        'Night buses to Kirkby',
      )
    },
  )
})

describe('Postgres killed under the running app', () => {
  it(
    'answers 503 to visitors and members alike, signs nobody out, then recovers',
    { timeout: 60_000 },
    async () => {
      const member = await signedUpMember()
      const visitor = new Visitor()
      process.kill(stack.processes().postgres!, 'SIGKILL')
      await expect
        .poll(async () => (await visitor.get('/groups')).status, { timeout: 6000, interval: 20 })
        .toBe(503)
      await expectOutagePage(await visitor.get('/groups'))
      // Auth cannot reach its database either: that is an outage, not "signed out".
      const memberPage = await member.get('/settings')
      await expectOutagePage(memberPage)
      expect(member.isSignedIn()).toBe(true)

      await recovered(member, '/settings')
      expect(await pageText(await member.get('/'))).toContain('Nia Okafor')
      expect(log).toContain('Postgres exited (SIGKILL); restarting it in 6000 ms.')
    },
  )
})

describe('what is not an outage', () => {
  const request = new Request('http://forum.test/')
  function wrapped(loader: () => unknown) {
    const build = withOutageHandling({
      routes: { root: { id: 'root', path: '', module: { loader, action: loader } } },
    } as never)
    const module = build.routes.root!.module
    return {
      loader: () =>
        module.loader!({ request, context: { cspNonce: '', localOutbox: false }, params: {} }),
      action: () =>
        module.action!({
          request: request.clone(),
          context: { cspNonce: '', localOutbox: false },
          params: {},
        }),
    }
  }

  it('leaves a real bug a bug (Remix answers 500) and a refusal a refusal', async () => {
    const bug = new TypeError("Cannot read properties of undefined (reading 'id')")
    const failing = wrapped(() => {
      throw bug
    })
    await expect(failing.loader()).rejects.toBe(bug)
    await expect(failing.action()).rejects.toBe(bug)
    const notFound = new Response('There is no policy group at this address.', { status: 404 })
    await expect(
      wrapped(() => {
        throw notFound
      }).loader(),
    ).rejects.toBe(notFound)
  })
})
