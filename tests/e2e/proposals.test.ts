// A proposal's life in the browser: drafted with a heading, a list and a link, published,
// improved by a co-author, its history compared — and its page ships no editor code.
import { gzipSync } from 'node:zlib'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { appUrl, expectAccessible, setUpBrowser, signInThroughUi, visit } from '../support/e2e'
import { addMembership, createGroup } from '../support/groups'
import { createMember } from '../support/members'
import { createProposal } from '../support/proposals'
import { sql } from '../support/sql'

const openSession = setUpBrowser()

async function proposalStatus(id: string) {
  const { rows } = await sql().query<{ status: string }>(
    'select status from public.proposals where id = $1',
    [id],
  )
  return rows[0]?.status ?? null
}

/**
 * Every script the page loaded or preloaded, fetched, joined; with their size in kB gzip (each
 * file on its own, as the server sends it): those its HTML preloads, and all of them.
 */
async function scriptsOf(page: Page) {
  // Read from the HTML as sent: once hydrated, Remix takes its preload links off the page.
  const html = await (await page.request.get(page.url())).text()
  const preloaded = Array.from(
    html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g),
    ([, href]) => new URL(href ?? '', page.url()).href,
  )
  const loaded = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((e) => e.name)
      .filter((name) => name.endsWith('.js')),
  )
  const urls = [...new Set([...preloaded, ...loaded])]
  const sources = await Promise.all(urls.map((url) => fetch(url).then((r) => r.text())))
  const kB = (which: string[]) =>
    urls
      .map((url, i) => (which.includes(url) ? gzipSync(sources[i] ?? '').length : 0))
      .reduce((total, bytes) => total + bytes, 0) / 1000
  return {
    count: sources.length,
    text: sources.join('\n'),
    initialKB: kB(preloaded),
    totalKB: kB(urls),
  }
}

