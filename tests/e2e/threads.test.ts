// A long thread in the browser: "Show more comments" appends the next page without a reload,
// and what a member has typed in the comment box stays there.
import { describe, expect, it } from 'vitest'
import { expectAccessible, setUpBrowser, signInThroughUi, visit } from '../support/e2e'
import { addMembership, createGroup } from '../support/groups'
import { createMember } from '../support/members'
import { createProposal } from '../support/proposals'
import { sql } from '../support/sql'

const openSession = setUpBrowser()

describe('a long thread in the browser', () => {
  it('loads more comments in place, keeping the text typed in the comment box', async () => {
    const group = await createGroup({ name: `Threads e2e ${crypto.randomUUID().slice(0, 4)}` })
    const author = await createMember({ displayName: 'Thea Thread' })
    await addMembership(group, author)
    const proposal = await createProposal(author, group, { publish: true })
    for (let n = 1; n <= 45; n++)
      await sql().query(
        `insert into public.comments (proposal_id, author_id, body, created_at)
         values ($1, $2, $3, now() - interval '1 day' + make_interval(mins => $4::int))`,
        [proposal.id, author.id, `Numbered comment ${n}.`, n],
      )
    const { page } = await openSession()
    await signInThroughUi(page, author.email)
    await visit(page, `/groups/${group.slug}/proposals/${proposal.id}`)
    const shown = () => page.getByRole('article', { name: 'Comment by Thea Thread' }).count()
    expect(await shown()).toBe(20)

    const box = page.getByLabel('Add to the discussion')
    await box.fill('Half-written thoughts on comment 30.')
    // Marks this document: a reload would lose it.
    await page.evaluate(() => ((window as unknown as { unreloaded: boolean }).unreloaded = true))
    await page.getByRole('link', { name: 'Show more comments' }).click()
    await page.getByText('Numbered comment 40.').waitFor()
    expect(await shown()).toBe(40)
    await page.getByRole('link', { name: 'Show more comments' }).click()
    await page.getByText('Numbered comment 45.').waitFor()
    expect(await shown()).toBe(45)
    expect(await page.getByRole('link', { name: 'Show more comments' }).count()).toBe(0)
    expect(await page.getByText('Numbered comment 1.', { exact: true }).count()).toBe(1)
    expect(
      await page.evaluate(() => (window as unknown as { unreloaded?: boolean }).unreloaded),
    ).toBe(true)
    expect(await box.inputValue()).toBe('Half-written thoughts on comment 30.')
    expect(new URL(page.url()).search).toBe('')
    await expectAccessible(page)

    // Posting it keeps the pages already loaded, and the new comment comes at the end.
    await page.getByRole('button', { name: 'Post comment' }).click()
    await page.getByText('Half-written thoughts on comment 30.').waitFor()
    await expect.poll(shown).toBe(46)
    expect(await box.inputValue()).toBe('')
  })
})
