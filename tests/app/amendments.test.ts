// Suggested changes through the Remix request handler, as a browser without JavaScript uses
// them: the proposal page's section and counts, the suggest page (and who is turned away),
// the amendment page's comparison, support, accept and decline, and the history's credit.
import { beforeAll, describe, expect, it } from 'vitest'
import { signedIn, Visitor } from '../support/app'
import { readPage } from '../support/page'
import { addMembership, createGroup, giveStanding, type TestGroup } from '../support/groups'
import { createMember, grantSiteRole, type Member } from '../support/members'
import { createProposal, documentOf, proposalRow } from '../support/proposals'
import { sql } from '../support/sql'

let group: TestGroup
let author: Member
let suggester: Member
let fresh: Member
let facilitator: Member
beforeAll(async () => {
  group = await createGroup()
  ;[author, suggester, fresh] = await Promise.all([
    createMember({ displayName: 'Ada Author' }),
    createMember({ displayName: 'Sol Suggester' }),
    createMember({ displayName: 'Nia Newcomer' }),
  ])
  for (const m of [author, suggester, fresh]) await addMembership(group, m)
  facilitator = await createMember({ displayName: 'Flo Lead' })
  await addMembership(group, facilitator, { role: 'facilitator' })
  await giveStanding(group, suggester)
})

async function openProposal() {
  const proposal = await createProposal(author, group, {
    publish: true,
    body: 'Buses every ten minutes on main routes.',
  })
  return { proposal, page: `/groups/${group.slug}/proposals/${proposal.id}` }
}

async function suggestThrough(visitor: Visitor, page: string, bodyText: string, reason: string) {
  return visitor.post(`${page}/amendments/new`, { bodyText, reason })
}

describe('suggesting a change', () => {
  it('a member with standing suggests one without JavaScript and lands on its page', async () => {
    const { proposal, page } = await openProposal()
    const member = await signedIn(suggester)
    const form = await readPage(await member.get(`${page}/amendments/new`))
    expect(form.headings(2)).toEqual([`Suggest a change to “${proposal.title}”`])
    expect(form.field('Why this change?').name).toBe('reason')
    const sent = await suggestThrough(
      member,
      page,
      'Buses every five minutes on main routes.',
      'Ten minutes is too long a wait.',
    )
    expect(sent.status).toBe(302)
    const shown = await readPage(await member.get(sent.headers.get('Location')!))
    expect(shown.alerts()).toContain('Your suggestion is sent. The authors have been told.')
    expect(shown.text).toContain('Ten minutes is too long a wait.')
    expect(shown.text).toContain('[removed: ten]')
    expect(shown.text).toContain('[added: five]')
    const proposalPage = await readPage(await new Visitor().get(page))
    expect(proposalPage.headings(3)).toContain('Suggested changes (1 open)')
    expect(proposalPage.link('Change suggested by Sol Suggester').href).toBe(
      sent.headers.get('Location'),
    )
    const console = await readPage(
      await (await signedIn(facilitator)).get(`/groups/${group.slug}/console`),
    )
    expect(console.headings(2)).toContain('Suggested changes waiting for authors')
    expect(console.links().map((l) => l.href)).toContain(`${page}#amendments-heading`)
    expect(console.text).toContain(`${proposal.title} · 1 open suggestion`)
  })

  it('keeps the member’s words when the reason is missing, and saves nothing', async () => {
    const { proposal, page } = await openProposal()
    const response = await suggestThrough(await signedIn(suggester), page, 'My better words.', ' ')
    expect(response.status).toBe(400)
    const form = await readPage(response)
    expect(form.field('Why this change?')).toMatchObject({ invalid: true })
    expect(form.field('Why this change?').description).toContain('Say why you suggest this change.')
    expect(form.source).toContain('My better words.')
    expect((await proposalRow(proposal.id)).amendments_open).toBe(0)
  })

  it('tells a member without standing, an author and a visitor why they cannot', async () => {
    const { page } = await openProposal()
    const newcomer = await readPage(await (await signedIn(fresh)).get(page))
    expect(newcomer.text).toContain('You can suggest changes once you have been a member')
    expect(newcomer.links().some((l) => l.name === 'Suggest a change')).toBe(false)
    const refused = await suggestThrough(await signedIn(fresh), page, 'Other words.', 'Because.')
    expect(refused.status).toBe(403)
    expect((await readPage(refused)).alerts().join(' ')).toMatch(/standing/)
    const own = await readPage(await (await signedIn(author)).get(page))
    expect(own.text).toContain('You are an author of this proposal: edit it instead.')
    const visitor = await readPage(await new Visitor().get(page))
    expect(visitor.text).toContain('Sign in and join the group to suggest changes.')
    expect((await new Visitor().get(`${page}/amendments/new`)).status).toBe(302)
  })
})

