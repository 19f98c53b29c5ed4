// The merge picker: a facilitator searches the group for what a duplicate repeats, sees each
// candidate's status, authors and support, and merges through the console's own action.
import { describe, expect, it } from 'vitest'
import { Visitor, signedIn } from '../support/app'
import { addMembership, createCast } from '../support/groups'
import { createMember } from '../support/members'
import { readPage } from '../support/page'
import { createProposal } from '../support/proposals'
import { sql } from '../support/sql'

async function arrange() {
  const cast = await createCast('open')
  const author = await createMember({ displayName: 'Pia Proposer' })
  await addMembership(cast.group, author)
  const publish = (title: string, body = 'A proposal about buses.') =>
    createProposal(author, cast.group, { title, body, publish: true })
  const duplicate = await publish('Evening buses to Halewood again')
  const original = await publish('Bring back the evening 10A to Halewood', 'Late shifts need it.')
  const other = await publish('Step-free stations on the Northern line', 'Lifts at every station.')
  const own = await createProposal(cast.facilitator, cast.group, {
    title: 'Halewood night bus, by the facilitator',
    publish: true,
  })
  return { ...cast, duplicate, original, other, own }
}

describe('the merge picker', () => {
  it('offers the group’s other live proposals, searches them, and merges into the one chosen', async () => {
    const { group, facilitator, duplicate, original, other, own } = await arrange()
    const desk = await signedIn(facilitator)
    const picker = `/groups/${group.slug}/console/merge/${duplicate.id}`

    const top = await readPage(await desk.get(picker))
    const choices = (page: typeof top) =>
      page.root
        .querySelectorAll('input[name=mergeInto]')
        .map((input) => input.getAttribute('value'))
    expect(top.headings(2)).toContain(`Merge “${duplicate.title}”`)
    expect(top.text).toContain(`${original.title} Open for discussion by Pia Proposer · 0 support`)
    // Not itself, and not the facilitator's own proposal (Postgres refuses that merge).
    expect(choices(top).sort()).toEqual([original.id, other.id].sort())
    expect(top.text).not.toContain(own.title)

    const found = await readPage(await desk.get(`${picker}?q=shifts`))
    expect(found.text).toContain('Proposals matching “shifts”')
    expect(choices(found)).toEqual([original.id])
    const none = await readPage(await desk.get(`${picker}?q=trams`))
    expect(none.text).toContain('No open or shortlisted proposal')

    const merged = await desk.post(`/groups/${group.slug}/console`, {
      intent: 'merge',
      proposalId: duplicate.id,
      mergeInto: original.id,
      reason: 'The same route.',
      confirmed: 'yes',
    })
    expect(merged.status).toBe(302)
    const { rows } = await sql().query(
      'select status, merged_into from public.proposals where id = $1',
      [duplicate.id],
    )
    expect(rows[0]).toEqual({ status: 'merged', merged_into: original.id })
    const after = await readPage(await desk.get(picker))
    expect(after.text).toContain('Only open and shortlisted proposals can be merged.')
  })

  it('is the group’s curators’ alone, and says so on their own proposal', async () => {
    const { group, facilitator, member, duplicate, own } = await arrange()
    expect(
      (await (await signedIn(member)).get(`/groups/${group.slug}/console/merge/${duplicate.id}`))
        .status,
    ).toBe(403)
    const visitor = await new Visitor().get(`/groups/${group.slug}/console/merge/${duplicate.id}`)
    expect(visitor.status).toBe(302)
    const desk = await signedIn(facilitator)
    const ownPage = await readPage(await desk.get(`/groups/${group.slug}/console/merge/${own.id}`))
    expect(ownPage.text).toContain('another facilitator decides whether to merge it')
    expect(
      (await desk.get(`/groups/${group.slug}/console/merge/${crypto.randomUUID()}`)).status,
    ).toBe(404)
  })
})
