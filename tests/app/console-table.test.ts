// The console's table of proposals for a real group: paged, sorted by the group page's
// rankings, filtered by status, searched by title; bulk shortlist and archive through the
// same Postgres rules as one act; every act returns to the same place in the list.
import { describe, expect, it } from 'vitest'
import { origin, signedIn, Visitor } from '../support/app'
import { readPage, type Page } from '../support/page'
import { arrangeProposals, createWorld, statusOf, type World } from '../support/lifecycle'
import { createProposal, proposalRow } from '../support/proposals'
import { castVotes, createVoters } from '../support/review'
import { sql } from '../support/sql'

/** 50 open, 6 shortlisted, 4 answered (live: 60), 2 archived; ranked in a known order. */
async function crowdedGroup() {
  const world = await createWorld()
  const statuses = [
    ...Array<'open'>(50).fill('open'),
    ...Array<'shortlisted'>(6).fill('shortlisted'),
    ...Array<'adopted'>(4).fill('adopted'),
    'archived' as const,
    'archived' as const,
  ]
  const proposals = await arrangeProposals(world, statuses)
  // Made as members make them, so every stored counter and score stays exact: proposals[59]
  // is the newest; two supported proposals lead Top (the rest tie on no votes, newest first);
  // one discussed proposal leads Most discussed.
  await sql().query(
    `update public.proposals p set published_at = now() - make_interval(mins => (100 - t.i)::int)
       from unnest($1::uuid[]) with ordinality as t(id, i) where p.id = t.id`,
    [proposals.map((p) => p.id)],
  )
  const [first, second] = await createVoters(['wirral', 'sefton'])
  await castVotes(proposals[10].id, [
    [first, 1],
    [second, 1],
  ])
  await castVotes(proposals[20].id, [[first, 1]])
  for (const body of ['Who runs it at night?', 'The depot is already there.'])
    await sql().query(
      'insert into public.comments (proposal_id, author_id, body) values ($1, $2, $3)',
      [proposals[30].id, world.author.id, body],
    )
  const rest = proposals
    .slice(0, 60)
    .map((_, i) => i)
    .filter((i) => i !== 10 && i !== 20)
    .reverse()
  const topOrder = [10, 20, ...rest].map((i) => proposals[i])
  // Three of them have a word in their title that no other has.
  await sql().query(
    `update public.proposals set title = 'Skelmersdale link ' || title where id = any($1)`,
    [[proposals[3].id, proposals[20].id, proposals[52].id]],
  )
  for (const i of [3, 20, 52]) proposals[i].title = `Skelmersdale link ${proposals[i].title}`
  const desk = await signedIn(world.facilitator)
  return { world, proposals, topOrder, desk, console: `/groups/${world.group.slug}/console` }
}

function rowTitles(page: Page) {
  return page.root.querySelectorAll('tbody tr td:nth-child(2) a').map((a) => a.text.trim())
}

function postSelected(
  visitor: Visitor,
  path: string,
  fields: Record<string, string>,
  ids: string[],
) {
  const body = new URLSearchParams(fields)
  for (const id of ids) body.append('selected', id)
  return visitor.request(path, {
    method: 'POST',
    body,
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: origin },
  })
}

async function statuses(world: World) {
  const { rows } = await sql().query<{ id: string; status: string }>(
    'select id, status from public.proposals where group_id = $1',
    [world.group.id],
  )
  return new Map(rows.map((r) => [r.id, r.status]))
}

