// Facilitators in the browser: shortlisting and forwarding from the console, and a reported
// comment hidden with a public reason.
import { describe, expect, it } from 'vitest'
import {
  expectAccessible,
  expectNoSidewaysScroll,
  setUpBrowser,
  signInThroughUi,
  visit,
} from '../support/e2e'
import { addMembership, createGroup } from '../support/groups'
import { createMember } from '../support/members'
import { createProposal, proposalRow } from '../support/proposals'

const openSession = setUpBrowser()

describe('facilitators in the browser', () => {
  it('shortlist a proposal and forward the shortlist to the candidate', async () => {
    const group = await createGroup({ name: `Console e2e ${crypto.randomUUID().slice(0, 4)}` })
    const facilitator = await createMember({ displayName: 'Flo Lead' })
    const author = await createMember()
    await addMembership(group, facilitator, { role: 'facilitator' })
    await addMembership(group, author)
    const proposal = await createProposal(author, group, {
      publish: true,
      title: 'Tram-train to Skelmersdale',
    })

    const { page } = await openSession()
    await signInThroughUi(page, facilitator.email)
    await visit(page, `/groups/${group.slug}`)
    await page.getByRole('link', { name: 'Facilitator console' }).click()
    await page.waitForURL('**/console')
    await expectAccessible(page)
    await page
      .getByRole('textbox', { name: 'Group summary' })
      .fill('We forward our shortlist on the first Monday of the month.')
    await page.getByRole('button', { name: 'Save the summary' }).click()
    await page.getByText('The group summary is updated.').waitFor()
    await page.getByRole('button', { name: 'Shortlist “Tram-train to Skelmersdale”' }).click()
    await page.getByText('Shortlisted.').waitFor()
    await page.getByRole('button', { name: 'Forward the shortlist to the candidate' }).click()
    await page.getByRole('heading', { name: 'Forward the shortlist to the candidate?' }).waitFor()
    expect(
      await page
        .getByRole('heading', { name: 'Forward the shortlist to the candidate?' })
        .evaluate((h) => h === document.activeElement),
    ).toBe(true)
    await expectAccessible(page)
    await page
      .getByLabel('Cover note to the candidate (optional)')
      .fill('The Skelmersdale link came up at every meeting.')
    await page.getByRole('button', { name: 'Forward the shortlist', exact: true }).click()
    await page.getByText('1 proposal forwarded to the candidate.').waitFor()
    await expectAccessible(page)
    expect((await proposalRow(proposal.id)).status).toBe('forwarded')
    await visit(page, `/groups/${group.slug}`)
    await page.getByText('We forward our shortlist on the first Monday of the month.').waitFor()

    // The same pages fit a 360 px phone.
    const { page: phone } = await openSession({ width: 360 })
    await signInThroughUi(phone, facilitator.email)
    for (const path of [
      `/groups/${group.slug}`,
      `/groups/${group.slug}/console`,
      `/groups/${group.slug}/proposals/${proposal.id}`,
      '/notifications',
      '/settings',
    ]) {
      await phone.goto(path)
      await expectNoSidewaysScroll(phone)
    }
  })

  it('a member reports a comment and a facilitator hides it with a public reason', async () => {
    const group = await createGroup({ name: `Flags e2e ${crypto.randomUUID().slice(0, 4)}` })
    const facilitator = await createMember({ displayName: 'Hal Lead' })
    const author = await createMember({ displayName: 'Troll Poster' })
    const reporter = await createMember({ displayName: 'Rae Reporter' })
    for (const m of [author, reporter]) await addMembership(group, m)
    await addMembership(group, facilitator, { role: 'facilitator' })
    const proposal = await createProposal(author, group, { publish: true })
    await author.client
      .from('comments')
      .insert({ proposal_id: proposal.id, body: 'An insult to everyone here' })
    const path = `/groups/${group.slug}/proposals/${proposal.id}`

    const { page } = await openSession()
    await signInThroughUi(page, reporter.email)
    await visit(page, path)
    await page.getByRole('link', { name: 'Report this comment by Troll Poster' }).click()
    const report = page.getByRole('group', {
      name: 'Why are you reporting this comment by Troll Poster?',
    })
    await report.getByLabel('Abuse, harassment or hate').check()
    await page.getByLabel('What is wrong with it').fill('Insulting other members')
    await expectAccessible(page)
    await page.getByRole('button', { name: 'Send the report' }).click()
    await page.getByText('The group’s facilitators will look at it.').waitFor()

    const { page: desk } = await openSession()
    await signInThroughUi(desk, facilitator.email)
    await visit(desk, `/groups/${group.slug}/console`)
    await desk.getByText('Insulting other members').waitFor()
    await desk.getByLabel('Public reason for hiding').fill('Insults break the house rules')
    await desk.getByRole('button', { name: 'Hide…' }).click()
    await desk.getByRole('heading', { name: 'Hide this comment?' }).waitFor()
    expect(await desk.getByLabel('Public reason for hiding').inputValue()).toBe(
      'Insults break the house rules',
    )
    await expectAccessible(desk)
    await desk.getByRole('button', { name: 'Hide it' }).click()
    await desk.getByText('Hidden, with your reason shown in its place.').waitFor()

    await page.goto(path)
    await page.getByText('Hidden by a facilitator: Insults break the house rules').waitFor()
    expect(await page.getByText('An insult to everyone here').count()).toBe(0)
    await expectAccessible(page)
  })
})
