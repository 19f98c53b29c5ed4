// Searching in the browser, with an axe check on the results page.
import { expect, it } from 'vitest'
import { expectAccessible, setUpBrowser, visit } from '../support/e2e'
import { addMembership, createGroup } from '../support/groups'
import { createMember } from '../support/members'
import { createProposal } from '../support/proposals'

const openSession = setUpBrowser()

it('finds a proposal from the header’s search page', async () => {
  const group = await createGroup()
  const author = await createMember()
  await addMembership(group, author)
  const word = `wombatferry${crypto
    .randomUUID()
    .slice(0, 4)
    .replace(/[0-9-]/g, 'w')}`
  await createProposal(author, group, { publish: true, title: `A ${word} across the Mersey` })
  const { page } = await openSession()
  await visit(page, '/')
  await page.getByRole('link', { name: 'Search', exact: true }).click()
  await page.getByLabel('Words to find').fill(word)
  await page.getByRole('button', { name: 'Search' }).click()
  await page.getByRole('link', { name: `A ${word} across the Mersey` }).waitFor()
  await expectAccessible(page)
  expect(page.url()).toContain(`q=${word}`)
})
