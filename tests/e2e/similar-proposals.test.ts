// Drafting a proposal whose title is like an existing one: "Publish" shows that one first,
// (as the title is typed, and again on Publish), and the member supports it instead (checked with axe, at desktop width and at 360 px).
import { describe, expect, it } from 'vitest'
import {
  expectAccessible,
  expectNoSidewaysScroll,
  setUpBrowser,
  signInThroughUi,
} from '../support/e2e'
import { addMembership, createGroup } from '../support/groups'
import { createMember } from '../support/members'
import { createProposal } from '../support/proposals'

const openSession = setUpBrowser()

describe('similar proposals before publishing', () => {
  for (const width of [1280, 360]) {
    it(`shows the similar proposal first and lets the member support it instead (${width} px)`, async () => {
      const group = await createGroup()
      const author = await createMember({ displayName: 'Omar Original' })
      const drafter = await createMember({ displayName: 'Dana Drafter' })
      await addMembership(group, author)
      await addMembership(group, drafter)
      const existing = await createProposal(author, group, {
        publish: true,
        title: 'Step-free access at every station',
      })
      const { page } = await openSession({ width })
      await signInThroughUi(page, drafter.email)
      await page.goto(`/groups/${group.slug}/proposals/new`)
      const editor = page.getByRole('textbox', { name: 'Your proposal' })
      await editor.waitFor()
      await page.waitForLoadState('networkidle')
      await page.getByLabel('Title').fill('Step-free access at all stations')
      // While typing, the form already shows it, linking to it in a new tab.
      await page
        .getByRole('heading', { name: 'A proposal in this group looks like yours' })
        .waitFor()
      expect(
        await page
          .getByRole('link', { name: `${existing.title} (opens in a new tab)` })
          .getAttribute('href'),
      ).toBe(`/groups/${group.slug}/proposals/${existing.id}`)
      await expectAccessible(page)
      await page.getByLabel('Summary').fill('Lifts and ramps at every station in the region.')
      await editor.click()
      await page.keyboard.type(
        'Lifts and ramps so everyone can use the trains: wheelchair users, parents with buggies, travellers with cases.',
      )
      await page.getByRole('button', { name: 'Publish for discussion' }).click()
      await page.waitForURL('**/publish')
      await page.getByText('Before you publish it, look at these similar proposals.').waitFor()
      await expectAccessible(page)
      await expectNoSidewaysScroll(page)
      const similar = page.locator('ol[aria-label="Similar proposals, most similar first"] > li')
      expect(await similar.first().innerText()).toContain(existing.title)
      await page
        .getByRole('button', { name: `Support this one instead: ${existing.title}` })
        .click()
      await page.getByText(`You support “${existing.title}”.`).waitFor()
      await expectAccessible(page)
      expect(new URL(page.url()).pathname).toBe(`/groups/${group.slug}/proposals/${existing.id}`)
    })
  }
})
