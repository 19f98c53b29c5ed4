// The candidate's review through the Remix request handler: who may see it and export, what
// the exports hold for a known set of proposals, answering, and the filters and rankings.
import { beforeAll, describe, expect, it } from 'vitest'
import { longDate } from '../../app/utils/dates'
import { origin, signedIn, Visitor } from '../support/app'
import { pageText, readPage } from '../support/page'
import { createGroup } from '../support/groups'
import { createWorld, statusOf, type World } from '../support/lifecycle'
import {
  answerAs,
  arrangeReviewProposal,
  castVotes,
  createVoters,
  parseCsv,
  type ReviewProposal,
} from '../support/review'
import { sql } from '../support/sql'

const regionColumns = [
  'Liverpool',
  'Sefton',
  'Knowsley',
  'St Helens',
  'Halton',
  'Wirral',
  'Elsewhere',
].flatMap((name) => [`${name} for`, `${name} against`])
const header = [
  'Title',
  'Group',
  'Authors',
  'Status',
  'Support',
  'Oppose',
  'Comments',
  ...regionColumns,
  'Summary',
  'Full text',
  'Candidate’s decision',
  'Candidate’s explanation',
  'Answered on',
  'Proposal page',
]

/** Region counts in the export's order: liverpool, sefton, knowsley, st-helens, halton, wirral,
 * elsewhere. Where fewer than 5 voted (every region in these tests), the export says so
 * instead of the numbers. */
function regionCells(counts: Partial<Record<string, [number, number]>>) {
  return ['liverpool', 'sefton', 'knowsley', 'st-helens', 'halton', 'wirral', 'elsewhere'].flatMap(
    (slug) => {
      const [support, oppose] = counts[slug] ?? [0, 0]
      return support + oppose < 5 ? ['fewer than 5 votes', ''] : [String(support), String(oppose)]
    },
  )
}

