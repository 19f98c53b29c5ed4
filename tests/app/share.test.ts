// Proposals worth sharing: a published proposal's link unfurls with its title, summary, group
// and support (Open Graph and X cards) and its page offers share links that work without
// JavaScript, with a card image of its support by borough. A draft's or hidden proposal's page
// gives none of its content to the tags, and has no card.
import { parse } from 'node-html-parser'
import { describe, expect, it } from 'vitest'
import { origin, signedIn, Visitor } from '../support/app'
import { addMembership, createGroup } from '../support/groups'
import { createMember } from '../support/members'
import { readPage } from '../support/page'
import { createProposal } from '../support/proposals'
import { sql } from '../support/sql'

/** The page's <meta> tags by name or property, and its <title>. */
async function headOf(response: Response) {
  const root = parse(await response.text())
  const tags = new Map<string, string>()
  for (const meta of root.querySelectorAll('head meta')) {
    const key = meta.getAttribute('property') ?? meta.getAttribute('name')
    if (key) tags.set(key, meta.getAttribute('content') ?? '')
  }
  const canonical = root.querySelector('head link[rel="canonical"]')?.getAttribute('href')
  return { tags, canonical, title: root.querySelector('head title')?.text ?? '' }
}

async function world() {
  const group = await createGroup()
  const author = await createMember({ displayName: 'Ife Author' })
  await addMembership(group, author)
  return { group, author }
}

describe('a published proposal', () => {
  it('unfurls with its title, summary, group and support, at its canonical address', async () => {
    const { group, author } = await world()
    const proposal = await createProposal(author, group, {
      title: 'A night bus on the 10A',
      summary: 'Half-hourly after midnight, for shift workers.',
      publish: true,
    })
    const path = `/groups/${group.slug}/proposals/${proposal.id}`
    const { tags, canonical, title } = await headOf(await new Visitor().get(path))
    expect(title).toBe(`A night bus on the 10A · ${group.name} · Policy Forum`)
    expect(canonical).toBe(`${origin}${path}`)
    expect(tags.get('og:type')).toBe('article')
    expect(tags.get('og:site_name')).toBe('Liverpool City Region for Everyone')
    expect(tags.get('og:title')).toBe('A night bus on the 10A')
    expect(tags.get('og:url')).toBe(`${origin}${path}`)
    expect(tags.get('og:description')).toBe(
      `Half-hourly after midnight, for shift workers. ${group.name} · 0 support, 0 oppose so far.`,
    )
    expect(tags.get('twitter:card')).toBe('summary_large_image')
    expect(tags.get('twitter:title')).toBe('A night bus on the 10A')
    expect(tags.get('og:image')).toBe(`${origin}${path}/card.png`)
    expect(tags.get('twitter:image')).toBe(`${origin}${path}/card.png`)
    expect([tags.get('og:image:width'), tags.get('og:image:height')]).toEqual(['1200', '630'])
    expect(tags.get('og:image:alt')).toBe('A night bus on the 10A: 0 support, 0 oppose so far.')
    expect(tags.has('robots')).toBe(false)
  })

  it('offers share links and the address to copy, without JavaScript', async () => {
    const { group, author } = await world()
    const proposal = await createProposal(author, group, { title: 'Fares that fit', publish: true })
    const url = `${origin}/groups/${group.slug}/proposals/${proposal.id}`
    const page = await readPage(await new Visitor().get(new URL(url).pathname))
    expect(page.headings(2)).toContain('Share this proposal')
    const href = (name: string) => new URL(page.link(`${name} (opens in a new tab)`).href)
    expect(href('X (Twitter)').searchParams.get('url')).toBe(url)
    expect(href('Facebook').searchParams.get('u')).toBe(url)
    expect(href('WhatsApp').searchParams.get('text')).toContain(url)
    const mail = page.link('E-mail (opens in a new tab)').href
    expect(decodeURIComponent(mail)).toContain(url)
    expect(mail).not.toContain('+')
    expect(page.field('Link to this proposal')).toMatchObject({ value: url, readOnly: true })
    // The button needs JavaScript, so the server does not render it.
    expect(page.buttons().map((button) => button.name)).not.toContain('Copy link')
  })
})