async function suggestionOn(page: string, text: string) {
  const sent = await suggestThrough(await signedIn(suggester), page, text, 'Clearer.')
  expect(sent.status).toBe(302)
  return sent.headers.get('Location')!
}

describe('deciding on a suggestion', () => {
  it('members support it; the author accepts it; the history credits the suggester', async () => {
    const { proposal, page } = await openProposal()
    const href = await suggestionOn(page, 'Buses every five minutes on all routes.')
    const supporter = await signedIn(fresh)
    await supporter.post(href, { intent: 'support' })
    const seen = await readPage(await supporter.get(href))
    expect(seen.text).toContain('1 supporter')
    expect(seen.buttons().map((b) => b.name)).toContain('Withdraw my support')
    // Only the authors see the decision.
    expect(seen.buttons().map((b) => b.name)).not.toContain('Accept this change')
    const forged = await supporter.post(href, { intent: 'accept' })
    expect(forged.status).toBe(403)
    const desk = await signedIn(author)
    const accepted = await desk.post(href, { intent: 'accept' })
    expect(accepted.status).toBe(302)
    const after = await proposalRow(proposal.id)
    expect(after.body_text).toBe('Buses every five minutes on all routes.')
    const result = await readPage(await desk.get(href))
    expect(result.text).toContain(`Accepted by Ada Author`)
    expect(result.link(`version ${after.version}`).href).toBe(`${page}/history?to=${after.version}`)
    const history = await readPage(await new Visitor().get(`${page}/history`))
    expect(history.text).toContain(`Version ${after.version} · Sol Suggester`)
    expect(history.link('their suggested change, accepted').href).toBe(href)
    const proposalPage = await readPage(await new Visitor().get(page))
    expect(proposalPage.text).toContain('0 open suggestions · 1 accepted · 0 declined')
    // The candidate's review says how many changes were accepted.
    await sql().query(`update public.proposals set status = 'forwarded' where id = $1`, [
      proposal.id,
    ])
    const candidate = await createMember({
      displayName: `Cand ${crypto.randomUUID().replaceAll('-', '').slice(0, 12)}`,
    })
    await grantSiteRole(candidate, 'candidate')
    const review = await readPage(
      await (await signedIn(candidate)).get(`/review?group=${group.slug}`),
    )
    expect(review.text).toContain('1 accepted amendment')
  })

  it('the author declines with a reason; without one the page says so', async () => {
    const { page } = await openProposal()
    const href = await suggestionOn(page, 'No buses at all.')
    const desk = await signedIn(author)
    const bare = await desk.post(href, { intent: 'decline', decisionReason: '' })
    expect(bare.status).toBe(400)
    expect((await readPage(bare)).field('Why decline it?').description).toContain(
      'Say why you decline this suggestion.',
    )
    await desk.post(href, { intent: 'decline', decisionReason: 'We need the buses.' })
    const shown = await readPage(await new Visitor().get(href))
    expect(shown.text).toContain('Declined by Ada Author')
    expect(shown.text).toContain('We need the buses.')
  })

  it('an outdated suggestion is compared with the current text', async () => {
    const { proposal, page } = await openProposal()
    const href = await suggestionOn(page, 'Buses every five minutes on main routes.')
    await author.client
      .from('proposals')
      .update({
        body: documentOf('Trams every ten minutes on main routes.'),
        change_note: 'A test edit.',
      })
      .eq('id', proposal.id)
    const shown = await readPage(await new Visitor().get(href))
    expect(shown.text).toContain('Open · outdated')
    expect(shown.text).toMatch(/Outdated: this was suggested against version \d+/)
    expect(shown.text).toContain('[removed: Trams]')
    expect(shown.text).toContain('[added: Buses]')
    const { rows } = await sql().query('select version from public.proposals where id = $1', [
      proposal.id,
    ])
    expect(shown.text).toContain(`The current text (version ${rows[0].version})`)
  })

  it('an unknown suggestion is a 404', async () => {
    const { page } = await openProposal()
    expect((await new Visitor().get(`${page}/amendments/${crypto.randomUUID()}`)).status).toBe(404)
    expect((await new Visitor().get(`${page}/amendments/nonsense`)).status).toBe(404)
  })
})