describe('proposals in the browser', () => {
  it('a member drafts, publishes, a co-author edits, and the history shows the change', async () => {
    const group = await createGroup({ name: `Transport e2e ${crypto.randomUUID().slice(0, 4)}` })
    const author = await createMember({ displayName: 'Nadia Author' })
    const coauthor = await createMember({ displayName: 'Owen Coauthor' })
    await addMembership(group, author)
    await addMembership(group, coauthor)

    const { page } = await openSession()
    await signInThroughUi(page, author.email)
    await visit(page, `/groups/${group.slug}`)
    await page.getByRole('link', { name: 'Write a proposal' }).click()
    await page.waitForURL('**/proposals/new')
    const editor = page.getByRole('textbox', { name: 'Your proposal' })
    await editor.waitFor()
    await page.waitForLoadState('networkidle')
    await expectAccessible(page)

    await page.getByLabel('Title').fill('Night buses for shift workers')
    await page.getByLabel('Summary').fill('Buses that run when hospital and warehouse shifts end.')
    await editor.click()
    // A toolbar button hands the focus back to the editor; type only once it has it (on a
    // busy machine the first key could otherwise land on the button and be lost).
    const editorHasFocus = () =>
      expect
        .poll(() => page.evaluate(() => !!document.activeElement?.closest('.ProseMirror')))
        .toBe(true)
    await page.getByRole('button', { name: 'Heading', exact: true }).click()
    await editorHasFocus()
    await page.keyboard.type('Who needs them')
    await page.keyboard.press('Enter')
    await page.getByRole('button', { name: 'Bulleted list' }).click()
    await editorHasFocus()
    await page.keyboard.type('Nurses finishing at midnight')
    await page.keyboard.press('Enter')
    await page.keyboard.type('Warehouse staff in Knowsley')
    await page.keyboard.press('Enter')
    await page.keyboard.press('Enter')
    await page.keyboard.type('See the ')
    await page.getByRole('button', { name: 'Link', exact: true }).click()
    await page
      .getByRole('textbox', { name: 'Link address' })
      .fill('https://example.org/night-buses')
    await page.getByRole('button', { name: 'Add link' }).click()
    await editorHasFocus()
    await page.keyboard.type(' for the survey of night workers.')
    // Co-authors are chosen on the first screen: the search follows the typing, and Enter in
    // it searches rather than saving.
    const coauthors = page.getByRole('group', { name: /Co-authors/ })
    await coauthors.getByLabel('Find a member of the group by name').fill('Owe')
    await coauthors.getByLabel('Find a member of the group by name').press('Enter')
    const owen = coauthors.getByRole('checkbox', { name: /Owen Coauthor/ })
    await owen.check()
    // Ticking keeps the box where it was, with the focus on it.
    await page.waitForTimeout(300)
    expect(await owen.isChecked()).toBe(true)
    expect(await owen.evaluate((box) => box === document.activeElement)).toBe(true)
    expect(page.url()).toMatch(/\/proposals\/new$/)
    await expectAccessible(page)
    await page.getByRole('button', { name: 'Save as draft' }).click()
    await page
      .getByText('Draft saved. Only you and the co-authors you invited can see it.')
      .waitFor()
    await expectAccessible(page)
    const proposalUrl = page.url()

    const html = await page.locator('.prose-forum').innerHTML()
    expect(html).toContain('<h2>Who needs them</h2>')
    expect(html).toMatch(
      /<ul><li><p>Nurses finishing at midnight<\/p><\/li><li><p>Warehouse staff in Knowsley<\/p><\/li><\/ul>/,
    )
    expect(html).toContain('href="https://example.org/night-buses"')

    await page.getByRole('link', { name: 'Edit' }).click()
    await page.getByText('(invited, pending)').waitFor()
    await expectAccessible(page)
    await page.goto(proposalUrl)
    await page.getByRole('button', { name: 'Publish for discussion' }).click()
    await page.getByText('Published. Members of the group can now discuss it and vote.').waitFor()
    await expectAccessible(page)

    const { page: second } = await openSession()
    await signInThroughUi(second, coauthor.email)
    await second.goto(proposalUrl)
    await second.getByRole('button', { name: /^Accept the invitation to co-author/ }).click()
    await second.getByText('You are now a co-author').waitFor()
    await second.getByRole('link', { name: 'Edit' }).click()
    const secondEditor = second.getByRole('textbox', { name: 'Your proposal' })
    await secondEditor.waitFor()
    // Let the page settle (hydration, the draft check) before typing into it.
    await second.waitForLoadState('networkidle')
    // Focused from the keyboard, not clicked: ProseMirror syncs a click's selection a moment
    // later, which on a busy machine can land after Control+End and split a word.
    await secondEditor.focus()
    // The caret must be at the very end before typing: press Control+End until it is.
    await expect
      .poll(async () => {
        await second.keyboard.press('Control+End')
        return second.evaluate(() => {
          const selection = window.getSelection()
          const editor = document.querySelector('[contenteditable="true"]')
          if (!selection?.anchorNode || !editor) return -1
          const rest = document.createRange()
          rest.selectNodeContents(editor)
          rest.setStart(selection.anchorNode, selection.anchorOffset)
          return rest.toString().length
        })
      })
      .toBe(0)
    await second.keyboard.press('Enter')
    await second.keyboard.type('Ask the hospital trusts to share their shift times.', { delay: 5 })
    expect(await secondEditor.innerText()).toContain(
      'Ask the hospital trusts to share their shift times.',
    )
    // It is published: the change says what it is, for the history and the voters.
    await second.getByLabel('What did you change, and why?').fill('Adds the hospital trusts.')
    await second.getByRole('button', { name: 'Save changes' }).click()
    await second.getByText('Your changes are saved.').waitFor()

    await second.getByRole('link', { name: 'History of changes' }).click()
    await second.waitForURL('**/history')
    await expectAccessible(second)
    const added = await second.locator('[data-testid="diff"] ins').allInnerTexts()
    expect(added.join(' ')).toContain('Ask the hospital trusts to share their shift times.')
    expect(await second.getByRole('main').innerText()).toContain('Owen Coauthor')
    expect(await second.getByRole('main').innerText()).toContain(
      'What changed: Adds the hospital trusts.',
    )
  })

  it('keeps what the member typed when the server refuses it', async () => {
    const group = await createGroup()
    const member = await createMember()
    await addMembership(group, member)
    const { page } = await openSession()
    await signInThroughUi(page, member.email)
    await page.goto(`/groups/${group.slug}/proposals/new`)
    const editor = page.getByRole('textbox', { name: 'Your proposal' })
    await editor.waitFor()
    await page.waitForLoadState('networkidle')
    await page.getByLabel('Title').fill('Accessible stations')
    await editor.click()
    await page.keyboard.type('Lifts at every station on the line.')
    // Archive the group behind the member's back: the save is refused.
    await sql().query('update public.groups set archived_at = now() where id = $1', [group.id])
    await page.getByRole('button', { name: 'Save as draft' }).click()
    await page.getByText('This group is archived and takes no new proposals.').first().waitFor()
    await expectAccessible(page)
    const kept = await page.getByLabel('Your text').inputValue()
    expect(kept).toContain('Accessible stations')
    expect(kept).toContain('Lifts at every station on the line.')
  })

  it('the proposal page ships no editor code; the editor page does', async () => {
    const group = await createGroup()
    const member = await createMember()
    await addMembership(group, member)
    const { page } = await openSession()
    await signInThroughUi(page, member.email)
    await page.goto(`/groups/${group.slug}/proposals/new`)
    await page.getByRole('textbox', { name: 'Your proposal' }).waitFor()
    await page.waitForLoadState('networkidle')
    const editorScripts = await scriptsOf(page)
    expect(editorScripts.text).toMatch(/ProseMirror/)
    // Issue 12: the page's own scripts leave Tiptap out (it comes after them): its ~140 kB
    // would take the first figure far over its bound. Measured: 140 and 288 kB.
    expect(editorScripts.initialKB).toBeLessThan(155)
    expect(editorScripts.totalKB).toBeLessThan(295)
    await page.getByLabel('Title').fill('A page without an editor')
    await page.getByLabel('Summary').fill('Pages that only show a proposal stay light.')
    await page.getByRole('textbox', { name: 'Your proposal' }).click()
    await page.keyboard.type(
      'Read-only pages stay light: the editor is loaded only where a member writes, and never where members read.',
    )
    await page.getByRole('button', { name: 'Publish for discussion' }).click()
    await page.getByText('Published.').waitFor()

    const { page: reader } = await openSession()
    await reader.goto(page.url().replace(appUrl(), '/'))
    await reader.waitForLoadState('networkidle')
    await expectAccessible(reader)
    const readerScripts = await scriptsOf(reader)
    expect(readerScripts.count).toBeGreaterThan(0)
    expect(readerScripts.text).not.toMatch(/ProseMirror|tiptap/i)
    expect(readerScripts.totalKB).toBeLessThan(145)
  })

  it('keeps what the member typed while the editor was on its way, and the caret with it', async () => {
    const group = await createGroup()
    const member = await createMember()
    await addMembership(group, member)
    const { page } = await openSession()
    await signInThroughUi(page, member.email)
    // Hold Tiptap back, as a slow connection would, until the member has started typing.
    let deliverEditor = () => {}
    const editorHeld = new Promise<void>((resolve) => (deliverEditor = resolve))
    await page.route(/\/assets\/proposal-editor-[\w-]+\.js$/, async (route) => {
      await editorHeld
      await route.continue()
    })
    await page.goto(`/groups/${group.slug}/proposals/new`)
    const sent: string[] = []
    page.on('request', (request) => request.method() === 'POST' && sent.push(request.url()))
    const field = page.getByRole('textbox', { name: 'Your proposal' })
    await field.click()
    await page.keyboard.type('Typed before the editor came.')
    expect(await field.evaluate((el) => el.tagName)).toBe('TEXTAREA')

    deliverEditor()
    await page.getByRole('button', { name: 'Bulleted list' }).waitFor()
    await expect
      .poll(() => page.evaluate(() => !!document.activeElement?.closest('.ProseMirror')))
      .toBe(true)
    await page.keyboard.type(' And after.')
    await expect.poll(() => field.textContent()).toBe('Typed before the editor came. And after.')
  })

  it.each([
    { javaScript: true, width: 360 },
    { javaScript: false, width: 1280 },
  ])(
    'deleting a draft takes a second step that says what will happen (JavaScript: $javaScript, $width px)',
    async ({ javaScript, width }) => {
      const group = await createGroup()
      const author = await createMember()
      await addMembership(group, author)
      const draft = await createProposal(author, group, { title: `Draft to delete ${width}` })
      const { page } = await openSession({ width, javaScriptEnabled: javaScript })
      await signInThroughUi(page, author.email)
      await page.goto(`/groups/${group.slug}/proposals/${draft.id}`)
      await page.getByRole('button', { name: 'Delete this draft…' }).click()
      const heading = page.getByRole('heading', { name: `Delete the draft “${draft.title}”?` })
      await heading.waitFor()
      await page.getByText('this cannot be undone').waitFor()
      if (javaScript) {
        await expectAccessible(page)
        await expect.poll(() => heading.evaluate((el) => el === document.activeElement)).toBe(true)
      }
      expect(await proposalStatus(draft.id)).toBe('draft')
      await page.getByRole('button', { name: 'Delete the draft' }).click()
      await page.getByText('Draft deleted.').waitFor()
      expect(await proposalStatus(draft.id)).toBeNull()
    },
  )
})
