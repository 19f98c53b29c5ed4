// Live updates in the browser: two members on one proposal see each other's comments and
// votes without reloading, a member's half-typed comment survives, and the header's unread
// count follows new notifications.
import { describe, expect, it } from 'vitest'
import { expectAccessible, setUpBrowser, signInThroughUi, visit } from '../support/e2e'
import { addMembership, createGroup } from '../support/groups'
import { createMember } from '../support/members'
import { createProposal } from '../support/proposals'

const openSession = setUpBrowser()

describe('a proposal page, live', () => {
  it('shows another member’s comment and vote without a reload, keeping what the reader types', async () => {
    const group = await createGroup({ name: `Live e2e ${crypto.randomUUID().slice(0, 4)}` })
    const author = await createMember({ displayName: 'Lena Author' })
    const member = await createMember({ displayName: 'Omar Member', region: 'wirral' })
    await addMembership(group, author)
    await addMembership(group, member)
    const proposal = await createProposal(author, group, {
      publish: true,
      title: 'Night buses to the hospitals',
    })
    const path = `/groups/${group.slug}/proposals/${proposal.id}`

    const reader = await openSession()
    await signInThroughUi(reader.page, author.email)
    await visit(reader.page, path)
    await reader.page.locator('[data-live="joined"]').waitFor()
    // Navigations in this page must not happen: the test marks the window and checks it later.
    await reader.page.evaluate(() => ((window as unknown as { marked: boolean }).marked = true))
    await reader.page.getByLabel('Add to the discussion').fill('Half a thought about shifts')

    const writer = await openSession()
    await signInThroughUi(writer.page, member.email)
    await visit(writer.page, path)
    await writer.page
      .getByLabel('Add to the discussion')
      .fill('Nurses on late shifts need these buses.')
    await writer.page.getByRole('button', { name: 'Post comment' }).click()
    await writer.page.getByRole('article', { name: 'Comment by Omar Member' }).waitFor()

    await reader.page.getByRole('article', { name: 'Comment by Omar Member' }).waitFor()
    await reader.page
      .getByRole('status')
      .filter({ hasText: 'A new comment was added while you were reading.' })
      .waitFor()
    expect(await reader.page.getByLabel('Add to the discussion').inputValue()).toBe(
      'Half a thought about shifts',
    )
    expect(await reader.page.getByRole('heading', { name: 'Discussion (1)' }).count()).toBe(1)

    await writer.page.getByRole('button', { name: /^Support/ }).click()
    await expect
      .poll(() => reader.page.locator('[aria-labelledby="vote-heading"]').innerText(), {
        timeout: 10_000,
      })
      .toMatch(/1 support · 0 oppose/)
    expect(
      await reader.page.evaluate(() => (window as unknown as { marked?: boolean }).marked),
    ).toBe(true)
    // The comment told the author: the header's unread count went up without a reload.
    await reader.page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: /Notifications\s*1\s*unread/ })
      .waitFor()
    await expectAccessible(reader.page)
  })
})

describe('a group page, live', () => {
  it('counts proposals published while a member reads the list, and shows them when asked', async () => {
    const group = await createGroup({ name: `Live list ${crypto.randomUUID().slice(0, 4)}` })
    const [reader, writer] = await Promise.all([
      createMember({ displayName: 'Rita Reader' }),
      createMember({ displayName: 'Wes Writer' }),
    ])
    await addMembership(group, reader)
    await addMembership(group, writer)
    const { page } = await openSession()
    await signInThroughUi(page, reader.email)
    await visit(page, `/groups/${group.slug}`)
    await page.locator('[data-live="joined"]').waitFor({ state: 'attached' })

    await createProposal(writer, group, {
      publish: true,
      title: 'Step-free access at every station',
    })
    await createProposal(writer, group, { publish: true, title: 'Buses that wait for the ferry' })
    const show = page.getByRole('button', { name: '2 new proposals — show' })
    await show.waitFor()
    // Not slipped into the list under the reader's eyes.
    expect(await page.getByText('Step-free access at every station').count()).toBe(0)
    await expectAccessible(page)
    await show.click()
    await page.getByRole('link', { name: 'Step-free access at every station' }).waitFor()
    expect(await page.getByRole('button', { name: /new proposals? — show/ }).count()).toBe(0)
  })
})
