// The editor's link box gives the focus back to the editor: Escape closes it without a link,
// and typing carries on where it was, not at the top of the page.
import type { Editor } from '@tiptap/core'
import { describe, expect, it } from 'vitest'
import { setUpBrowser, signInThroughUi, visit } from '../support/e2e'
import { addMembership, createGroup } from '../support/groups'
import { createMember } from '../support/members'

const openSession = setUpBrowser()

/** A member's new proposal page, signed in through the form, with the caret in the editor. */
async function openNewProposal() {
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
  return { page, editor }
}

describe('the editor’s link box', () => {
  it('Escape closes it and returns the focus to the editor, at the caret', async () => {
    const { page, editor } = await openNewProposal()
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

describe('links made while typing and pasting', () => {
  it('links addresses with http, https or mailto, and nothing else', async () => {
    const { page, editor } = await openNewProposal()
    const links = () =>
      editor
        .locator('a')
        .evaluateAll((anchors) => anchors.map((a) => [a.textContent, a.getAttribute('href')]))

    // A typed address becomes a link at the space after it; the space and what follows do not.
    await page.keyboard.type('Timetables at https://example.org/buses and more, ')
    await page.keyboard.type('(https://example.org/a) example.org javascript:alert(1) ')
    await page.keyboard.type('mailto:mayor@example.org ')
    expect(await links()).toEqual([
      ['https://example.org/buses', 'https://example.org/buses'],
      ['https://example.org/a', 'https://example.org/a'],
      ['mailto:mayor@example.org', 'mailto:mayor@example.org'],
    ])

    // Pasted text keeps its words, and its addresses become links.
    await page.keyboard.press('Enter')
    const paste = (text: string, type = 'text/plain') =>
      editor.evaluate(
        (element, [pasted, kind]) => {
          const data = new DataTransfer()
          data.setData(kind, pasted)
          element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }))
        },
        [text, type],
      )
    await paste('Read https://example.org/pasted now')
    // An address pasted over selected words links them.
    for (let press = 0; press < 3; press += 1) await page.keyboard.press('Shift+ArrowLeft')
    // The editor's own selection, which follows the page's a moment later.
    const selected = () =>
      editor.evaluate((element) => {
        const { state } = (element as HTMLElement & { editor: Editor }).editor
        return state.doc.textBetween(state.selection.from, state.selection.to)
      })
    await expect.poll(selected).toBe('now')
    await paste('https://example.org/over')
    expect((await links()).slice(3)).toEqual([
      ['https://example.org/pasted', 'https://example.org/pasted'],
      ['now', 'https://example.org/over'],
    ])
    expect(await editor.innerText()).toContain('Read https://example.org/pasted now')

    // A link pasted from a web page keeps its address only: its target and title are not
    // ours, and the server would refuse them.
    await page.keyboard.press('End')
    await paste(
      ' <a href="https://example.org/page" target="_blank" title="Page">page</a>',
      'text/html',
    )
    const body = JSON.parse(await page.locator('input[name="body"]').inputValue()) as unknown
    expect(JSON.stringify(body)).toContain(
      '{"type":"link","attrs":{"href":"https://example.org/page","target":null,"rel":"nofollow noopener noreferrer ugc","class":null,"title":null}}',
    )

    // The toolbar takes the whole link off, from the caret inside it.
    await editor.getByText('https://example.org/buses').click()
    await page.getByRole('button', { name: 'Remove link' }).click()
    expect((await links()).map(([text]) => text)).not.toContain('https://example.org/buses')
    expect(await editor.innerText()).toContain('Timetables at https://example.org/buses and more')
  })
})
