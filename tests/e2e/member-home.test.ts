// The member's home and the phone layout, in the browser: signed in, the front page leads with
// the member's own groups and drafts, at desktop width and at 360 px, axe clean and without
// sideways scrolling; on a phone a proposal's title is on the first screen (360 × 740).
import { expect, it } from 'vitest'
import {
  expectAccessible,
  expectNoSidewaysScroll,
  setUpBrowser,
  signInThroughUi,
  visit,
} from '../support/e2e'
import { addMembership, createGroup } from '../support/groups'
import { createMember } from '../support/members'
import { createProposal } from '../support/proposals'

const openSession = setUpBrowser()

it('leads a signed-in member with their groups and drafts, at 1280 and 360 px', async () => {
  const group = await createGroup()
  const member = await createMember()
  await addMembership(group, member)
  const draft = await createProposal(member, group, { title: 'Buses that wait for the ferry' })
  for (const width of [1280, 360]) {
    const { page } = await openSession({ width })
    await signInThroughUi(page, member.email)
    await visit(page, '/')
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe(`Welcome back, ${member.displayName}`)
    const groups = page.getByRole('region', { name: 'Your groups' })
    await groups.getByRole('link', { name: group.name }).waitFor()
    const drafts = page.getByRole('region', { name: 'Your drafts' })
    await drafts.getByRole('link', { name: draft.title }).click()
    await page.waitForURL(`**/groups/${group.slug}/proposals/${draft.id}`)
    if (width === 360) {
      await page.goto('/')
      await expectNoSidewaysScroll(page)
      // The main navigation is one row that scrolls sideways; every link stays reachable.
      await page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('button', { name: 'Sign out' })
        .waitFor()
    }
  }
})

it('shows a proposal’s title on the first screen of a phone, with the group as a compact bar', async () => {
  const group = await createGroup()
  const [author, reader] = await Promise.all([createMember(), createMember()])
  await addMembership(group, author)
  await addMembership(group, reader)
  const proposal = await createProposal(author, group, {
    publish: true,
    title: 'Half fares for apprentices on every bus',
  })
  const { page } = await openSession({ width: 360 })
  await page.setViewportSize({ width: 360, height: 740 })
  await signInThroughUi(page, reader.email)
  await page.goto(`/groups/${group.slug}/proposals/${proposal.id}`)
  const title = page.getByRole('heading', { name: proposal.title })
  const box = await title.boundingBox()
  expect(box, 'the title is laid out').not.toBeNull()
  // Before the compact bars it started near the bottom of the screen; now in its top half.
  expect(box!.y + box!.height).toBeLessThan(740 / 2)
  // The group's page itself still shows its banner.
  await page.goto(`/groups/${group.slug}`)
  await page.getByText(group.name).first().waitFor()
  await expectNoSidewaysScroll(page)
  await expectAccessible(page)
})
