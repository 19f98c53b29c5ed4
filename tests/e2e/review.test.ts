// The candidate's review in the browser: filter the list, draft an answer to a forwarded
// proposal, preview it as the public will see it, publish it, find it under Answered and on
// its page, and print the list — with axe on every page, at 1280 and 360 px.
import { describe, expect, it } from 'vitest'
import { expectAccessible, setUpBrowser, signInThroughUi, visit } from '../support/e2e'
import { createWorld, statusOf } from '../support/lifecycle'
import { answerAs, arrangeReviewProposal, castVotes, createVoters } from '../support/review'

const openSession = setUpBrowser()

describe('the candidate’s review in the browser', () => {
  it('filters, answers, finds the answer under Answered and on the proposal page, and prints', async () => {
    const world = await createWorld()
    const proposal = await arrangeReviewProposal(world, {
      title: `Bus lanes on every main road ${crypto.randomUUID().slice(0, 4)}`,
      summary: 'Faster buses where most people travel.',
    })
    const other = await arrangeReviewProposal(world, { title: 'Also with the candidate' })
    const [wirral] = await createVoters(['wirral'])
    await castVotes(proposal.id, [[wirral, 1]])

    const { page } = await openSession()
    await signInThroughUi(page, world.candidate.email)
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Review' })
      .click()
    await page.waitForURL('**/review')
    await expectAccessible(page)

    const filters = page.getByRole('form', { name: 'Filter proposals' })
    await filters.getByLabel('Group').selectOption(world.group.slug)
    await filters.getByLabel('Supported in').selectOption('wirral')
    await filters.getByRole('button', { name: 'Show' }).click()
    await page.waitForURL((url) => url.searchParams.get('borough') === 'wirral')
    await page.getByText('1 proposal, most supported in Wirral first').waitFor()
    await expectAccessible(page)
    await page.getByRole('link', { name: 'Unites the region' }).click()
    await page.waitForURL((url) => url.searchParams.get('sort') === 'region')

    const entry = page.getByRole('article', { name: proposal.title })
    // One voter in Wirral: the review, like every page, does not show how they voted.
    expect(await entry.innerText()).toContain('fewer than 5 votes')
    expect(await entry.getByRole('button', { name: 'Publish the answer' }).count()).toBe(0)
    await entry.getByRole('button', { name: 'Save the draft and preview it' }).click()
    await entry.getByText('Choose a decision.').waitFor()
    await entry.getByText('Write a public explanation of your decision.').waitFor()
    await expectAccessible(page)

    await entry.getByRole('group', { name: 'Decision' }).getByLabel('Adopted').check()
    await entry
      .getByLabel('Public explanation')
      .fill('We will start with the busiest corridors.\n\nWork begins next spring.')
    await entry.getByRole('button', { name: 'Save the draft and preview it' }).click()
    await page.waitForURL(`**/review/answers/${proposal.id}`)
    await page.getByText('Draft saved. Nobody else can see it').waitFor()
    const preview = page.getByRole('region', {
      name: 'As the public will see it on the proposal page',
    })
    await preview.getByText('The candidate has adopted this proposal.').waitFor()
    await preview.getByText('Work begins next spring.').waitFor()
    expect(await statusOf(proposal.id)).toBe('forwarded')
    await expectAccessible(page)
    if (process.env.SCREENSHOTS)
      await page.screenshot({ path: 'screenshots/after-preview-desktop.png', fullPage: true })
    await page.setViewportSize({ width: 360, height: 740 })
    await expectAccessible(page)
    if (process.env.SCREENSHOTS)
      await page.screenshot({ path: 'screenshots/after-preview-mobile.png', fullPage: true })
    await page.setViewportSize({ width: 1280, height: 800 })
    await page.getByRole('button', { name: 'Publish the answer' }).click()
    await page.getByText('Answer published.').waitFor()
    expect(await statusOf(proposal.id)).toBe('adopted')
    // Published, it waits no more: the page is now the Answered list.
    await page.waitForURL((url) => url.searchParams.get('tab') === 'answered')
    await expectAccessible(page)
    const answered = page.getByRole('article', { name: proposal.title })
    await answered.getByText('The candidate has adopted this proposal.').waitFor()
    await answered.getByText('Correct the answer').click()
    expect(await answered.getByLabel('Public explanation').inputValue()).toContain(
      'Work begins next spring.',
    )
    await expectAccessible(page)

    await answered.getByRole('link', { name: proposal.title }).click()
    await page.waitForURL(`**/proposals/${proposal.id}`)
    // The address changes a moment before the proposal page replaces the list, which has an
    // answer region per proposal: wait until the page holds one.
    const answer = page.getByRole('region', { name: 'The candidate’s answer' })
    await expect.poll(() => answer.count()).toBe(1)
    await answer.getByText('We will start with the busiest corridors.').waitFor()
    expect(await answer.innerText()).toContain(`Answered by ${world.candidate.displayName} on`)
    await expectAccessible(page)

    await answerAs(world.candidate, other.id, 'declined', 'Not this term.')
    await visit(page, `/review?tab=answered&group=${world.group.slug}`)
    await page.getByRole('link', { name: 'Print view' }).click()
    await page.waitForURL(`**/review/print?status=answered&group=${world.group.slug}`)
    await expectAccessible(page)
    await page.getByRole('heading', { name: proposal.title }).waitFor()
    await page.emulateMedia({ media: 'print' })
    expect(await page.getByRole('banner').isVisible()).toBe(false)
    expect(await page.getByRole('contentinfo').isVisible()).toBe(false)
    // Each proposal after the first starts a new printed page.
    const breaks = await page.$$eval('main article', (articles) =>
      articles.map((a) => getComputedStyle(a).breakBefore),
    )
    expect(breaks).toEqual(['auto', 'page'])
  })

  it('answers with JavaScript turned off, keeping the text when it is refused', async () => {
    const world = await createWorld()
    const proposal = await arrangeReviewProposal(world, {
      title: `Cheaper tolls ${crypto.randomUUID().slice(0, 4)}`,
    })
    const { page } = await openSession({ javaScriptEnabled: false })
    await signInThroughUi(page, world.candidate.email)
    await page.goto(`/review?group=${world.group.slug}`)
    const entry = page.getByRole('article', { name: proposal.title })
    await entry.getByLabel('Public explanation').fill('Words I do not want to lose.')
    // The browser would refuse to send without a decision; the server must say so too.
    await entry.locator('form').evaluate((form: HTMLFormElement) => (form.noValidate = true))
    await entry.getByRole('button', { name: 'Save the draft and preview it' }).click()
    await page.getByText('Choose a decision.').waitFor()
    const again = page.getByRole('article', { name: proposal.title })
    expect(await again.getByLabel('Public explanation').inputValue()).toBe(
      'Words I do not want to lose.',
    )
    await again.getByLabel('Under consideration').check()
    await again.getByRole('button', { name: 'Save the draft and preview it' }).click()
    await page.waitForURL(`**/review/answers/${proposal.id}`)
    await page.getByText('Words I do not want to lose.').first().waitFor()
    expect(await statusOf(proposal.id)).toBe('forwarded')
    await page.getByRole('button', { name: 'Publish the answer' }).click()
    await page.getByText('Answer published.').waitFor()
    expect(await statusOf(proposal.id)).toBe('considering')
  })
})
