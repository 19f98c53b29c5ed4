// Groups in the browser: joining, asking to join, a facilitator approving, an admin creating
// a group; and the membership forms with JavaScript turned off.
import { describe, expect, it } from 'vitest'
import {
  expectAccessible,
  expectNoSidewaysScroll,
  signInThroughUi,
  setUpBrowser,
  visit,
} from '../support/e2e'
import { addMembership, createGroup } from '../support/groups'
import { createAdmin, createMember } from '../support/members'

const openSession = setUpBrowser()

describe('groups in the browser', () => {
  it('a member joins an open group, asks to join a closed one, and is approved by a facilitator', async () => {
    const open = await createGroup({
      joinPolicy: 'open',
      name: `Open e2e ${crypto.randomUUID().slice(0, 4)}`,
    })
    const closed = await createGroup({
      joinPolicy: 'request',
      name: `Closed e2e ${crypto.randomUUID().slice(0, 4)}`,
    })
    const facilitator = await createMember({ displayName: 'Fiona Lead' })
    await addMembership(closed, facilitator, { role: 'facilitator' })
    const member = await createMember({ displayName: 'Mo Member' })

    const { page } = await openSession()
    await signInThroughUi(page, member.email)
    await visit(page, '/groups')
    await page.getByRole('button', { name: `Join ${open.name}` }).click()
    await page.getByText('You have joined the group.').waitFor()
    await expectAccessible(page)

    await visit(page, `/groups/${closed.slug}`)
    await page.getByRole('button', { name: `Ask to join ${closed.name}` }).click()
    await page.getByText('Your request to join has been sent').waitFor()
    await page.getByText('Request pending').waitFor()
    await expectAccessible(page)
    expect(await page.getByRole('link', { name: 'Members' }).count()).toBe(0)

    const { page: facilitatorPage } = await openSession()
    await signInThroughUi(facilitatorPage, facilitator.email)
    await visit(facilitatorPage, `/groups/${closed.slug}/members`)
    await facilitatorPage.getByRole('button', { name: 'Approve Mo Member' }).click()
    await facilitatorPage.getByText('Request approved.').waitFor()
    await expectAccessible(facilitatorPage)

    await page.reload()
    await page.getByText('You are a member').waitFor()
    await page.getByRole('link', { name: 'Members' }).click()
    await page.waitForURL(`**/groups/${closed.slug}/members`)
    await expectAccessible(page)
    expect(await page.getByRole('main').innerText()).toContain('Fiona Lead')
  })

  it('an admin creates a group and appoints its facilitator', async () => {
    const admin = await createAdmin()
    const future = await createMember({
      displayName: `Appointee ${crypto.randomUUID().slice(0, 6)}`,
    })
    const { page } = await openSession()
    await signInThroughUi(page, admin.email)
    await visit(page, '/admin')
    await page.getByRole('link', { name: 'Policy groups' }).click()
    await expectAccessible(page)
    await page.getByRole('link', { name: 'Create a group' }).click()
    await expectAccessible(page)
    const slug = `e2e-${crypto.randomUUID().slice(0, 6)}`
    await page.getByLabel('Name').fill('Cycling and walking')
    await page.getByLabel('Address').fill(slug)
    await page.getByLabel('Summary').fill('Safe routes for people on foot and on bikes.')
    await page.getByLabel('Horizon').selectOption('quick_win')
    await page.getByRole('button', { name: 'Create the group' }).click()
    await page.getByText('Group created.').waitFor()
    await expectAccessible(page)

    // The results follow the typing, and say what tells members apart (e-mail: for admins).
    await page.setViewportSize({ width: 360, height: 740 })
    await page.getByLabel('Find a member by name').fill(future.displayName)
    const appoint = page.getByRole('button', { name: `Make ${future.displayName} a facilitator` })
    await appoint.waitFor()
    expect(await page.getByRole('main').innerText()).toContain(`Liverpool · joined`)
    expect(await page.getByRole('main').innerText()).toContain(future.email)
    expect(page.url()).not.toContain('q=')
    await expectAccessible(page)
    await expectNoSidewaysScroll(page)
    await appoint.click()
    await page.getByText('Facilitator appointed.').waitFor()

    await visit(page, `/groups/${slug}`)
    expect(await page.getByRole('main').innerText()).toContain(future.displayName)
  })

  it('joining and leaving work with JavaScript turned off', async () => {
    const group = await createGroup({
      joinPolicy: 'open',
      name: `No-JS ${crypto.randomUUID().slice(0, 4)}`,
    })
    const member = await createMember()
    const { page } = await openSession({ javaScriptEnabled: false })
    await signInThroughUi(page, member.email)
    // (axe needs JavaScript; these pages are checked in the tests above.)
    await page.goto(`/groups/${group.slug}`)
    await page.getByRole('button', { name: `Join ${group.name}` }).click()
    await page.getByText('You have joined the group.').waitFor()
    await page.getByRole('link', { name: 'Leave group…' }).click()
    await page.waitForURL(`**/groups/${group.slug}/leave`)
    await page.getByRole('heading', { name: `Leave ${group.name}?` }).waitFor()
    await page.getByText('What you wrote there stays, with your name').waitFor()
    await page.getByRole('button', { name: `Leave ${group.name}` }).click()
    await page.getByText('You have left the group.').waitFor()
    await page.getByRole('button', { name: `Join ${group.name}` }).waitFor()
  })
})
