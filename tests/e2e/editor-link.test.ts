// The editor's link box gives the focus back to the editor: Escape closes it without a link,
// and typing carries on where it was, not at the top of the page.
import { describe, expect, it } from 'vitest'
import { setUpBrowser, signInThroughUi, visit } from '../support/e2e'
import { addMembership, createGroup } from '../support/groups'
import { createMember } from '../support/members'

const openSession = setUpBrowser()

describe('the editor’s link box', () => {
  it('Escape closes it and returns the focus to the editor, at the caret', async () => {
    const group = await createGroup()
    const author = await createMember()
    await addMembership(group, author)
    const { page } = await openSession()
    await signInThroughUi(page, author.email)
    await visit(page, `/groups/${group.slug}/proposals/new`)
    const editor = page.getByRole('textbox', { name: 'Your proposal' })
    await editor.waitFor()
    await page.waitForLoadState('networkidle')
    await editor.click()
    const editorHasFocus = () =>
      expect
        .poll(() => page.evaluate(() => !!document.activeElement?.closest('.ProseMirror')))
        .toBe(true)
    await editorHasFocus()
    await page.keyboard.type('Buses at night')
    await page.getByRole('button', { name: 'Link', exact: true }).click()
    const address = page.getByRole('textbox', { name: 'Link address' })
    await expect.poll(() => address.evaluate((el) => el === document.activeElement)).toBe(true)
    await address.fill('https://example.org')
    await page.keyboard.press('Escape')
    expect(await address.count()).toBe(0)
    await editorHasFocus()
    await page.keyboard.type(', please')
    expect(await editor.innerText()).toBe('Buses at night, please')
    expect(await editor.locator('a').count()).toBe(0)

    // From the box's buttons, and after a refused address, Escape does the same.
    await page.getByRole('button', { name: 'Link', exact: true }).click()
    await page.keyboard.press('Tab')
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Cancel')
    await page.keyboard.press('Escape')
    await editorHasFocus()
    await page.getByRole('button', { name: 'Link', exact: true }).click()
    await page.getByRole('button', { name: 'Add link' }).click()
    await page.getByText('Enter the address to link to.').waitFor()
    await page.keyboard.press('Escape')
    await editorHasFocus()
    await page.keyboard.type('!')
    expect(await editor.innerText()).toBe('Buses at night, please!')
  })
})
