// The front page, signed in: it leads with the member's groups and what is new since their
// last visit, their drafts, their invitations and the proposals they support that moved;
// the candidate is first told what waits for their answer. Everyone sees the candidate's
// latest answers, and /answers pages through all of them.
import { beforeAll, describe, expect, it } from 'vitest'
import { signedIn, Visitor } from '../support/app'
import { readPage } from '../support/page'
import { addMembership } from '../support/groups'
import { arrangeProposal, arrangeProposals, createWorld, type World } from '../support/lifecycle'
import { createMember, type Member } from '../support/members'
import { createProposal, inviteCoauthor } from '../support/proposals'
import { answerAs } from '../support/review'
import { sql } from '../support/sql'

let world: World
let lena: Member
beforeAll(async () => {
  world = await createWorld('open')
  lena = await createMember({ displayName: `Lena ${crypto.randomUUID().slice(0, 6)}` })
  await addMembership(world.group, lena)
})

describe('a member’s home', () => {
  it('shows their groups with what is new, their drafts, invitations and moved proposals', async () => {
    await sql().query(
      "update public.group_members set seen_at = now() - interval '1 hour' where group_id = $1 and user_id = $2",
      [world.group.id, lena.id],
    )
    await arrangeProposals(world, ['open', 'open', 'open'])
    const draft = await createProposal(lena, world.group, { title: 'Night buses to the airport' })
    const invited = await createProposal(world.author, world.group, {
      title: 'Bus lanes on the A580',
    })
    await inviteCoauthor(invited, world.author, lena)
    const supported = await arrangeProposal(world, 'open')
    expect(
      (await lena.client.from('votes').insert({ proposal_id: supported.id, value: 1 })).error,
    ).toBeNull()
    const { error } = await world.facilitator.client.rpc('transition_proposal', {
      proposal_id: supported.id,
      action: 'shortlist',
    })
    expect(error).toBeNull()

    const member = await signedIn(lena)
    const page = await readPage(await member.get('/'))
    expect(page.headings(1)).toEqual([`Welcome back, ${lena.displayName}`])
    expect(page.text).not.toContain('Join the forum')
    const groups = page.section('Your groups')
    expect(groups).toContain(world.group.name)
    expect(groups).toMatch(/[4-9] new proposals since your last visit|10 or more new proposals/)
    expect(page.section('Your drafts')).toContain(draft.title)
    expect(page.section('Invitations to co-author')).toContain('Bus lanes on the A580')
    const moved = page.section('Proposals you support or follow that moved')
    expect(moved).toContain(supported.title)
    expect(moved).toContain('Shortlisted')
    expect(page.link(draft.title).href).toBe(`/groups/${world.group.slug}/proposals/${draft.id}`)

    // Opening the group's page is the visit: nothing is new any more.
    await member.get(`/groups/${world.group.slug}`)
    const again = await readPage(await member.get('/'))
    expect(again.section('Your groups')).toContain('Nothing new since your last visit')
  })

  it('offers a member with no group a way to find one', async () => {
    const page = await readPage(await (await signedIn(await createMember())).get('/'))
    expect(page.section('Your groups')).toContain('You have not joined a group yet.')
    expect(page.link('Find a policy group').href).toBe('/groups')
  })

  it('tells the candidate first what waits for their answer', async () => {
    await arrangeProposal(world, 'forwarded')
    const page = await readPage(await (await signedIn(world.candidate)).get('/'))
    expect(page.headings(2)[0]).toMatch(/^\d+ proposals? waits? for your answer$/)
    expect(page.link('Open your review').href).toBe('/review')
    // The candidate takes no part in a group: the member panels are not there to distract.
    expect(() => page.section('Your groups')).toThrow()
    const member = await readPage(await (await signedIn(world.member)).get('/'))
    expect(member.text).not.toContain('for your answer')
    expect(member.section('Your groups')).toContain(world.group.name)
  })

  it('links a facilitator’s groups to their console', async () => {
    const page = await readPage(await (await signedIn(world.facilitator)).get('/'))
    expect(page.link(`You facilitate: open the ${world.group.name} console`).href).toBe(
      `/groups/${world.group.slug}/console`,
    )
    const member = await readPage(await (await signedIn(world.member)).get('/'))
    expect(member.text).not.toContain('You facilitate')
  })
})

describe('the candidate’s answers', () => {
  it('are on the front page for visitors, newest first, and paged on /answers', async () => {
    const marker = crypto.randomUUID().slice(0, 8)
    const proposals = await arrangeProposals(
      world,
      Array.from({ length: 21 }, () => 'forwarded' as const),
    )
    for (const [i, p] of proposals.entries())
      await answerAs(world.candidate, p.id, 'considering', `Answer ${marker} number ${i + 1}.`)

    const visitor = new Visitor()
    const home = await readPage(await visitor.get('/'))
    expect(home.text).toContain('Join the forum')
    expect(home.section('The candidate’s latest answers')).toContain(`Answer ${marker} number 21.`)

    const first = await readPage(await visitor.get('/answers'))
    expect(first.headings(1)).toEqual(['The candidate’s answers'])
    expect(first.text).toContain(`Answer ${marker} number 21.`)
    expect(first.text).toContain('Under consideration')
    const earlier = first.link('Earlier answers')
    const second = await readPage(await visitor.get(earlier.href))
    // Nothing is shown twice or skipped between the pages.
    const numbers = (text: string) =>
      [...text.matchAll(new RegExp(`Answer ${marker} number (\\d+)\\.`, 'g'))].map((m) =>
        Number(m[1]),
      )
    const both = [...numbers(first.text), ...numbers(second.text)]
    expect(new Set(both).size).toBe(both.length)
    expect(numbers(first.text)[0]).toBe(21)
    expect(second.link('Newest answers').href).toBe('/answers')
  })

  it('ignore a cursor that is not one, without an error', async () => {
    const response = await new Visitor().get('/answers?after=yesterday_nope')
    expect(response.status).toBe(200)
    const page = await readPage(response)
    expect(page.headings(1)).toEqual(['The candidate’s answers'])
  })
})
