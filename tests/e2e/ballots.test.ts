// A priority ballot in the browser: one member ranks without JavaScript (a place per option),
// another with it (the ordered list, moved with the keyboard), the facilitator closes it, and
// the result page shows the rounds and transfers — axe clean, and at 360 px without sideways
// scrolling.
import { beforeAll, describe, expect, it } from 'vitest'
import {
  expectAccessible,
  expectNoSidewaysScroll,
  setUpBrowser,
  signInThroughUi,
  visit,
} from '../support/e2e'
import { addMembership, createGroup, giveStanding, type TestGroup } from '../support/groups'
import { createMember, type Member } from '../support/members'
import { createProposal } from '../support/proposals'

const openSession = setUpBrowser()

let group: TestGroup
let facilitator: Member
let voters: Member[]
let ids: Record<'bus' | 'night' | 'fares', string>
let ballotPath = ''

beforeAll(async () => {
  group = await createGroup()
  const author = await createMember()
  facilitator = await createMember()
  voters = await Promise.all([1, 2, 3, 4, 5].map(() => createMember()))
  await addMembership(group, author)
  await addMembership(group, facilitator, { role: 'facilitator' })
  for (const voter of voters) {
    await addMembership(group, voter)
    await giveStanding(group, voter)
  }
  const [bus, night, fares] = await Promise.all(
    ['Bus lanes on every corridor', 'Night buses to the estates', 'A fares cap'].map((title) =>
      createProposal(author, group, { publish: true, title }),
    ),
  )
  ids = { bus: bus.id, night: night.id, fares: fares.id }
  const { data, error } = await facilitator.client.rpc('open_ballot', {
    group_id: group.id,
    question: 'Which bus proposal should go to the candidate first?',
    proposal_ids: [bus.id, night.id, fares.id],
    opens_at: new Date().toISOString(),
    closes_at: new Date(Date.now() + 3600_000).toISOString(),
  })
  expect(error).toBeNull()
  ballotPath = `/groups/${group.slug}/ballots/${data}`
  // Three more ballots through the API: [bus], [fares, night], [night, bus].
  for (const [voter, ranking] of [
    [voters[2], [ids.bus]],
    [voters[3], [ids.fares, ids.night]],
    [voters[4], [ids.night, ids.bus]],
  ] as const) {
    const cast = await voter.client.rpc('cast_ballot', { ballot_id: data!, ranking: [...ranking] })
    expect(cast.error).toBeNull()
  }
})

describe('a priority ballot in the browser', () => {
  it('ranked without JavaScript: a place chosen per option', async () => {
    const { page } = await openSession({ javaScriptEnabled: false })
    await signInThroughUi(page, voters[0].email)
    await page.goto(ballotPath)
    await page.getByLabel('Bus lanes on every corridor').selectOption('1')
    await page.getByLabel('A fares cap').selectOption('2')
    await page.getByRole('button', { name: 'Cast my ballot' }).click()
    await page.getByRole('heading', { name: 'Your ballot is in' }).waitFor()
    expect(await page.getByLabel('Bus lanes on every corridor').inputValue()).toBe('1')
    expect(await page.getByLabel('A fares cap').inputValue()).toBe('2')
    expect(await page.getByLabel('Night buses to the estates').inputValue()).toBe('')
  })

  it('ranked with JavaScript: the ordered list, moved with the keyboard', async () => {
    const { page } = await openSession()
    await signInThroughUi(page, voters[1].email)
    await visit(page, ballotPath)
    const add = (title: string) =>
      page.getByRole('button', { name: `Add “${title}” to my ranking` })
    await add('Bus lanes on every corridor').click()
    await add('Night buses to the estates').focus()
    await page.keyboard.press('Enter')
    // Night buses is second; move it up with the keyboard: focus follows it.
    await page
      .getByRole('button', { name: /^Up ?: move “Night buses to the estates” higher$/ })
      .focus()
    await page.keyboard.press('Enter')
    const ranking = page.getByRole('list', { name: 'Your ranking' }).getByRole('listitem')
    await expect
      .poll(() => ranking.allInnerTexts())
      .toEqual([
        expect.stringContaining('Night buses to the estates'),
        expect.stringContaining('Bus lanes on every corridor'),
      ])
    await page
      .getByRole('status')
      .filter({ hasText: 'is now number 1' })
      .waitFor({ state: 'attached' })
    await expectAccessible(page)
    await page.getByRole('button', { name: 'Cast my ballot' }).click()
    await page.getByRole('heading', { name: 'Your ballot is in' }).waitFor()
    await page.reload()
    await expect
      .poll(() => ranking.allInnerTexts())
      .toEqual([
        expect.stringContaining('Night buses to the estates'),
        expect.stringContaining('Bus lanes on every corridor'),
      ])
  })

  it('closed by the facilitator, the page reads round by round with the transfers', async () => {
    const { page } = await openSession()
    await signInThroughUi(page, facilitator.email)
    await visit(page, ballotPath)
    await page.getByRole('button', { name: 'Close the ballot now and count it' }).click()
    await page.getByRole('heading', { name: 'Result' }).waitFor()
    await visit(page, ballotPath)
    // Round 1: bus 2, night 2, fares 1 of 5 — fares out, its one ballot to night buses.
    // Round 2: night 3 of 5 wins.
    const round1 = page.getByRole('table', { name: /Votes in round 1/ })
    expect(await rowTexts(round1)).toEqual([
      ['Bus lanes on every corridor', '2', '40%'],
      ['Night buses to the estates', '2', '40%'],
      ['A fares cap Eliminated', '1', '20%'],
      ['Exhausted (no preference left)', '0', 'not counted'],
    ])
    const moved = page.getByRole('table', { name: /Where the ballots of A fares cap went/ })
    expect(await rowTexts(moved)).toEqual([['Night buses to the estates', '1', '100%']])
    const round2 = page.getByRole('table', { name: /Votes in round 2/ })
    expect((await rowTexts(round2))[0]).toEqual(['Night buses to the estates Wins', '3', '60%'])
    expect(await page.getByRole('main').innerText()).toContain(
      'First priority: Night buses to the estates, after 2 rounds.',
    )
  })

  it('at 360 px the result fits the screen and passes axe', async () => {
    const { page } = await openSession({ width: 360 })
    await visit(page, ballotPath)
    await expectNoSidewaysScroll(page)
    await page.getByRole('heading', { name: 'Round 2' }).waitFor()
  })
})

async function rowTexts(table: import('playwright-core').Locator) {
  const rows = table.locator('tbody tr')
  const cells = await rows.evaluateAll((trs) =>
    trs.map((tr) =>
      Array.from(tr.querySelectorAll('th, td'))
        .map((cell) => (cell as HTMLElement).innerText.replace(/\s+/g, ' ').trim())
        .filter((text) => text !== ''),
    ),
  )
  return cells
}