describe('exports of a known set of proposals', () => {
  let world: World
  let fares: ReviewProposal
  let nightBuses: ReviewProposal
  let stations: ReviewProposal
  let seasonTickets: ReviewProposal
  const explanation = `=cmd|' /C calc'!A0 is not a formula here.\n\nWe will, "gladly", fund it.`

  beforeAll(async () => {
    world = await createWorld()
    const [l1, l2, w1, w2, w3, w4, halton, sefton, knowsley, stHelens, elsewhere] =
      await createVoters([
        'liverpool',
        'liverpool',
        'wirral',
        'wirral',
        'wirral',
        'wirral',
        'halton',
        'sefton',
        'knowsley',
        'st-helens',
        'elsewhere',
      ])
    fares = await arrangeReviewProposal(world, {
      title: '=Fares, "capped" at £2',
      summary: '+44 fares, capped; *now* & # forever',
      paragraphs: [
        'Line one, with a comma',
        '# Not a heading * _ [link](x) ]',
        'Quote "this"\nand a new line',
      ],
    })
    nightBuses = await arrangeReviewProposal(world, {
      title: 'Night buses across the region',
      paragraphs: ['Run night buses.'],
    })
    stations = await arrangeReviewProposal(world, {
      title: 'Accessible stations for all',
      summary: 'Lifts at every station.',
    })
    seasonTickets = await arrangeReviewProposal(world, {
      title: 'Part-time season tickets',
      summary: 'For people who work three days.',
      status: 'shortlisted',
    })
    await arrangeReviewProposal(world, { title: 'In another group', groupId: world.otherGroup.id })
    await castVotes(fares.id, [
      [l1, 1],
      [l2, 1],
      [w1, 1],
      [w2, -1],
      [halton, -1],
    ])
    await castVotes(nightBuses.id, [
      [sefton, 1],
      [knowsley, 1],
      [stHelens, 1],
      [w3, 1],
      [w4, 1],
    ])
    await castVotes(stations.id, [[elsewhere, 1]])
    await answerAs(world.candidate, stations.id, 'adopted', explanation)
  })

  function url(proposal: ReviewProposal) {
    return `${origin}/groups/${world.group.slug}/proposals/${proposal.id}`
  }

  it('sends the forwarded proposals of a group as RFC 4180 CSV, every field in place', async () => {
    const candidate = await signedIn(world.candidate)
    const response = await candidate.get(`/review/export.csv?group=${world.group.slug}`)
    expect(response.status).toBe(200)
    expect(response.headers.get('Content-Type')).toBe('text/csv; charset=utf-8')
    expect(response.headers.get('Content-Disposition')).toMatch(
      new RegExp(
        `^attachment; filename="policy-forum-forwarded-${world.group.slug}-\\d{4}-\\d{2}-\\d{2}\\.csv"$`,
      ),
    )
    const bytes = new Uint8Array(await response.arrayBuffer())
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).slice(1)
    const [head, ...rows] = parseCsv(text)
    expect(head).toEqual(header)
    // Top first: 5 for and none against outranks 3 for and 2 against.
    expect(rows).toEqual([
      [
        'Night buses across the region',
        world.group.name,
        'Ruth Author; Co Author',
        'With the candidate',
        '5',
        '0',
        '0',
        ...regionCells({ sefton: [1, 0], knowsley: [1, 0], 'st-helens': [1, 0], wirral: [2, 0] }),
        '',
        'Run night buses.',
        '',
        '',
        '',
        url(nightBuses),
      ],
      [
        `'=Fares, "capped" at £2`,
        world.group.name,
        'Ruth Author; Co Author',
        'With the candidate',
        '3',
        '2',
        '0',
        ...regionCells({ liverpool: [2, 0], halton: [0, 1], wirral: [1, 1] }),
        "'+44 fares, capped; *now* & # forever",
        'Line one, with a comma\n\n# Not a heading * _ [link](x) ]\n\nQuote "this"\nand a new line',
        '',
        '',
        '',
        url(fares),
      ],
    ])
    // The quoting itself, as a spreadsheet reads it.
    expect(text).toContain(`"'=Fares, ""capped"" at £2",`)
  })

  it('sends answered and shortlisted proposals with the candidate’s answer', async () => {
    const candidate = await signedIn(world.candidate)
    const answered = parseCsv(
      (
        await (
          await candidate.get(`/review/export.csv?status=answered&group=${world.group.slug}`)
        ).text()
      ).slice(1),
    )
    const { rows } = await sql().query(
      'select responded_at from public.candidate_responses where proposal_id = $1',
      [stations.id],
    )
    expect(answered.slice(1)).toEqual([
      [
        'Accessible stations for all',
        world.group.name,
        'Ruth Author; Co Author',
        'Adopted',
        '1',
        '0',
        '0',
        ...regionCells({ elsewhere: [1, 0] }),
        'Lifts at every station.',
        'The body of the proposal.',
        'Adopted',
        `'${explanation}`,
        new Date(rows[0].responded_at).toISOString().slice(0, 10),
        url(stations),
      ],
    ])
    const shortlisted = parseCsv(
      (
        await (
          await candidate.get(`/review/export.csv?status=shortlisted&group=${world.group.slug}`)
        ).text()
      ).slice(1),
    )
    expect(shortlisted.slice(1).map((row) => [row[0], row[3]])).toEqual([
      [seasonTickets.title, 'Shortlisted'],
    ])
  })

  it('writes one Markdown section per proposal with every field, members’ text escaped', async () => {
    const candidate = await signedIn(world.candidate)
    const response = await candidate.get(`/review/export.md?group=${world.group.slug}`)
    expect(response.status).toBe(200)
    expect(response.headers.get('Content-Type')).toBe('text/markdown; charset=utf-8')
    expect(response.headers.get('Content-Disposition')).toMatch(
      /^attachment; filename="policy-forum-forwarded-.+\.md"$/,
    )
    const markdown = await response.text()
    const lines = markdown.split('\n')
    expect(lines[0]).toBe(`# Proposals with the candidate: ${world.group.name}`)
    expect(lines.filter((l) => l.startsWith('# '))).toHaveLength(1)
    expect(lines.filter((l) => l.startsWith('## '))).toEqual([
      '## 1. Night buses across the region',
      '## 2. \\=Fares, "capped" at £2',
    ])
    expect(lines.filter((l) => l.startsWith('### '))).toHaveLength(6)
    const section = markdown.slice(markdown.indexOf('## 2.'))
    expect(section).toContain(
      [
        `- **Group:** ${world.group.name}`,
        '- **Authors:** Ruth Author, Co Author',
        '- **Status:** With the candidate',
        '- **Support:** 3 · **Oppose:** 2 · **Comments:** 0',
        '- **Support by borough:** Liverpool fewer than 5 votes; Sefton fewer than 5 votes; Knowsley fewer than 5 votes; St Helens fewer than 5 votes; Halton fewer than 5 votes; Wirral fewer than 5 votes; Elsewhere fewer than 5 votes',
        `- **Proposal page:** <${url(fares)}>`,
      ].join('\n'),
    )
    expect(section).toContain('### Summary\n\n\\+44 fares, capped; \\*now\\* \\& \\# forever\n')
    expect(section).toContain(
      '### Full text\n\nLine one, with a comma\n\n\\# Not a heading \\* \\_ \\[link\\](x) \\]\n\nQuote "this"\\\nand a new line\n',
    )
    expect(section).toContain('### The candidate’s answer\n\nNot answered yet.')
    expect(markdown.slice(0, markdown.indexOf('## 2.'))).toContain(
      '### Summary\n\nNo summary.\n\n### Full text\n\nRun night buses.',
    )

    const answered = await (
      await candidate.get(`/review/export.md?status=answered&group=${world.group.slug}`)
    ).text()
    expect(answered).toContain('## 1. Accessible stations for all')
    expect(answered).toContain(
      `**Decision: Adopted**, answered on ${longDate(new Date().toISOString())} by ${world.candidate.displayName}.`,
    )
    expect(answered).toContain(
      `\\=cmd\\|' /C calc'\\!A0 is not a formula here.\n\nWe will, "gladly", fund it.`,
    )
  })

  it('lets each role export what is theirs, and no more', async () => {
    const csv = (group?: string) => `/review/export.csv${group ? `?group=${group}` : ''}`
    const anonymous = await new Visitor().get(csv(world.group.slug))
    expect(anonymous.status).toBe(302)
    expect(anonymous.headers.get('Location')).toBe(
      `/signin?${new URLSearchParams({ redirectTo: csv(world.group.slug) })}`,
    )

    const member = await signedIn(world.member)
    const refused = await member.get(csv(world.group.slug))
    expect(refused.status).toBe(403)
    expect(await pageText(refused)).toContain(
      'Only the candidate, admins and this group’s facilitators can export its proposals.',
    )
    expect((await member.get(csv())).status).toBe(403)

    const other = await signedIn(world.otherFacilitator)
    expect((await other.get(csv(world.group.slug))).status).toBe(403)
    expect((await other.get(`/review/export.md?group=${world.group.slug}`)).status).toBe(403)
    expect((await other.get(`/review/print?group=${world.group.slug}`)).status).toBe(403)
    expect((await other.get(csv(world.otherGroup.slug))).status).toBe(200)

    const facilitator = await signedIn(world.facilitator)
    const own = await facilitator.get(`${csv(world.group.slug)}&status=shortlisted`)
    expect(own.status).toBe(200)
    expect(
      parseCsv((await own.text()).slice(1))
        .slice(1)
        .map((row) => row[0]),
    ).toEqual([seasonTickets.title])
    expect((await facilitator.get(`/review/export.md?group=${world.group.slug}`)).status).toBe(200)
    const printed = await facilitator.get(`/review/print?group=${world.group.slug}`)
    expect(printed.status).toBe(200)
    expect(await pageText(printed)).toContain(`Back to ${world.group.name}`)
    const allGroups = await facilitator.get(csv())
    expect(allGroups.status).toBe(403)
    expect(await pageText(allGroups)).toContain('choose the group')
    expect((await facilitator.get('/review')).status).toBe(403)
    expect((await facilitator.get(csv('no-such-group'))).status).toBe(404)

    for (const person of [world.candidate, world.admin]) {
      const visitor = await signedIn(person)
      const everything = await visitor.get(csv())
      expect(everything.status).toBe(200)
      const titles = parseCsv((await everything.text()).slice(1)).map((row) => row[0])
      expect(titles).toEqual(expect.arrayContaining([nightBuses.title, 'In another group']))
      expect((await visitor.get(csv(world.otherGroup.slug))).status).toBe(200)
    }
  })

  it('prints every field, with the answer', async () => {
    const candidate = await signedIn(world.candidate)
    const response = await candidate.get(`/review/print?status=answered&group=${world.group.slug}`)
    expect(response.status).toBe(200)
    const page = await readPage(response)
    expect(page.headings(1)).toEqual([`Proposals answered by the candidate: ${world.group.name}`])
    expect(page.headings()).toContain('Accessible stations for all')
    expect(page.text).toContain('Ruth Author, Co Author')
    expect(page.text).toContain('Lifts at every station.')
    expect(page.text).toContain('The body of the proposal.')
    expect(page.text).toContain('The candidate has adopted this proposal.')
    expect(page.text).toContain('We will, "gladly", fund it.')
    // One voter lives elsewhere: the print page says so only as "fewer than 5".
    expect(page.rows().find((row) => row[0] === 'Elsewhere')?.[1]).toBe('fewer than 5 votes')
  })
})

