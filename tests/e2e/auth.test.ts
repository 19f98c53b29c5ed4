// A newcomer's first visit: sign up and confirm the address through the e-mailed link, sign
// out, sign in (wrong password first), and reset a forgotten password through the e-mailed link.
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { expectAccessible, expectNoSidewaysScroll, setUpBrowser, visit } from '../support/e2e'
import { uniqueEmail } from '../support/members'
import { latestMail } from '../support/outbox'

/** Follows the newest link mailed to `email`. The production build has no outbox page: the
 * member opens the link from their e-mail, which the local Auth delivered to the stack's mailbox. */
async function openMailedLink(page: Page, email: string) {
  expect(await page.getByRole('link', { name: 'local outbox' }).count()).toBe(0)
  await page.goto((await latestMail(email)).link!)
  await page.waitForURL('**/auth/confirm**')
}

const openSession = setUpBrowser()

describe('a new member', () => {
  it('signs up, signs out, and signs in again after a wrong password', async () => {
    const { page } = await openSession()
    const email = uniqueEmail('e2e')
    await visit(page, '/')
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Together, we can…')
    await page.getByRole('link', { name: 'Join', exact: true }).click()
    await page.waitForURL('**/signup')
    await expectAccessible(page)

    // A mistake first: the form says what is wrong and keeps what was typed.
    await page.getByLabel('E-mail address').fill(email)
    await page.getByLabel('Password').fill('short')
    await page.getByLabel('Your name').fill('Priya Shah')
    await page.getByLabel('Where you live').selectOption({ label: 'Wirral' })
    await page.getByRole('checkbox', { name: /I agree that my name, what I post/ }).check()
    await page.getByRole('button', { name: 'Create my account' }).click()
    await page.getByText('Your password needs at least 8 characters.').waitFor()
    await expectAccessible(page)
    expect(await page.getByLabel('Your name').inputValue()).toBe('Priya Shah')

    await page.getByLabel('Password').fill('a-good-long-password')
    await page.getByRole('button', { name: 'Create my account' }).click()
    await page.getByRole('heading', { name: 'Check your e-mail' }).waitFor()
    await page.getByText(`We have sent a link to ${email}`).waitFor()
    await expectAccessible(page)
    await openMailedLink(page, email)
    await expectAccessible(page)
    await page.getByRole('button', { name: 'Confirm and sign in' }).click()
    await page.waitForURL('**/groups')
    await page.getByText('Welcome, Priya Shah.').waitFor()
    await expectAccessible(page)
    expect(await page.getByRole('navigation', { name: 'Main' }).innerText()).toContain('Priya Shah')

    await page.getByRole('button', { name: 'Sign out' }).click()
    await page.getByText('You have signed out.').waitFor()
    expect(await page.getByRole('navigation', { name: 'Main' }).innerText()).not.toContain(
      'Priya Shah',
    )

    await page.getByRole('link', { name: 'Sign in' }).click()
    await page.getByLabel('E-mail address').fill(email)
    await page.getByLabel('Password').fill('not-my-password')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page
      .getByRole('alert')
      .getByText('That e-mail address and password do not match an account.')
      .waitFor()
    await expectAccessible(page)
    expect(await page.getByLabel('E-mail address').inputValue()).toBe(email)

    await page.getByLabel('Password').fill('a-good-long-password')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.waitForURL((url) => url.pathname === '/')
    await page.getByRole('navigation', { name: 'Main' }).getByText('Priya Shah').waitFor()
  })

  it('resets a forgotten password through the e-mailed link', async () => {
    const { page } = await openSession()
    const email = uniqueEmail('e2e-reset')
    await page.goto('/signup')
    await page.getByLabel('E-mail address').fill(email)
    await page.getByLabel('Password').fill('first-password-1')
    await page.getByLabel('Your name').fill('Reset Tester')
    await page.getByLabel('Where you live').selectOption({ label: 'Halton' })
    await page.getByRole('checkbox', { name: /I agree that my name, what I post/ }).check()
    await page.getByRole('button', { name: 'Create my account' }).click()
    await page.getByRole('heading', { name: 'Check your e-mail' }).waitFor()
    await openMailedLink(page, email)
    await page.getByRole('button', { name: 'Confirm and sign in' }).click()
    await page.waitForURL('**/groups')
    await page.getByRole('button', { name: 'Sign out' }).click()
    await page.getByText('You have signed out.').waitFor()

    await visit(page, '/signin')
    await page.getByRole('link', { name: 'Forgotten your password?' }).click()
    await page.waitForURL('**/forgot-password')
    await expectAccessible(page)
    await page.getByLabel('E-mail address').fill(email)
    await page.getByRole('button', { name: 'Send me a link' }).click()
    await page.getByRole('heading', { name: 'Check your e-mail' }).waitFor()
    await expectAccessible(page)

    await openMailedLink(page, email)
    await expectAccessible(page)
    await page.getByRole('button', { name: 'Continue' }).click()
    await page.waitForURL('**/reset-password')
    await expectAccessible(page)
    await page.getByLabel('New password').fill('second-password-2')
    await page.getByLabel('Type it again').fill('second-password-2')
    await page.getByRole('button', { name: 'Save my new password' }).click()
    await page.getByText('Your password has been changed.').waitFor()

    await page.getByRole('button', { name: 'Sign out' }).click()
    await page.getByText('You have signed out.').waitFor()
    await page.goto('/signin')
    await page.getByLabel('E-mail address').fill(email)
    await page.getByLabel('Password').fill('second-password-2')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.waitForURL((url) => url.pathname === '/')
  })

  it('sees a 404 page for an address that does not exist', async () => {
    const { page } = await openSession()
    const response = await page.goto('/no-such-page')
    expect(response?.status()).toBe(404)
    await page.getByRole('heading', { name: 'We could not find that page' }).waitFor()
    await expectAccessible(page)
  })

  it('can use the site at 360 px wide', async () => {
    const { page } = await openSession({ width: 360 })
    for (const path of [
      '/',
      '/groups',
      '/groups/buses',
      '/search',
      '/signup',
      '/signin',
      '/forgot-password',
    ]) {
      await visit(page, path)
      await expectNoSidewaysScroll(page)
    }
  })
})
