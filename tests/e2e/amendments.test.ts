// Suggested changes in the browser: a member with standing suggests a change in the editor,
// the author accepts it, the history credits the suggester and the suggester is told; and,
// at 360 px, a suggestion typed without JavaScript in the plain box is declined with a reason.
import { describe, expect, it } from 'vitest'
import {
  expectAccessible,
  expectNoSidewaysScroll,
  setUpBrowser,
  signInThroughUi,
  visit,
} from '../support/e2e'
import { addMembership, createGroup, giveStanding } from '../support/groups'
import { createMember } from '../support/members'
import { createProposal } from '../support/proposals'

const openSession = setUpBrowser()

async function arrange() {
  const group = await createGroup({ name: `Buses e2e ${crypto.randomUUID().slice(0, 4)}` })
  const author = await createMember({ displayName: 'Alma Author' })
  const suggester = await createMember({ displayName: 'Sid Suggester' })
  await addMembership(group, author)
  await addMembership(group, suggester)
  await giveStanding(group, suggester)
  const proposal = await createProposal(author, group, {
    publish: true,
    title: 'Part-time season tickets',
    // One paragraph long enough to publish, so the suggestion is typed at its end.
    body: 'Part-time workers pay for five days and lose out every week of the year. Season tickets for three days a week.',
  })
  return { group, author, suggester, url: `/groups/${group.slug}/proposals/${proposal.id}` }
}

describe('suggested changes in the browser', () => {
  it('a member suggests a change, the author accepts it, the history and the suggester’s notifications show it', async () => {
    const { author, suggester, url } = await arrange()
    const { page } = await openSession()
    await signInThroughUi(page, suggester.email)
    await visit(page, url)
    await page.getByRole('link', { name: 'Suggest a change' }).click()
    await page.waitForURL('**/amendments/new')
    const editor = page.getByRole('textbox', { name: 'The text you suggest' })
    await editor.waitFor()
    await page.waitForLoadState('networkidle')
    await expectAccessible(page)
    expect(await editor.innerText()).toContain('Season tickets for three days a week.')
    await editor.click()
    await expect
      .poll(async () => {
        await page.keyboard.press('Control+End')
        return page.evaluate(() => {
          const selection = window.getSelection()
          const box = document.querySelector('[contenteditable="true"]')
          if (!selection?.anchorNode || !box) return -1
          const rest = document.createRange()
          rest.selectNodeContents(box)
          rest.setStart(selection.anchorNode, selection.anchorOffset)
          return rest.toString().length
        })
      })
      .toBe(0)
    await page.keyboard.type(' Also for two days.', { delay: 5 })
    await page.getByLabel('Why this change?').fill('Many part-time workers do two days.')
    await page.getByRole('button', { name: 'Send my suggestion' }).click()
    await page.getByText('Your suggestion is sent. The authors have been told.').waitFor()
    await expectAccessible(page)
    const added = await page.locator('[data-testid="diff"] ins').allInnerTexts()
    expect(added.join(' ')).toContain('Also for two days.')
    const amendmentUrl = new URL(page.url()).pathname

    const { page: desk } = await openSession()
    await signInThroughUi(desk, author.email)
    await visit(desk, url)
    expect(await desk.getByRole('heading', { name: 'Suggested changes (1 open)' }).count()).toBe(1)
    await desk.getByRole('link', { name: 'Change suggested by Sid Suggester' }).click()
    await desk.waitForURL(`**${amendmentUrl}`)
    await expectAccessible(desk)
    await desk.getByRole('button', { name: 'Accept this change' }).click()
    await desk.getByText(/^Accepted: the proposal is now version \d+/).waitFor()
    await desk.getByRole('link', { name: /^version \d+$/ }).click()
    await desk.waitForURL('**/history**')
    await expectAccessible(desk)
    const history = await desk.getByRole('main').innerText()
    expect(history).toMatch(/Version \d+ · Sid Suggester/)
    expect(history).toContain('their suggested change, accepted')
    await desk.goto(url)
    expect(await desk.locator('.prose-forum').innerText()).toContain(
      'Season tickets for three days a week. Also for two days.',
    )

    await visit(page, '/notifications')
    await page
      .getByText(/Your suggested change to “Part-time season tickets” was accepted/)
      .first()
      .waitFor()
  })

  it(
    'at 360 px: suggested without JavaScript in the plain box, declined with a reason',
    { timeout: 60_000 },
    async () => {
      const { author, suggester, url } = await arrange()
      const { page } = await openSession({ javaScriptEnabled: false, width: 360 })
      await signInThroughUi(page, suggester.email)
      // (axe needs JavaScript: the author's pages below are checked at 360 px with it.)
      await page.goto(`${url}/amendments/new`)
      await expectNoSidewaysScroll(page)
      const box = page.getByRole('textbox', { name: 'The text you suggest' })
      expect(await box.inputValue()).toContain('Season tickets for three days a week.')
      await box.fill('Season tickets for any two days a week.')
      await page.getByLabel('Why this change?').fill('Simpler for everyone.')
      await page.getByRole('button', { name: 'Send my suggestion' }).click()
      await page.getByText('Your suggestion is sent.').waitFor()
      await expectNoSidewaysScroll(page)
      const amendmentUrl = new URL(page.url()).pathname

      const { page: desk } = await openSession({ width: 360 })
      await signInThroughUi(desk, author.email)
      await visit(desk, amendmentUrl)
      await expectNoSidewaysScroll(desk)
      await desk.getByRole('button', { name: 'Decline this change' }).click()
      await desk.getByText('Say why you decline this suggestion.').first().waitFor()
      await expectAccessible(desk)
      await desk.getByLabel('Why decline it?').fill('Three days matches the operators’ tickets.')
      await desk.getByRole('button', { name: 'Decline this change' }).click()
      await desk.getByText('Declined. The suggester has been told why.').waitFor()
      await expectAccessible(desk)
      expect(await desk.getByRole('main').innerText()).toContain(
        'Three days matches the operators’ tickets.',
      )
      await page.goto(url)
      await expectNoSidewaysScroll(page)
      expect(await page.getByRole('main').innerText()).toContain(
        '0 open suggestions · 0 accepted · 1 declined',
      )
    },
  )
})