describe('the review page', () => {
  it('is for the candidate and admins; others get a sentence, visitors the sign-in page', async () => {
    const world = await createWorld()
    const anonymous = await new Visitor().get('/review?tab=answered')
    expect(anonymous.status).toBe(302)
    expect(anonymous.headers.get('Location')).toBe('/signin?redirectTo=%2Freview%3Ftab%3Danswered')
    for (const person of [world.member, world.facilitator]) {
      const refused = await (await signedIn(person)).get('/review')
      expect(refused.status).toBe(403)
      expect(await pageText(refused)).toContain('The review page is for the candidate and admins.')
    }
    const proposal = await arrangeReviewProposal(world, { title: 'Seen by the admin' })
    const admin = await (await signedIn(world.admin)).get(`/review?group=${world.group.slug}`)
    expect(admin.status).toBe(200)
    const adminPage = await pageText(admin)
    expect(adminPage).toContain(proposal.title)
    expect(adminPage).toContain('Only the candidate can answer.')
    expect(adminPage).not.toContain('Save the draft and preview it')
    const candidatePage = await readPage(
      await (await signedIn(world.candidate)).get(`/review?group=${world.group.slug}`),
    )
    expect(candidatePage.buttons().map((button) => button.name)).toContain(
      'Save the draft and preview it',
    )
    // Nothing on the review page publishes in one click.
    expect(candidatePage.buttons().map((button) => button.name)).not.toContain('Publish the answer')
    expect(candidatePage.texts('legend')).toContain('Decision')
    const hrefs = candidatePage.links().map((link) => link.href)
    for (const kind of ['export.csv', 'export.md', 'print'])
      expect(hrefs).toContain(`/review/${kind}?status=forwarded&group=${world.group.slug}`)
  })

  it('saves a private draft, previews it as the public will see it, then publishes it', async () => {
    const world = await createWorld()
    const proposal = await arrangeReviewProposal(world, { title: 'Franchise the buses' })
    const candidate = await signedIn(world.candidate)
    const address = `/review?group=${world.group.slug}&sort=region`
    const proposalPage = `/groups/${world.group.slug}/proposals/${proposal.id}`
    const preview = `/review/answers/${proposal.id}`
    const words =
      'We will franchise the network.\n\nFirst the routes <script>alert(1)</script> that were cut.'
    const saved = await candidate.post(address, {
      intent: 'save-draft',
      proposalId: proposal.id,
      decision: 'considering',
      explanation: words,
    })
    expect(saved.status).toBe(302)
    expect(saved.headers.get('Location')).toBe(preview)
    // A draft is nobody else's business: the proposal is unanswered in public.
    expect(await statusOf(proposal.id)).toBe('forwarded')
    const publicBefore = await pageText(await new Visitor().get(proposalPage))
    expect(publicBefore).not.toContain('We will franchise the network.')
    const adminReview = await pageText(
      await (await signedIn(world.admin)).get(`/review?group=${world.group.slug}`),
    )
    expect(adminReview).not.toContain('We will franchise the network.')
    expect((await (await signedIn(world.admin)).get(preview)).status).toBe(403)

    const previewPage = await readPage(await candidate.get(preview))
    expect(previewPage.headings(1)).toEqual(['Preview your answer'])
    expect(previewPage.text).toContain('Draft saved. Nobody else can see it')
    expect(previewPage.headings()).toContain('As the public will see it on the proposal page')
    expect(previewPage.text).toContain('The candidate is considering this proposal.')
    expect(previewPage.texts('p')).toEqual(
      expect.arrayContaining([
        'We will franchise the network.',
        'First the routes <script>alert(1)</script> that were cut.',
      ]),
    )
    expect(previewPage.text).toContain('The proposal’s authors and its 0 supporters are told.')
    expect(previewPage.buttons().map((button) => button.name)).toContain('Publish the answer')
    // The review lists the draft as not public yet.
    const listed = await readPage(await candidate.get(`/review?group=${world.group.slug}`))
    expect(listed.text).toContain('Your draft answer (Under consideration), saved')
    expect(listed.link(/Preview and publish the draft/).href).toBe(preview)

    const published = await candidate.post(preview, { intent: 'publish' })
    expect(published.status).toBe(302)
    expect(published.headers.get('Location')).toBe('/review?tab=answered')
    expect(await statusOf(proposal.id)).toBe('considering')
    const { rows } = await sql().query(
      'select decision, explanation, responded_by from public.candidate_responses where proposal_id = $1',
      [proposal.id],
    )
    expect(rows).toEqual([
      { decision: 'considering', explanation: words, responded_by: world.candidate.id },
    ])
    const answeredList = await pageText(
      await candidate.get(`/review?tab=answered&group=${world.group.slug}`),
    )
    expect(answeredList).toContain('Answer published.')
    expect(answeredList).toContain('Franchise the buses')
    expect(answeredList).toContain('Correct the answer')

    const page = await readPage(await new Visitor().get(proposalPage))
    expect(page.headings()).toContain('The candidate’s answer')
    expect(page.text).toContain('The candidate is considering this proposal.')
    expect(page.texts('p')).toEqual(
      expect.arrayContaining([
        'We will franchise the network.',
        'First the routes <script>alert(1)</script> that were cut.',
      ]),
    )
    expect(page.source).not.toContain('<script>alert(1)</script>')
    expect(page.text).toContain(`Answered by ${world.candidate.displayName} on`)
    expect(page.text).not.toContain('corrected')
  })

  it('corrects a published answer after a preview; the proposal page shows what changed', async () => {
    const world = await createWorld()
    const proposal = await arrangeReviewProposal(world, { title: 'Free travel for carers' })
    const candidate = await signedIn(world.candidate)
    const preview = `/review/answers/${proposal.id}`
    await candidate.post('/review', {
      intent: 'save-draft',
      proposalId: proposal.id,
      decision: 'adopted',
      explanation: 'We will fund it in the first year.',
    })
    await candidate.post(preview, { intent: 'publish' })
    const drafted = await candidate.post('/review?tab=answered', {
      intent: 'save-draft',
      proposalId: proposal.id,
      decision: 'considering',
      explanation: 'We will fund it in the second year.',
    })
    expect(drafted.headers.get('Location')).toBe(preview)
    const previewPage = await readPage(await candidate.get(preview))
    expect(previewPage.headings(1)).toEqual(['Preview your correction'])
    expect(previewPage.text).toContain('corrected on')
    expect(previewPage.text).toContain('[removed: first]')
    expect(previewPage.text).toContain('[added: second]')
    // Until published, the public still reads the first answer.
    const proposalPage = `/groups/${world.group.slug}/proposals/${proposal.id}`
    expect(await pageText(await new Visitor().get(proposalPage))).toContain(
      'We will fund it in the first year.',
    )
    expect((await candidate.post(preview, { intent: 'publish' })).status).toBe(302)
    expect(await statusOf(proposal.id)).toBe('considering')
    const page = await readPage(await new Visitor().get(proposalPage))
    expect(page.text).toContain('We will fund it in the second year.')
    expect(page.text).toMatch(/corrected on \d/)
    expect(page.text).toContain('What the correction changed')
    expect(page.text).toContain('Before the correction: the candidate has adopted this proposal.')
    expect(page.text).toContain('[removed: first]')
    expect(page.text).toContain('[added: second]')
  })

  it('discards a draft, publishing nothing; publishing without a draft is refused', async () => {
    const world = await createWorld()
    const proposal = await arrangeReviewProposal(world, { title: 'Night buses' })
    const candidate = await signedIn(world.candidate)
    const preview = `/review/answers/${proposal.id}`
    await candidate.post('/review', {
      intent: 'save-draft',
      proposalId: proposal.id,
      decision: 'declined',
      explanation: 'Not this term.',
    })
    const discarded = await candidate.post(preview, { intent: 'discard' })
    expect(discarded.headers.get('Location')).toBe('/review')
    expect(await pageText(await candidate.get('/review'))).toContain(
      'Draft discarded. Nothing was published.',
    )
    const empty = await readPage(await candidate.get(preview))
    expect(empty.headings()).toContain('No draft to preview')
    const refused = await candidate.post(preview, { intent: 'publish' })
    expect(refused.status).toBe(302)
    expect(await pageText(await candidate.get(preview))).toContain(
      'There is no saved draft to publish: save your answer first.',
    )
    expect(await statusOf(proposal.id)).toBe('forwarded')
  })

  it('refuses a bad answer with a clear message and keeps the text', async () => {
    const world = await createWorld()
    const proposal = await arrangeReviewProposal(world, { title: 'Cheaper tunnel tolls' })
    const candidate = await signedIn(world.candidate)
    const address = `/review?group=${world.group.slug}`
    const empty = await candidate.post(address, {
      intent: 'save-draft',
      proposalId: proposal.id,
      decision: 'adopted',
      explanation: '   ',
    })
    expect(empty.status).toBe(400)
    expect(await pageText(empty)).toContain('Write a public explanation of your decision.')

    const undecided = await candidate.post(address, {
      intent: 'save-draft',
      proposalId: proposal.id,
      explanation: 'My careful words',
    })
    expect(undecided.status).toBe(400)
    const undecidedPage = await readPage(undecided)
    expect(undecidedPage.text).toContain('Choose a decision.')
    expect(undecidedPage.values()).toContain('My careful words')

    const long = 'x'.repeat(5001)
    const tooLong = await candidate.post(address, {
      intent: 'save-draft',
      proposalId: proposal.id,
      decision: 'declined',
      explanation: long,
    })
    expect(tooLong.status).toBe(400)
    const tooLongPage = await readPage(tooLong)
    expect(tooLongPage.text).toContain('Keep the explanation to 5,000 characters.')
    expect(tooLongPage.values()).toContain(long)
    expect(await statusOf(proposal.id)).toBe('forwarded')
  })

  it('leaves proposals that are not with the candidate alone, with the database’s reason', async () => {
    const world = await createWorld()
    const open = await arrangeReviewProposal(world, {
      title: 'Still under discussion',
      status: 'open',
    })
    const candidate = await signedIn(world.candidate)
    const refused = await candidate.post('/review', {
      intent: 'save-draft',
      proposalId: open.id,
      decision: 'adopted',
      explanation: 'Too early, my words.',
    })
    expect(refused.status).toBe(400)
    const page = await readPage(refused)
    expect(page.text).toContain('Only proposals forwarded to the candidate can be answered.')
    expect(page.fields().find((field) => field.value === 'Too early, my words.')).toMatchObject({
      readOnly: true,
    })
    expect(await statusOf(open.id)).toBe('open')
  })

  it('lets no one but the candidate answer', async () => {
    const world = await createWorld()
    const proposal = await arrangeReviewProposal(world, { title: 'Answered by no one' })
    const fields = {
      intent: 'save-draft',
      proposalId: proposal.id,
      decision: 'adopted',
      explanation: 'Not mine to say.',
    }
    const admin = await (await signedIn(world.admin)).post('/review', fields)
    expect(admin.status).toBe(403)
    expect(await pageText(admin)).toContain('Only the candidate can answer proposals.')
    for (const person of [world.member, world.facilitator, world.author]) {
      expect((await (await signedIn(person)).post('/review', fields)).status).toBe(403)
    }
    expect((await new Visitor().post('/review', fields)).status).toBe(302)
    expect(await statusOf(proposal.id)).toBe('forwarded')
    const { rows } = await sql().query(
      'select 1 from public.candidate_responses where proposal_id = $1',
      [proposal.id],
    )
    expect(rows).toEqual([])
  })
})