describe('the card image', () => {
  it('is a 1200 × 630 PNG, public and cached, that changes with the proposal’s support', async () => {
    const { group, author } = await world()
    const proposal = await createProposal(author, group, {
      title: 'Step-free at every stop',
      publish: true,
    })
    const path = `/groups/${group.slug}/proposals/${proposal.id}/card.png`
    const first = await new Visitor().get(path)
    expect(first.status).toBe(200)
    expect(first.headers.get('Content-Type')).toBe('image/png')
    expect(first.headers.get('Cache-Control')).toBe('public, max-age=600')
    const png = Buffer.from(await first.arrayBuffer())
    expect(png.subarray(0, 8)).toEqual(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]))
    // The IHDR chunk: width and height.
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630])
    const supporter = await createMember()
    await addMembership(group, supporter)
    await sql().query('insert into public.votes (proposal_id, user_id, value) values ($1, $2, 1)', [
      proposal.id,
      supporter.id,
    ])
    const second = Buffer.from(await (await new Visitor().get(path)).arrayBuffer())
    expect(second.equals(png)).toBe(false)
  })
})

describe('what never unfurls', () => {
  it('a draft, seen by its author: no title, summary or share links', async () => {
    const { group, author } = await world()
    const draft = await createProposal(author, group, {
      title: 'Secret draft title',
      summary: 'Secret draft summary.',
    })
    const response = await (
      await signedIn(author)
    ).get(`/groups/${group.slug}/proposals/${draft.id}`)
    const page = await readPage(response.clone())
    const { tags, title } = await headOf(response)
    expect(title).toBe(`Draft · ${group.name} · Policy Forum`)
    expect(tags.get('robots')).toBe('noindex')
    for (const key of ['description', 'og:title', 'og:description', 'twitter:title', 'og:image'])
      expect(tags.has(key), key).toBe(false)
    expect(page.headings(2)).not.toContain('Share this proposal')
    // Nor has it a card, not even for its author.
    for (const visitor of [await signedIn(author), new Visitor()]) {
      const card = await visitor.get(`/groups/${group.slug}/proposals/${draft.id}/card.png`)
      expect(card.headers.get('Content-Type')).not.toBe('image/png')
      expect(card.status).toBe(404)
    }
  })

  it('a hidden proposal, seen by its author: no title or summary in the tags', async () => {
    const { group, author } = await world()
    const proposal = await createProposal(author, group, {
      title: 'Hidden proposal title',
      summary: 'Hidden proposal summary.',
      publish: true,
    })
    await sql().query(
      `update public.proposals set hidden_at = now(), hidden_reason = 'Off topic for this group.'
        where id = $1`,
      [proposal.id],
    )
    const response = await (
      await signedIn(author)
    ).get(`/groups/${group.slug}/proposals/${proposal.id}`)
    const page = await readPage(response.clone())
    const { tags, title } = await headOf(response)
    expect(title).toBe(`Hidden proposal · ${group.name} · Policy Forum`)
    expect([...tags.values()].join(' ')).not.toMatch(/Hidden proposal (title|summary)/)
    expect(tags.has('og:image')).toBe(false)
    expect(page.headings(2)).not.toContain('Share this proposal')
    const card = await new Visitor().get(`/groups/${group.slug}/proposals/${proposal.id}/card.png`)
    expect(card.status).toBe(404)
  })
})

describe('a group', () => {
  it('unfurls with its name and summary', async () => {
    const { tags, canonical } = await headOf(await new Visitor().get('/groups/buses'))
    expect(canonical).toBe(`${origin}/groups/buses`)
    expect(tags.get('og:title')).toBe('Buses: a policy group')
    expect(tags.get('og:description')).toMatch(/^A bus network that serves communities/)
  })
})
