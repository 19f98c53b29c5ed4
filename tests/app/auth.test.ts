// Sign-up, sign-in, sign-out and password reset through the Remix request handler, with
// cookies, as a browser without JavaScript would do them.
import { describe, expect, it } from 'vitest'
import { createMember, testPassword, uniqueEmail } from '../support/members'
import { latestMail } from '../support/outbox'
import { Visitor } from '../support/app'
import { pageText, readPage } from '../support/page'
import { sql } from '../support/sql'

// The run's stack confirms e-mail addresses, as hosted Supabase does;
// tests/app/signup-confirmations-off.test.ts signs up against a stack that does not.
describe('sign-up', () => {
  it('says "check your e-mail", and the mailed link confirms and signs the member in', async () => {
    const visitor = new Visitor()
    const email = uniqueEmail('app-signup')
    const response = await visitor.post('/signup', {
      email,
      password: testPassword,
      displayName: 'Megan Roberts',
      region: 'sefton',
      privacyConsent: 'yes',
      redirectTo: '/',
    })
    expect(response.status).toBe(200)
    const page = await pageText(response)
    expect(page).toContain('Check your e-mail')
    expect(page).toContain(`We have sent a link to ${email}`)
    expect(page).toContain('Send the link again')
    expect(visitor.isSignedIn()).toBe(false)

    const early = await new Visitor().post('/signin', { email, password: testPassword })
    expect(early.status).toBe(400)
    const earlyPage = await pageText(early)
    expect(earlyPage).toContain('Confirm your e-mail address first')
    expect(earlyPage).toContain('Send me the confirmation link again')

    const link = new URL((await latestMail(email)).link!)
    const landing = await visitor.get(`${link.pathname}${link.search}`)
    expect(await pageText(landing)).toContain('Confirm and sign in')
    expect(visitor.isSignedIn()).toBe(false)
    const confirmed = await visitor.post('/auth/confirm', Object.fromEntries(link.searchParams))
    expect(confirmed.status).toBe(302)
    expect(confirmed.headers.get('Location')).toBe('/groups')
    const cookie = confirmed.headers.getSetCookie().find((c) => c.startsWith('sb-'))
    expect(cookie).toMatch(/HttpOnly/i)
    expect(cookie).toMatch(/SameSite=Lax/i)
    const groups = await readPage(await visitor.get('/groups'))
    expect(groups.text).toContain('Megan Roberts')
    expect(groups.alerts()).toEqual([
      expect.stringContaining('Welcome, Megan Roberts. Your e-mail address is confirmed.'),
    ])
  })

  it('sends the link again on request, and the new link works', async () => {
    const email = uniqueEmail('app-resend')
    await new Visitor().post('/signup', {
      email,
      password: testPassword,
      displayName: 'Resend Tester',
      region: 'wirral',
      privacyConsent: 'yes',
    })
    const first = (await latestMail(email)).link!
    const resent = await new Visitor().post('/signup/resend', { email })
    expect(resent.status).toBe(200)
    const page = await pageText(resent)
    expect(page).toContain('We have sent the link again.')
    expect(page).toContain(email)
    const second = new URL((await latestMail(email)).link!)
    expect(second.href).not.toBe(first)
    const visitor = new Visitor()
    const confirmed = await visitor.post('/auth/confirm', Object.fromEntries(second.searchParams))
    expect(confirmed.status).toBe(302)
    expect(visitor.isSignedIn()).toBe(true)
  })

  it('answers an address that already has an account with the same page, not an error', async () => {
    const member = await createMember()
    const response = await new Visitor().post('/signup', {
      email: member.email,
      password: testPassword,
      displayName: 'Second Try',
      region: 'halton',
      privacyConsent: 'yes',
    })
    expect(response.status).toBe(200)
    const page = await pageText(response)
    expect(page).toContain('Check your e-mail')
    expect(page).not.toContain('already exists')
  })

  it('keeps what was typed, except the password, and says what is wrong', async () => {
    const email = uniqueEmail()
    const response = await new Visitor().post('/signup', {
      email,
      password: testPassword,
      displayName: 'Second Try',
      region: 'atlantis',
      privacyConsent: 'yes',
    })
    expect(response.status).toBe(400)
    const page = await readPage(response)
    expect(page.text).toContain('Choose where you live from the list.')
    expect(page.field('Your name').value).toBe('Second Try')
    expect(page.field('E-mail address').value).toBe(email)
    expect(page.field('Password').value).toBe('')
    expect(page.source).not.toContain(testPassword)
  })

  it.each(['The Candidate', 'facilitator', 'ADM1N', 'Mod\u200Berator'])(
    'refuses the name %j with a sentence, keeping what was typed, and creates no account',
    async (displayName) => {
      const email = uniqueEmail()
      const visitor = new Visitor()
      const response = await visitor.post('/signup', {
        email,
        password: testPassword,
        displayName,
        region: 'wirral',
        privacyConsent: 'yes',
      })
      expect(response.status).toBe(400)
      const page = await readPage(response)
      expect(page.text).toContain(
        'Choose a name that does not claim a role: the forum itself marks the candidate, facilitators and admins.',
      )
      expect(page.field('Your name').value).toBe(displayName)
      expect(page.field('E-mail address').value).toBe(email)
      expect(page.field('Password').value).toBe('')
      expect(page.source).not.toContain(testPassword)
      const { rows } = await sql().query('select 1 from auth.users where email = $1', [email])
      expect(rows).toHaveLength(0)
    },
  )

  it.each([
    [
      {
        email: 'not-an-email',
        password: testPassword,
        displayName: 'A',
        region: 'wirral',
        privacyConsent: 'yes',
      },
      'Enter an e-mail address like name@example.com.',
    ],
    [
      {
        email: uniqueEmail(),
        password: 'short',
        displayName: 'A',
        region: 'wirral',
        privacyConsent: 'yes',
      },
      'Your password needs at least 8 characters.',
    ],
    [
      {
        email: uniqueEmail(),
        password: testPassword,
        displayName: '  ',
        region: 'wirral',
        privacyConsent: 'yes',
      },
      'Tell us the name to show with your posts.',
    ],
    [
      {
        email: uniqueEmail(),
        password: testPassword,
        displayName: 'A',
        region: 'atlantis',
        privacyConsent: 'yes',
      },
      'Choose where you live from the list.',
    ],
    [{}, 'Enter your e-mail address.'],
  ])('refuses bad input with a clear message and creates nothing: %j', async (fields, message) => {
    const visitor = new Visitor()
    const response = await visitor.post('/signup', fields)
    expect(response.status).toBe(400)
    expect(await pageText(response)).toContain(message)
    expect(visitor.isSignedIn()).toBe(false)
  })
})

