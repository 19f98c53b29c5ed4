// The search page: results with highlighted matches, escaped; a group filter; no results.
import { expect, it } from 'vitest'
import { Visitor } from '../support/app'
import { pageText, readPage } from '../support/page'
import { addMembership, createGroup } from '../support/groups'
import { createMember } from '../support/members'
import { createProposal } from '../support/proposals'

it('finds a proposal, marks the matching words and escapes everything else', async () => {
  const group = await createGroup()
  const author = await createMember()
  await addMembership(group, author)
  const word = `quokkabus${crypto
    .randomUUID()
    .slice(0, 4)
    .replace(/[0-9-]/g, 'q')}`
  await createProposal(author, group, {
    publish: true,
    title: `A ${word} for <i>every</i> estate`,
    body: `The ${word} <script>alert(1)</script> would stop everywhere.`,
  })
  const page = await readPage(await new Visitor().get(`/search?q=${word}`))
  expect(page.text).toContain(`A ${word} for <i>every</i> estate`)
  expect(page.texts('mark')).toContain(word)
  expect(page.text).toContain('alert(1)')
  expect(page.texts('i')).not.toContain('every')
  expect(page.source).not.toContain('<script>alert(1)</script>')
  const elsewhere = await pageText(await new Visitor().get(`/search?q=${word}&group=tolls`))
  expect(elsewhere).toContain(`Nothing found for “${word}”`)
})
