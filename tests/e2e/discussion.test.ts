// Discussing and voting in the browser, with JavaScript (optimistic votes, comments without
// a reload) and without it.
import { describe, expect, it } from 'vitest'
import { expectAccessible, setUpBrowser, signInThroughUi, visit } from '../support/e2e'
import { addMembership, createGroup } from '../support/groups'
import { createMember } from '../support/members'
import { createProposal, proposalRow } from '../support/proposals'

const openSession = setUpBrowser()

async function discussedProposal() {
  const group = await createGroup({ name: `Discussion e2e ${crypto.randomUUID().slice(0, 4)}` })
  const author = await createMember({ displayName: 'Paula Proposer' })
  const member = await createMember({ displayName: 'Dev Discusser', region: 'st-helens' })
  await addMembership(group, author)
  await addMembership(group, member)
  const proposal = await createProposal(author, group, {
    publish: true,
    title: 'Free buses for under-18s',
  })
  return { group, author, member, proposal, path: `/groups/${group.slug}/proposals/${proposal.id}` }
}

describe('discussion in the browser', () => {
  it('votes, changes and withdraws a vote; comments, replies, edits and deletes', async () => {
    const { member, proposal, path } = await discussedProposal()
    const { page } = await openSession()
    await signInThroughUi(page, member.email)
    await visit(page, path)

    const support = page.getByRole('button', { name: /^Support/ })
    const oppose = page.getByRole('button', { name: /^Oppose/ })
    // Wait for the page to run its JavaScript (the vote panel then counts votes in place).
    await page.locator('input[name="inPlace"]').first().waitFor({ state: 'attached' })
    await support.scrollIntoViewIfNeeded()
    const scrolled = await page.evaluate(() => window.scrollY)
    // After the vote the page reloads its data (a GET for the route's loader).
    const reloaded = page.waitForResponse(
      (r) =>
        r.request().method() === 'GET' &&
        r.url().includes('_data=routes%2Fgroups.%24slug.proposals.%24id'),
    )
    await support.click()
    await page.waitForFunction(() =>
      document.querySelector('button[aria-pressed="true"]')?.textContent?.startsWith('Support'),
    )
    await expect.poll(async () => (await proposalRow(proposal.id)).support_count).toBe(1)
    // The vote is counted in place: the page does not jump away from the button pressed.
    await reloaded
    await page.waitForFunction(() => new Promise((done) => requestAnimationFrame(() => done(true))))
    expect(await page.evaluate(() => window.scrollY)).toBe(scrolled)
    expect(await page.getByText('St Helens').count()).toBeGreaterThan(0)
    await oppose.click()
    await expect.poll(async () => (await proposalRow(proposal.id)).oppose_count).toBe(1)
    expect((await proposalRow(proposal.id)).support_count).toBe(0)
    // Withdrawing is a click on the pressed button: wait until the page shows it pressed.
    await page.waitForFunction(() =>
      document.querySelector('button[aria-pressed="true"]')?.textContent?.startsWith('Oppose'),
    )
    await page.getByRole('button', { name: /^Oppose/ }).click()
    await expect.poll(async () => (await proposalRow(proposal.id)).oppose_count).toBe(0)
    await expectAccessible(page)

    await page
      .getByLabel('Add to the discussion')
      .fill('Teenagers need to get to college and work.')
    await page.getByRole('radio', { name: 'For' }).check()
    await page.getByRole('button', { name: 'Post comment' }).click()
    const comment = page.getByRole('article', { name: 'Comment by Dev Discusser' })
    await comment.waitFor()
    expect(await page.getByLabel('Add to the discussion').inputValue()).toBe('')
    expect(await comment.innerText()).toContain('For')

    await comment.getByRole('link', { name: /Reply/ }).click()
    await page.getByLabel('Reply to Dev Discusser').fill('And to sports clubs in the evening.')
    await page.getByRole('button', { name: 'Post reply' }).click()
    await page.getByText('And to sports clubs in the evening.').waitFor()
    await expectAccessible(page)

    await page
      .getByRole('article', { name: 'Comment by Dev Discusser' })
      .first()
      .getByRole('link', { name: /Edit/ })
      .click()
    await page
      .getByLabel('Edit your comment')
      .fill('Teenagers need to get to college, work and training.')
    await page.getByRole('button', { name: 'Save comment' }).click()
    await page.getByText('Teenagers need to get to college, work and training.').waitFor()
    expect(await page.getByText('(edited)').count()).toBe(1)

    await page
      .getByRole('article', { name: 'Comment by Dev Discusser' })
      .first()
      .getByRole('button', { name: /Delete/ })
      .click()
    await page.getByText('This comment was deleted by its author.').waitFor()
    await page.getByText('And to sports clubs in the evening.').waitFor()
    await expectAccessible(page)
  })

  it('says how much room is left, and keeps a pasted comment that is too long whole', async () => {
    const { member, path } = await discussedProposal()
    const { page } = await openSession()
    await signInThroughUi(page, member.email)
    await visit(page, path)
    const box = page.getByLabel('Add to the discussion')
    const count = page.locator('#new-comment-count')
    await expect.poll(() => count.textContent()).toBe('5,000 of 5,000 characters left.')
    await box.fill('Buses at night.')
    await expect.poll(() => count.textContent()).toBe('4,985 of 5,000 characters left.')
    const pasted = 'A long account of the route. '.repeat(190)
    await box.fill(pasted)
    expect(await box.inputValue()).toBe(pasted)
    await expect
      .poll(() => count.textContent())
      .toBe(`${pasted.length - 5000} characters too many: the limit is 5,000.`)
    await page.getByRole('button', { name: 'Post comment' }).click()
    await page.getByText('Keep a comment to 5,000 characters.').waitFor()
    expect(await box.inputValue()).toBe(pasted)
    await expectAccessible(page)
  })

  it('votes and comments with JavaScript turned off', async () => {
    const { member, proposal, path } = await discussedProposal()
    const { page } = await openSession({ javaScriptEnabled: false })
    await signInThroughUi(page, member.email)
    await page.goto(path)
    await page.getByRole('button', { name: /^Support/ }).click()
    await page.getByText('1 support').first().waitFor()
    expect((await proposalRow(proposal.id)).support_count).toBe(1)
    await page.getByLabel('Add to the discussion').fill('Works without scripts too.')
    await page.getByRole('button', { name: 'Post comment' }).click()
    await page.getByText('Works without scripts too.').waitFor()
    expect((await proposalRow(proposal.id)).comment_count).toBe(1)
  })

  it('sorts the group page by each ranking', async () => {
    const { group } = await discussedProposal()
    const { page } = await openSession()
    await visit(page, `/groups/${group.slug}`)
    for (const name of ['Rising', 'New', 'Most discussed', 'Unites the region', 'Top']) {
      await page.getByRole('link', { name, exact: true }).click()
      await page.waitForURL(
        (url) =>
          url.searchParams.get('sort') !== null &&
          url.searchParams.get('sort') !== (name === 'Top' ? 'region' : ''),
      )
      await page.waitForSelector(`a[aria-current="true"]:text-is("${name}")`)
      expect(await page.getByRole('link', { name, exact: true }).getAttribute('aria-current')).toBe(
        'true',
      )
    }
    await expectAccessible(page)
  })
})
