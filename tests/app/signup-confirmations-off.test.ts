// Sign-up in the app against a project with e-mail confirmations off: the member is signed in
// at once, and a taken address is named as such (Supabase says so only in this setting).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { useStack, Visitor } from '../support/app'
import { pageText, readPage } from '../support/page'
import { testPassword, uniqueEmail } from '../support/members'
import { startOwnStack, type OwnStack } from '../support/own-stack'

let stack: OwnStack
beforeAll(async () => {
  stack = await startOwnStack({ enableConfirmations: false })
  useStack(stack)
})
afterAll(() => stack?.remove())

describe('sign-up with confirmations off', () => {
  it('creates the account, signs the member in and shows their name', async () => {
    const visitor = new Visitor()
    const response = await visitor.post('/signup', {
      email: uniqueEmail('app-signup-off'),
      password: testPassword,
      displayName: 'Megan Roberts',
      region: 'sefton',
      privacyConsent: 'yes',
      redirectTo: '/',
    })
    expect(response.status).toBe(302)
    expect(response.headers.get('Location')).toBe('/')
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith('sb-'))
    expect(cookie).toMatch(/HttpOnly/i)
    expect(cookie).toMatch(/SameSite=Lax/i)
    const home = await pageText(await visitor.get('/'))
    expect(home).toContain('Megan Roberts')
    expect(home).toContain('Welcome, Megan Roberts.')
  })

  it('names a taken address, keeps what was typed except the password', async () => {
    const email = uniqueEmail('app-signup-off-twice')
    const fields = {
      email,
      password: testPassword,
      displayName: 'Second Try',
      region: 'halton',
      privacyConsent: 'yes',
    }
    expect((await new Visitor().post('/signup', fields)).status).toBe(302)
    const response = await new Visitor().post('/signup', fields)
    expect(response.status).toBe(400)
    const page = await readPage(response)
    expect(page.text).toContain('An account with this e-mail address already exists.')
    expect(page.field('Your name').value).toBe('Second Try')
    expect(page.field('E-mail address').value).toBe(email)
    expect(page.field('Password').value).toBe('')
    expect(page.source).not.toContain(testPassword)
  })
})
