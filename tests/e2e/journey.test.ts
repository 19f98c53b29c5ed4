// The whole loop in the browser: a member drafts and publishes, the group votes, a
// facilitator shortlists and forwards, the candidate answers, and the member is told.
import { expect, it } from 'vitest'
import { expectAccessible, setUpBrowser, signInThroughUi, visit } from '../support/e2e'
import { addMembership, createGroup } from '../support/groups'
import { createMember, grantSiteRole } from '../support/members'

const openSession = setUpBrowser()

it(
  'member drafts, group votes, facilitator forwards, candidate answers, member is told',
  { timeout: 90_000 },
  async () => {
    const group = await createGroup({ name: `Journey ${crypto.randomUUID().slice(0, 4)}` })
    const author = await createMember({ displayName: 'Jo Journey', region: 'halton' })
    const facilitator = await createMember({ displayName: 'Fran Lead' })
    const candidate = await createMember({ displayName: 'Cass Runner' })
    const voters = await Promise.all(
      ['sefton', 'wirral', 'knowsley'].map((region) => createMember({ region })),
    )
    await addMembership(group, author)
    await addMembership(group, facilitator, { role: 'facilitator' })
    for (const voter of voters) await addMembership(group, voter)
    await grantSiteRole(candidate, 'candidate')
    const title = `Free ferry for carers ${crypto.randomUUID().slice(0, 4)}`

    // The member drafts and publishes.
    const { page } = await openSession()
    await signInThroughUi(page, author.email)
    await page.goto(`/groups/${group.slug}/proposals/new`)
    await page.getByLabel('Title').fill(title)
    await page.getByLabel('Summary').fill('Carers travel free on the Mersey ferry.')
    await page.getByRole('textbox', { name: 'Your proposal' }).click()
    await page.keyboard.type(
      'Unpaid carers save the region millions every year; a free ferry is a small thank-you, and it costs very little.',
    )
    await page.getByRole('button', { name: 'Publish for discussion' }).click()
    await page.getByText('Published.').waitFor()
    const proposalPath = new URL(page.url()).pathname

    // The group votes (in the browser, as each voter would).
    for (const voter of voters) {
      const { page: votePage } = await openSession()
      await signInThroughUi(votePage, voter.email)
      await votePage.goto(proposalPath)
      await votePage.getByRole('button', { name: /^Support/ }).click()
      await votePage.waitForSelector('button[aria-pressed="true"]')
    }

    // The facilitator shortlists and forwards.
    const { page: desk } = await openSession()
    await signInThroughUi(desk, facilitator.email)
    await visit(desk, `/groups/${group.slug}/console`)
    await desk.getByRole('button', { name: `Shortlist “${title}”` }).click()
    await desk.getByText('Shortlisted.').waitFor()
    await desk.getByRole('button', { name: `Forward “${title}”` }).click()
    await desk.getByRole('heading', { name: `Forward “${title}” to the candidate?` }).waitFor()
    await desk.getByRole('button', { name: 'Forward it' }).click()
    await desk.getByText('Forwarded to the candidate.').waitFor()

    // The candidate answers.
    const { page: review } = await openSession()
    await signInThroughUi(review, candidate.email)
    await visit(review, '/review')
    const entry = review.getByRole('article', { name: title })
    expect(await entry.innerText()).toContain('3 support')
    await entry.getByRole('group', { name: 'Decision' }).getByLabel('Adopted').check()
    await entry
      .getByLabel('Public explanation')
      .fill('Adopted: we will fund it from the first year’s budget.')
    await entry.getByRole('button', { name: 'Save the draft and preview it' }).click()
    await review.getByRole('heading', { name: 'Preview your answer' }).waitFor()
    await review.getByRole('button', { name: 'Publish the answer' }).click()
    await review.getByText('Answer published.').waitFor()
    await review
      .getByRole('article', { name: title })
      .getByText('The candidate has adopted this proposal.')
      .waitFor()

    // The member is told, and sees the answer on the proposal page.
    await page.goto('/')
    const nav = page.getByRole('navigation', { name: 'Main' })
    await nav.getByText('unread').waitFor()
    await nav.getByRole('link', { name: /Notifications/ }).click()
    await page.waitForURL('**/notifications')
    await expectAccessible(page)
    const told = page.getByRole('listitem').filter({ hasText: `The candidate adopted “${title}”` })
    await told.first().getByRole('button', { name: /^Open/ }).click()
    await page.waitForURL(`**${proposalPath}`)
    const answer = page.getByRole('region', { name: 'The candidate’s answer' })
    expect(await answer.innerText()).toContain(
      'Adopted: we will fund it from the first year’s budget.',
    )
    await expectAccessible(page)
  },
)
