// Reporting through the Remix request handler: a kind of problem and words, sent back to the
// page reported from; refused (no kind, no words for "something else", too long) with what
// the member typed kept in the form.
import { describe, expect, it } from 'vitest'
import { signedIn } from '../support/app'
import { readPage } from '../support/page'
import { addMembership, createGroup } from '../support/groups'
import { createMember } from '../support/members'
import { createProposal } from '../support/proposals'
import { sql } from '../support/sql'

async function reportable() {
  const group = await createGroup()
  const author = await createMember()
  const reporter = await createMember()
  await addMembership(group, author)
  await addMembership(group, reporter)
  const proposal = await createProposal(author, group, { publish: true })
  const page = `/groups/${group.slug}/proposals/${proposal.id}`
  return { proposal, page, visitor: await signedIn(reporter) }
}

async function flagsOn(proposalId: string) {
  const { rows } = await sql().query(
    'select category, reason from public.flags where proposal_id = $1',
    [proposalId],
  )
  return rows
}

describe('reporting', () => {
  it('offers the kinds of problem, and sends a report back to the page it came from', async () => {
    const { proposal, page, visitor } = await reportable()
    const form = await readPage(await visitor.get(`${page}?report=proposal`))
    expect(form.texts('legend')).toContain('Why are you reporting this proposal?')
    for (const kind of [
      'Spam or advertising',
      'Abuse, harassment or hate',
      'Off-topic for this group',
      'Personal details about someone',
      'Something else',
    ])
      expect(form.field(kind).name).toBe('category')
    expect(form.field('What is wrong with it').description).toContain('Up to 500 characters.')
    const sent = await visitor.post('/report', { returnTo: page, category: 'spam', reason: '' })
    expect(sent.status).toBe(302)
    expect(sent.headers.get('Location')).toBe(page)
    expect(await flagsOn(proposal.id)).toEqual([{ category: 'spam', reason: 'Spam' }])
  })

  it('refuses too long a reason, keeping every character and the chosen kind', async () => {
    const { proposal, page, visitor } = await reportable()
    const long = `${'w'.repeat(600)} the end`
    const refused = await readPage(
      await visitor.post('/report', { returnTo: page, category: 'abuse', reason: long }),
    )
    expect(refused.status).toBe(400)
    expect(refused.headings(1)).toEqual(['Your report was not sent'])
    const box = refused.field('What is wrong with it')
    expect(box.value).toBe(long)
    expect(box.invalid).toBe(true)
    expect(box.description).toContain('Keep the reason to 500 characters.')
    expect(refused.field('Abuse, harassment or hate').checked).toBe(true)
    expect(await flagsOn(proposal.id)).toEqual([])
  })

  it('needs a kind, and words for “something else”', async () => {
    const { proposal, page, visitor } = await reportable()
    const noKind = await readPage(await visitor.post('/report', { returnTo: page, reason: 'Hmm' }))
    expect(noKind.status).toBe(400)
    expect(noKind.text).toContain('Choose what is wrong with it.')
    expect(noKind.field('What is wrong with it').value).toBe('Hmm')
    const noWords = await readPage(
      await visitor.post('/report', { returnTo: page, category: 'other', reason: ' ' }),
    )
    expect(noWords.status).toBe(400)
    expect(noWords.field('What is wrong with it').description).toContain(
      'Say what is wrong with it.',
    )
    expect(await flagsOn(proposal.id)).toEqual([])
  })

  it('gives the database’s refusal with the text kept, for a second report', async () => {
    const { page, visitor } = await reportable()
    await visitor.post('/report', { returnTo: page, category: 'spam', reason: 'Advert' })
    const again = await readPage(
      await visitor.post('/report', { returnTo: page, category: 'other', reason: 'Once more' }),
    )
    expect(again.status).toBe(400)
    expect(again.field('What is wrong with it').value).toBe('Once more')
  })
})