describe('review filters and rankings', () => {
  let world: World
  let candidate: Visitor
  let local: ReviewProposal
  let longTerm: ReviewProposal

  beforeAll(async () => {
    world = await createWorld()
    const longTermGroup = await createGroup({
      name: `Long-term ${crypto.randomUUID().slice(0, 4)}`,
    })
    await sql().query(`update public.groups set horizon = 'long_term' where id = $1`, [
      longTermGroup.id,
    ])
    const [l1, l2, l3, l4, sefton, knowsley, w1, w2] = await createVoters([
      'liverpool',
      'liverpool',
      'liverpool',
      'liverpool',
      'sefton',
      'knowsley',
      'wirral',
      'wirral',
    ])
    // Four supporters in one borough rank higher in Top; three in three boroughs rank higher
    // in Unites the region; two in Wirral rank lowest in both, but first in Wirral.
    local = await arrangeReviewProposal(world, { title: 'Carried by Liverpool' })
    const broad = await arrangeReviewProposal(world, { title: 'Backed across boroughs' })
    const wirral = await arrangeReviewProposal(world, { title: 'Backed in Wirral' })
    longTerm = await arrangeReviewProposal(world, {
      title: 'A long-term vision',
      groupId: longTermGroup.id,
    })
    await castVotes(local.id, [
      [l1, 1],
      [l2, 1],
      [l3, 1],
      [l4, 1],
    ])
    await castVotes(broad.id, [
      [sefton, 1],
      [knowsley, 1],
      [w1, 1],
    ])
    await castVotes(wirral.id, [
      [w1, 1],
      [w2, 1],
    ])
    await castVotes(longTerm.id, [[w2, 1]])
    candidate = await signedIn(world.candidate)
  })

  async function titles(query: string) {
    return (await readPage(await candidate.get(`/review?${query}`))).texts('h3[id^="proposal-"] a')
  }

  it('ranks Top and Unites the region', async () => {
    expect(await titles(`group=${world.group.slug}`)).toEqual([
      'Carried by Liverpool',
      'Backed across boroughs',
      'Backed in Wirral',
    ])
    expect(await titles(`group=${world.group.slug}&sort=region`)).toEqual([
      'Backed across boroughs',
      'Carried by Liverpool',
      'Backed in Wirral',
    ])
  })

  it('filters by the borough of supporters, most supported there first', async () => {
    expect(await titles(`group=${world.group.slug}&borough=wirral`)).toEqual([
      'Backed in Wirral',
      'Backed across boroughs',
    ])
    expect(await titles(`group=${world.group.slug}&borough=liverpool`)).toEqual([
      'Carried by Liverpool',
    ])
    expect(await titles(`group=${world.group.slug}&borough=halton`)).toEqual([])
    // Not a borough, or not a region at all: the filter is dropped, not an error.
    expect(await titles(`group=${world.group.slug}&borough=elsewhere`)).toHaveLength(3)
    expect(await titles(`group=${world.group.slug}&borough=atlantis`)).toHaveLength(3)
  })

  it('filters by group and horizon', async () => {
    expect(await titles(`group=${world.group.slug}`)).not.toContain(longTerm.title)
    const longTermTitles = await titles('horizon=long_term&borough=wirral')
    expect(longTermTitles).toContain(longTerm.title)
    expect(longTermTitles).not.toContain('Backed in Wirral')
    expect(await titles(`horizon=quick_win&group=${world.group.slug}`)).toEqual([])
    const page = await readPage(await candidate.get('/review?horizon=long_term'))
    expect(page.fields().find((field) => field.name === 'horizon')).toMatchObject({
      value: 'long_term',
      shown: 'Long-term vision',
    })
  })

  it('pages through 25 at a time', async () => {
    const extra = await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        arrangeReviewProposal(world, { title: `Paged proposal ${String(i + 1).padStart(2, '0')}` }),
      ),
    )
    expect(extra).toHaveLength(24)
    const first = await titles(`group=${world.group.slug}`)
    const second = await titles(`group=${world.group.slug}&page=2`)
    expect(first).toHaveLength(25)
    expect(second).toHaveLength(2)
    expect(new Set([...first, ...second]).size).toBe(27)
    const page = await readPage(await candidate.get(`/review?group=${world.group.slug}`))
    expect(page.text).toContain('27 proposals')
    expect(page.links().map((link) => link.href)).toContain(
      `/review?group=${world.group.slug}&page=2`,
    )
    // The total comes from the stored counts: it agrees with the list when one is hidden.
    await sql().query(
      `update public.proposals set hidden_at = now(), hidden_reason = 'Off topic' where id = $1`,
      [extra[0].id],
    )
    const listed = [
      ...(await titles(`group=${world.group.slug}`)),
      ...(await titles(`group=${world.group.slug}&page=2`)),
    ]
    const after = await readPage(await candidate.get(`/review?group=${world.group.slug}`))
    expect(after.text).toContain(listed.length === 1 ? '1 proposal' : `${listed.length} proposals`)
  })
})
