// Mail settings and the unsubscribe page in the browser: choices saved with the keyboard and
// mouse as a member would, axe-clean, no sideways scrolling at 360 px.
import { expect, it } from 'vitest'
import {
  expectAccessible,
  expectNoSidewaysScroll,
  setUpBrowser,
  signInThroughUi,
  visit,
} from '../support/e2e'
import { createMember } from '../support/members'
import { sql } from '../support/sql'

const openSession = setUpBrowser()

it('a member chooses a weekly digest for group news, and the page says it is saved', async () => {
  const member = await createMember()
  const { page } = await openSession({ width: 360 })
  await signInThroughUi(page, member.email)
  await visit(page, '/settings/mail')
  await expectAccessible(page)
  await expectNoSidewaysScroll(page)
  await page
    .getByRole('group', { name: 'New proposals in my groups' })
    .getByLabel('In a weekly digest')
    .check()
  await page.getByLabel('Day of weekly digests').selectOption('Friday')
  await page.getByRole('button', { name: 'Save my mail settings' }).click()
  await expect.poll(() => page.getByText('Your mail settings have been saved.').count()).toBe(1)
  const { rows } = await sql().query(
    'select group_activity, digest_weekday from public.mail_preferences where user_id = $1',
    [member.id],
  )
  expect(rows[0]).toEqual({ group_activity: 'weekly', digest_weekday: 5 })
})

it('the unsubscribe page turns a kind off without signing in', async () => {
  const member = await createMember()
  const { rows } = await sql().query<{ token: string }>(
    `select private.unsubscribe_token($1, 'replies', now() + interval '1 day') as token`,
    [member.id],
  )
  const { page } = await openSession({ width: 360 })
  await visit(page, `/unsubscribe?token=${rows[0].token}`)
  await expectAccessible(page)
  await expectNoSidewaysScroll(page)
  await page.getByRole('button', { name: 'Turn them off' }).click()
  await expect
    .poll(() => page.getByRole('status').textContent())
    .toBe('You will no longer get e-mails for “Replies and mentions”.')
  await expectAccessible(page)
})