describe('the console’s table of proposals', () => {
  it('pages, sorts by the rankings, filters by status and searches titles', async () => {
    const { proposals, topOrder, desk, console } = await crowdedGroup()
    const first = await readPage(await desk.get(console))
    expect(first.status).toBe(200)
    const top = rowTitles(first)
    expect(top).toEqual(topOrder.slice(0, 25).map((p) => p.title))
    expect(first.text).toContain('Page 1 of 3 · 60 proposals')
    expect(first.link('Next page').href).toBe(`${console}?page=2`)

    const third = await readPage(await desk.get(`${console}?page=3`))
    expect(rowTitles(third)).toHaveLength(10)
    expect(rowTitles(third)).toEqual(topOrder.slice(50, 60).map((p) => p.title))
    expect(third.link('Previous page').href).toBe(`${console}?page=2`)

    const discussed = rowTitles(await readPage(await desk.get(`${console}?sort=discussed`)))
    expect(discussed[0]).toBe(proposals[30].title)
    const newest = rowTitles(await readPage(await desk.get(`${console}?sort=new`)))
    expect(newest[0]).toBe(proposals[59].title)

    const shortlisted = await readPage(await desk.get(`${console}?status=shortlisted`))
    expect(rowTitles(shortlisted)).toEqual(
      proposals
        .slice(50, 56)
        .reverse()
        .map((p) => p.title),
    )
    expect(shortlisted.field('Status').shown).toBe('Shortlisted (6)')
    const answered = await readPage(await desk.get(`${console}?status=answered`))
    expect(rowTitles(answered)).toEqual(
      proposals
        .slice(56, 60)
        .reverse()
        .map((p) => p.title),
    )

    const searched = await readPage(await desk.get(`${console}?q=skelmersdale`))
    expect(rowTitles(searched)).toEqual([20, 52, 3].map((i) => proposals[i].title))
    expect(searched.text).toContain('Page 1 of 1 · 3 proposals')
    const openOnly = await readPage(await desk.get(`${console}?q=skelmersdale&status=open`))
    expect(rowTitles(openOnly)).toHaveLength(2)
    // Wildcards are words, not patterns; nonsense in the address falls back to the defaults.
    expect(rowTitles(await readPage(await desk.get(`${console}?q=%25`)))).toHaveLength(25)
    const nonsense = await readPage(await desk.get(`${console}?sort=drop&status=x&page=-4`))
    expect(nonsense.status).toBe(200)
    expect(rowTitles(nonsense)[0]).toBe(proposals[10].title)
    // Archived proposals are not live.
    expect(rowTitles(await readPage(await desk.get(`${console}?page=3`)))).not.toContain(
      proposals[60].title,
    )
  })

  it('bulk shortlists: others are shortlisted, the facilitator’s own is refused with why', async () => {
    const { world, proposals, desk, console } = await crowdedGroup()
    const own = await createProposal(world.facilitator, world.group, {
      publish: true,
      title: 'Facilitator’s own idea',
    })
    const page = await readPage(await desk.get(`${console}?sort=new`))
    expect(page.text).toContain('Yours: another facilitator decides')
    const chosen = [proposals[0].id, proposals[1].id, proposals[2].id]
    const before = await statuses(world)
    const back = '?status=open&sort=new&q=Arranged&page=2'
    const done = await postSelected(desk, console, { intent: 'bulk-shortlist', back }, [
      ...chosen,
      own.id,
    ])
    expect(done.status).toBe(302)
    expect(done.headers.get('Location')).toBe(
      `${console}?sort=new&status=open&q=Arranged&page=2#proposals-heading`,
    )
    for (const id of chosen) expect(await statusOf(id)).toBe('shortlisted')
    expect(await statusOf(own.id)).toBe('open')
    const after = await statuses(world)
    for (const [id, status] of after)
      if (!chosen.includes(id)) expect(status, id).toBe(before.get(id) ?? 'open')
    const told = await readPage(await desk.get(done.headers.get('Location')!))
    expect(told.text).toContain('3 shortlisted.')
    expect(told.text).toContain(
      'Not shortlisted: “Facilitator’s own idea”: Another facilitator of the group or an admin decides whether to shortlist your own proposal',
    )
    // Nothing selected: said so, nothing changed.
    const none = await postSelected(desk, console, { intent: 'bulk-shortlist' }, [])
    expect(await readPage(await desk.get(none.headers.get('Location')!))).toMatchObject({
      text: expect.stringContaining('Select at least one proposal first.'),
    })
  })

  it('bulk archives only with one public reason, after a second step', async () => {
    const { proposals, desk, console } = await crowdedGroup()
    const chosen = [proposals[4].id, proposals[5].id]
    const back = '?status=open&page=1'
    const step = await readPage(
      await postSelected(desk, console, { intent: 'bulk-archive', back }, chosen),
    )
    expect(step.status).toBe(200)
    expect(step.headings(2)).toContain('Archive 2 proposals?')
    expect(step.text).toContain(`“${proposals[4].title}”, “${proposals[5].title}”`)
    expect(step.link('Cancel: go back without doing it').href).toBe(`${console}?status=open`)
    for (const id of chosen) expect(await statusOf(id)).toBe('open')

    const fields = { intent: 'bulk-archive', back, confirmed: 'yes', selected: chosen.join(',') }
    const noReason = await readPage(await desk.post(console, { ...fields, reason: ' ' }))
    expect(noReason.status).toBe(400)
    expect(noReason.field('Public reason for archiving').description).toContain(
      'Give a reason: it is shown on the proposals.',
    )
    for (const id of chosen) expect(await statusOf(id)).toBe('open')

    const archived = await desk.post(console, { ...fields, reason: 'Covered by the bus plan.' })
    expect(archived.headers.get('Location')).toBe(`${console}?status=open#proposals-heading`)
    for (const id of chosen)
      expect(await proposalRow(id)).toMatchObject({
        status: 'archived',
        status_reason: 'Covered by the bus plan.',
      })
    expect((await readPage(await desk.get(archived.headers.get('Location')!))).text).toContain(
      '2 archived.',
    )
    expect(await statusOf(proposals[6].id)).toBe('open')
    // Nothing selected: no second step, just why.
    const none = await postSelected(desk, console, { intent: 'bulk-archive', back }, [])
    expect(none.status).toBe(302)
    expect((await readPage(await desk.get(none.headers.get('Location')!))).text).toContain(
      'Select at least one proposal first.',
    )
  })

  it('returns each act to the same sort, filter, search and page, at its row', async () => {
    const { proposals, desk, console } = await crowdedGroup()
    const back = '?sort=region&status=open&q=Arranged&page=2'
    const pinned = await desk.post(console, { intent: 'pin', proposalId: proposals[7].id, back })
    expect(pinned.headers.get('Location')).toBe(
      `${console}?sort=region&status=open&q=Arranged&page=2#proposal-${proposals[7].id}`,
    )
    // A second step carries the place too: in its form, and in its cancel link.
    const step = await readPage(
      await desk.post(console, { intent: 'forward', proposalId: proposals[50].id, back }),
    )
    expect(step.link('Cancel: go back without doing it').href).toBe(
      `${console}?sort=region&status=open&q=Arranged&page=2#proposal-${proposals[50].id}`,
    )
    expect(step.root.querySelector('input[name=back]')?.getAttribute('value')).toBe(back)
    const forwarded = await desk.post(console, {
      intent: 'forward',
      proposalId: proposals[50].id,
      back,
      confirmed: 'yes',
    })
    expect(forwarded.headers.get('Location')).toBe(
      `${console}?sort=region&status=open&q=Arranged&page=2#proposal-${proposals[50].id}`,
    )
    expect(await statusOf(proposals[50].id)).toBe('forwarded')
    // The forms on the page carry the page's own place.
    const page = await readPage(await desk.get(`${console}?status=open&page=2`))
    const backs = page.root.querySelectorAll('input[name=back]').map((i) => i.getAttribute('value'))
    expect(new Set(backs)).toEqual(new Set(['?status=open&page=2']))
  })

  it('is refused to a plain member, in the app and in Postgres', async () => {
    const { world, proposals, console } = await crowdedGroup()
    const member = await signedIn(world.member)
    expect((await member.get(`${console}?status=open`)).status).toBe(403)
    const forged = await postSelected(member, console, { intent: 'bulk-shortlist' }, [
      proposals[8].id,
    ])
    expect(forged.status).toBe(403)
    expect(await statusOf(proposals[8].id)).toBe('open')
    const direct = await world.member.client.rpc('transition_proposal', {
      proposal_id: proposals[8].id,
      action: 'shortlist',
    })
    expect(direct.error).not.toBeNull()
    expect(await statusOf(proposals[8].id)).toBe('open')
  })
})
