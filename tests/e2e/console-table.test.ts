// A facilitator works through a crowded group in the console: filters, searches, selects
// and bulk-shortlists, and is returned to the same place in the list — on a 1280 px screen
// and a 360 px phone, with JavaScript and without.
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import {
  expectAccessible,
  expectNoSidewaysScroll,
  setUpBrowser,
  signInThroughUi,
  visit,
} from '../support/e2e'
import { arrangeProposals, createWorld, statusOf } from '../support/lifecycle'
import { createProposal } from '../support/proposals'
import { sql } from '../support/sql'

const openSession = setUpBrowser()

/** 40 open proposals, two of them (and the facilitator's own) about Skelmersdale. */
async function crowdedGroup() {
  const world = await createWorld()
  const proposals = await arrangeProposals(world, Array<'open'>(40).fill('open'))
  const [first, second] = [proposals[5], proposals[30]]
  await sql().query(
    `update public.proposals set title = 'Skelmersdale rail ' || title where id = any($1)`,
    [[first.id, second.id]],
  )
  first.title = `Skelmersdale rail ${first.title}`
  second.title = `Skelmersdale rail ${second.title}`
  const own = await createProposal(world.facilitator, world.group, {
    publish: true,
    title: 'Skelmersdale buses, my own idea',
  })
  return { world, first, second, own, console: `/groups/${world.group.slug}/console` }
}

async function findSkelmersdale(page: Page) {
  await page.getByLabel('Search titles').fill('Skelmersdale')
  await page.getByLabel('Status').selectOption('open')
  await page.getByRole('button', { name: 'Show', exact: true }).click()
  await page.waitForURL(/q=Skelmersdale/)
  expect(new URL(page.url()).searchParams.get('status')).toBe('open')
  await page.getByText('Page 1 of 1 · 3 proposals').waitFor()
}

describe('the console’s table in the browser', () => {
  it.each([1280, 360])(
    'at %i px a facilitator filters, searches and bulk-shortlists, and stays in place',
    async (width) => {
      const { world, first, second, own, console } = await crowdedGroup()
      const { page } = await openSession({ width })
      await signInThroughUi(page, world.facilitator.email)
      await visit(page, console)
      await expectNoSidewaysScroll(page)
      await findSkelmersdale(page)
      await expectAccessible(page)
      await expectNoSidewaysScroll(page)
      await page.getByText('Yours: another facilitator decides').waitFor()

      await page.getByText('What “Top” and “Unites the region” mean').click()
      await page.getByText('the lowest share it could plausibly be').waitFor()

      await page.getByRole('checkbox', { name: `Select “${first.title}”` }).check()
      await page.getByRole('checkbox', { name: `Select “${own.title}”` }).check()
      await page.getByRole('button', { name: 'Shortlist the selected' }).click()
      await page.getByText('1 shortlisted.').waitFor()
      await page.getByText(`Not shortlisted: “${own.title}”`, { exact: false }).waitFor()
      const url = new URL(page.url())
      expect(url.searchParams.get('q')).toBe('Skelmersdale')
      expect(url.searchParams.get('status')).toBe('open')
      expect(url.hash).toBe('#proposals-heading')
      // Shortlisted, it leaves the open filter; the others stay.
      await page.getByText('Page 1 of 1 · 2 proposals').waitFor()
      expect(await page.getByRole('link', { name: second.title }).count()).toBe(1)
      expect(await statusOf(first.id)).toBe('shortlisted')
      expect(await statusOf(own.id)).toBe('open')
      await expectAccessible(page)
      await expectNoSidewaysScroll(page)

      // With JavaScript, one box ticks the whole page.
      await page.getByRole('checkbox', { name: 'All on this page' }).check()
      expect(
        await page.getByRole('checkbox', { name: `Select “${second.title}”` }).isChecked(),
      ).toBe(true)
      await page.getByRole('checkbox', { name: 'All on this page' }).uncheck()

      // One row's own act returns to the same place, at the row.
      await page.getByRole('button', { name: `Shortlist “${second.title}”` }).click()
      await page.getByText('Shortlisted.', { exact: true }).waitFor()
      expect(new URL(page.url()).searchParams.get('q')).toBe('Skelmersdale')
      expect(new URL(page.url()).hash).toBe(`#proposal-${second.id}`)
    },
  )

  it(
    'works without JavaScript: search, select, archive with a reason after a second step',
    { timeout: 60_000 },
    async () => {
      const { world, first, own, console } = await crowdedGroup()
      const { page } = await openSession({ javaScriptEnabled: false, width: 360 })
      await signInThroughUi(page, world.facilitator.email)
      // (axe needs JavaScript: the same pages are checked with it above.)
      await page.goto(console)
      await findSkelmersdale(page)
      await page.getByRole('checkbox', { name: `Select “${first.title}”` }).check()
      await page.getByRole('button', { name: 'Archive the selected…' }).click()
      await page.getByRole('heading', { name: 'Archive 1 proposal?' }).waitFor()
      await expectNoSidewaysScroll(page)
      await page.getByLabel('Public reason for archiving').fill('The rail plan already covers it.')
      await page.getByRole('button', { name: 'Archive it' }).click()
      await page.getByText('1 archived.').waitFor()
      expect(new URL(page.url()).searchParams.get('q')).toBe('Skelmersdale')
      expect(await statusOf(first.id)).toBe('archived')
      expect(await statusOf(own.id)).toBe('open')
      await expectNoSidewaysScroll(page)
    },
  )
})
