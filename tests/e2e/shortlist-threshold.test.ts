// The support threshold's pages pass axe: the proposal page's progress (at 360 px too) and the
// facilitators' "ready for the shortlist" queue.
import { describe, expect, it } from 'vitest'
import { expectNoSidewaysScroll, setUpBrowser, signInThroughUi, visit } from '../support/e2e'
import { addMembership, createGroup } from '../support/groups'
import { createMember } from '../support/members'
import { createProposal } from '../support/proposals'
import { sql } from '../support/sql'

const openSession = setUpBrowser()

describe('the support threshold in the browser', () => {
  it('shows progress on the proposal page and the queue in the console', async () => {
    const group = await createGroup()
    const author = await createMember()
    const facilitator = await createMember()
    await addMembership(group, author)
    await addMembership(group, facilitator, { role: 'facilitator' })
    await sql().query('update public.groups set shortlist_supporters = 1 where id = $1', [group.id])
    const waiting = await createProposal(author, group, { publish: true, title: 'Still waiting' })
    const ready = await createProposal(author, group, { publish: true, title: 'Already ready' })
    await facilitator.client.from('votes').insert({ proposal_id: ready.id, value: 1 })

    const { page } = await openSession({ width: 360 })
    await visit(page, `/groups/${group.slug}/proposals/${waiting.id}`)
    await expectNoSidewaysScroll(page)
    expect(await page.getByRole('main').innerText()).toContain('0 of 1 supporters')

    const { page: desk } = await openSession()
    await signInThroughUi(desk, facilitator.email)
    await visit(desk, `/groups/${group.slug}/console`)
    await desk.getByRole('heading', { name: 'Ready for the shortlist (1)' }).waitFor()
  })
})
