// Sharing a proposal in the browser: with JavaScript, one button copies the address (this
// headless Chromium has no share sheet); without it, the links and the address are there.
import { expect, it } from 'vitest'
import { appUrl, expectAccessible, setUpBrowser, visit } from '../support/e2e'
import { addMembership, createGroup } from '../support/groups'
import { createMember } from '../support/members'
import { createProposal } from '../support/proposals'

const openSession = setUpBrowser()

async function publishedProposal() {
  const group = await createGroup()
  const author = await createMember()
  await addMembership(group, author)
  const proposal = await createProposal(author, group, { publish: true, title: 'Fares that fit' })
  return `/groups/${group.slug}/proposals/${proposal.id}`
}

it('copies the proposal’s address with one button', async () => {
  const path = await publishedProposal()
  const { context, page } = await openSession()
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: new URL(appUrl()).origin,
  })
  await visit(page, path)
  const share = page.getByRole('region', { name: 'Share this proposal' })
  await share.getByRole('button', { name: 'Copy link' }).click()
  await expect.poll(() => share.getByRole('status').textContent()).toBe('Link copied.')
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(appUrl(path))
  await expectAccessible(page)
})

it('offers the links and the address without JavaScript', async () => {
  const path = await publishedProposal()
  const { page } = await openSession({ javaScriptEnabled: false, width: 360 })
  // (axe needs JavaScript: the page is checked with it above.)
  expect((await page.goto(path))?.status()).toBe(200)
  const share = page.getByRole('region', { name: 'Share this proposal' })
  const facebook = await share
    .getByRole('link', { name: /Facebook/ })
    .getAttribute('href', { timeout: 5000 })
  expect(facebook).toContain(encodeURIComponent(appUrl(path)))
  expect(await share.getByLabel('Link to this proposal').inputValue({ timeout: 5000 })).toBe(
    appUrl(path),
  )
  expect(await share.getByRole('button').count()).toBe(0)
})