describe('sign-in and sign-out', () => {
  it('signs in, then signs out by POST only', async () => {
    const member = await createMember({ displayName: 'Tom Davies' })
    const visitor = new Visitor()
    const signIn = await visitor.post('/signin', {
      email: member.email,
      password: testPassword,
      redirectTo: '/groups',
    })
    expect(signIn.status).toBe(302)
    expect(signIn.headers.get('Location')).toBe('/groups')
    expect(await pageText(await visitor.get('/'))).toContain('Tom Davies')

    const viaGet = await visitor.get('/signout')
    expect(viaGet.status).toBe(302)
    expect(await pageText(await visitor.get('/'))).toContain('Tom Davies')

    const signOut = await visitor.post('/signout', {})
    expect(signOut.status).toBe(302)
    expect(visitor.isSignedIn()).toBe(false)
    const home = await readPage(await visitor.get('/'))
    expect(home.text).not.toContain('Tom Davies')
    expect(home.alerts()).toEqual(['You have signed out.'])
  })

  it('says plainly when the password is wrong, keeping the e-mail address', async () => {
    const member = await createMember()
    const response = await new Visitor().post('/signin', {
      email: member.email,
      password: 'not-the-password',
    })
    expect(response.status).toBe(400)
    const page = await readPage(response)
    expect(page.text).toContain('That e-mail address and password do not match an account.')
    expect(page.field('E-mail address').value).toBe(member.email)
  })

  it('follows only same-site redirects after sign-in', async () => {
    const member = await createMember()
    for (const evil of ['https://evil.example/', '//evil.example/', '/\\evil.example']) {
      const response = await new Visitor().post('/signin', {
        email: member.email,
        password: testPassword,
        redirectTo: evil,
      })
      expect(response.headers.get('Location')).toBe('/')
    }
  })

  it('sends visitors to sign in, and back, from a page that needs an account', async () => {
    const response = await new Visitor().get('/reset-password')
    expect(response.status).toBe(302)
    expect(response.headers.get('Location')).toBe('/signin?redirectTo=%2Freset-password')
  })
})

describe('password reset', () => {
  it('goes from the forgotten-password form through the outbox to a new password', async () => {
    const member = await createMember()
    const visitor = new Visitor()
    const asked = await visitor.post('/forgot-password', { email: member.email })
    expect(asked.status).toBe(200)
    expect(await pageText(asked)).toContain('Check your e-mail')

    const link = new URL((await latestMail(member.email)).link!)
    const landing = await visitor.get(`${link.pathname}${link.search}`)
    expect(landing.status).toBe(200)
    expect(visitor.isSignedIn()).toBe(false)

    const confirmed = await visitor.post('/auth/confirm', Object.fromEntries(link.searchParams))
    expect(confirmed.status).toBe(302)
    expect(confirmed.headers.get('Location')).toBe('/reset-password')

    const mismatch = await visitor.post('/reset-password', {
      password: 'brand-new-secret',
      confirmPassword: 'different',
    })
    expect(mismatch.status).toBe(400)
    expect(await pageText(mismatch)).toContain('The two passwords are not the same.')

    const saved = await visitor.post('/reset-password', {
      password: 'brand-new-secret',
      confirmPassword: 'brand-new-secret',
    })
    expect(saved.status).toBe(302)
    const fresh = await new Visitor().post('/signin', {
      email: member.email,
      password: 'brand-new-secret',
    })
    expect(fresh.status).toBe(302)

    // Posted where the landing page's form posts: the link's own address.
    const again = new Visitor()
    const action = (await readPage(await again.get(`${link.pathname}${link.search}`))).root
      .querySelector('main form')
      ?.getAttribute('action')
    expect(action).toBe(`${link.pathname}${link.search}`)
    const reused = await again.post(action!, Object.fromEntries(link.searchParams))
    expect(reused.status).toBe(400)
    expect(await pageText(reused)).toContain('This link has expired or has already been used.')
  })
})

describe('pages', () => {
  it('answers an unknown address with a 404 page in the layout', async () => {
    const response = await new Visitor().get('/no/such/page')
    expect(response.status).toBe(404)
    const page = await readPage(response)
    expect(page.headings(1)).toEqual([expect.stringContaining('We could not find that page')])
    expect(page.link('Skip to main content').href).toBe('#main')
  })

  it('shows the campaign and its five groups on the home page', async () => {
    const page = await readPage(await new Visitor().get('/'))
    expect(page.text).toContain('Together, we can…')
    const links = page.links().map((link) => link.name)
    for (const name of ['Buses', 'Skills', 'Schools', 'Housing', 'Bridge & tunnel tolls'])
      expect(links).toContainEqual(expect.stringContaining(name))
  })
})
