// Proposals through the Remix actions: create, invite a co-author, publish, edit, and the
// conflict answer (409 with both texts) — plus bad input that must change nothing.
import { describe, expect, it } from 'vitest'
import { signedIn, Visitor } from '../support/app'
import { pageText, readPage, type Page } from '../support/page'
import { addMembership, createGroup, type TestGroup } from '../support/groups'
import { createMember, grantSiteRole } from '../support/members'
import { createProposal, documentOf, proposalRow, publishableTail } from '../support/proposals'
import { sql } from '../support/sql'

async function memberOf(group: TestGroup, displayName?: string) {
  const member = await createMember({ displayName })
  await addMembership(group, member)
  return { member, visitor: await signedIn(member) }
}

function idFrom(location: string | null) {
  return location!.split('/').pop()!
}

describe('writing a proposal', () => {
  it('goes from draft to published, with a co-author, and keeps a history of edits', async () => {
    const group = await createGroup()
    const { visitor } = await memberOf(group, 'Ruth Author')
    const { member: coauthor, visitor: coauthorVisitor } = await memberOf(group, 'Colin Coauthor')

    const created = await visitor.post(`/groups/${group.slug}/proposals/new`, {
      intent: 'draft',
      title: 'Part-time season tickets',
      summary: 'Tickets for people who work two or three days a week.',
      body: JSON.stringify(documentOf('Season tickets assume a five-day week.', publishableTail)),
    })
    expect(created.status).toBe(302)
    const id = idFrom(created.headers.get('Location'))
    expect((await proposalRow(id)).status).toBe('draft')
    expect((await coauthorVisitor.get(`/groups/${group.slug}/proposals/${id}`)).status).toBe(404)

    const invited = await visitor.post(`/groups/${group.slug}/proposals/${id}/edit`, {
      intent: 'add-coauthor',
      userId: coauthor.id,
    })
    expect(invited.status).toBe(302)
    const draftPage = await pageText(
      await coauthorVisitor.get(`/groups/${group.slug}/proposals/${id}`),
    )
    expect(draftPage).toContain('Part-time season tickets')
    expect(draftPage).toContain('You are invited to co-author this proposal')
    // An invitation gives no rights until it is accepted.
    await coauthorVisitor.post(`/groups/${group.slug}/proposals/${id}`, { intent: 'publish' })
    expect((await proposalRow(id)).status).toBe('draft')
    const accepted = await coauthorVisitor.post(`/groups/${group.slug}/proposals/${id}`, {
      intent: 'accept-invitation',
    })
    expect(accepted.status).toBe(302)
    const acceptedPage = await pageText(
      await coauthorVisitor.get(`/groups/${group.slug}/proposals/${id}`),
    )
    expect(acceptedPage).toContain('Only its authors can see this draft.')
    expect(acceptedPage).not.toContain('You are invited to co-author this proposal')

    const published = await coauthorVisitor.post(`/groups/${group.slug}/proposals/${id}`, {
      intent: 'publish',
    })
    expect(published.status).toBe(302)
    expect((await proposalRow(id)).status).toBe('open')
    const publicPage = await pageText(
      await new Visitor().get(`/groups/${group.slug}/proposals/${id}`),
    )
    expect(publicPage).toContain('Season tickets assume a five-day week.')
    expect(publicPage).toContain('Ruth Author')
    expect(publicPage).toContain('Colin Coauthor')

    const version = (await proposalRow(id)).version
    const change = {
      intent: 'save',
      version: String(version),
      title: 'Part-time season tickets',
      summary: 'Tickets for people who work two or three days a week.',
      body: JSON.stringify(
        documentOf(
          'Season tickets assume a five-day week. Most part-time workers lose out.',
          publishableTail,
        ),
      ),
    }
    const editPath = `/groups/${group.slug}/proposals/${id}/edit`
    // Published, it changes only with a note; without one the member's text comes back.
    const unexplained = await coauthorVisitor.post(editPath, change)
    expect(unexplained.status).toBe(400)
    const refused = await readPage(unexplained)
    const note = refused.field('What did you change, and why?')
    expect(note.invalid).toBe(true)
    expect(note.description).toContain(
      'Say in a few words what you changed and why: the note is shown in the proposal’s history.',
    )
    expect(refused.values()).toContain('Part-time season tickets')
    expect((await proposalRow(id)).version).toBe(version)
    const edited = await coauthorVisitor.post(editPath, {
      ...change,
      changeNote: 'Says who loses out.',
    })
    expect(edited.status).toBe(302)
    const history = await readPage(
      await new Visitor().get(`/groups/${group.slug}/proposals/${id}/history`),
    )
    expect(history.text).toContain('Colin Coauthor')
    expect(history.text).toContain('What changed: Says who loses out.')
    expect(history.texts('ins').join(' ')).toContain('Most part-time workers lose out.')
  })

  it('accepts plain text from a browser without JavaScript', async () => {
    const group = await createGroup()
    const { visitor } = await memberOf(group)
    const created = await visitor.post(`/groups/${group.slug}/proposals/new`, {
      intent: 'publish',
      title: 'Written without JavaScript',
      summary: 'Two paragraphs, typed without JavaScript.',
      bodyText: `First paragraph.\n\n${publishableTail}`,
    })
    expect(created.status).toBe(302)
    const row = await proposalRow(idFrom(created.headers.get('Location')))
    expect(row.status).toBe('open')
    expect(row.body).toEqual(documentOf('First paragraph.', publishableTail))
  })

  it('asks for a summary and enough text before publishing, keeping what was typed', async () => {
    const group = await createGroup()
    const { visitor } = await memberOf(group)
    const refused = await visitor.post(`/groups/${group.slug}/proposals/new`, {
      intent: 'publish',
      title: 'Two words',
      summary: 'Buses.',
      bodyText: 'More buses.',
    })
    expect(refused.status).toBe(400)
    const page = await readPage(refused)
    expect(page.field('Summary').description).toContain(
      'Before you publish, write a summary of at least 20 characters',
    )
    expect(page.text).toContain('Before you publish, say a little more: at least 100 characters')
    expect(page.field('Title').value).toBe('Two words')
    expect(page.values().join('\n')).toContain('More buses.')
    // Saved as a draft, it may be short; published through the API, Postgres says the same.
    const saved = await visitor.post(`/groups/${group.slug}/proposals/new`, {
      intent: 'draft',
      title: 'Two words',
      summary: 'Buses.',
      bodyText: 'More buses.',
    })
    expect(saved.status).toBe(302)
    const id = idFrom(saved.headers.get('Location'))
    const direct = await visitor.post(`/groups/${group.slug}/proposals/${id}`, {
      intent: 'publish',
    })
    expect(direct.status).toBe(302)
    expect((await proposalRow(id)).status).toBe('draft')
    const publishStep = await readPage(
      await visitor.get(`/groups/${group.slug}/proposals/${id}/publish`),
    )
    expect(publishStep.alerts().join(' ')).toContain('Not ready to publish yet')
    expect(publishStep.buttons().map((b) => b.name)).not.toContain('Publish for discussion')
    expect(publishStep.link('Edit your draft').href).toBe(
      `/groups/${group.slug}/proposals/${id}/edit`,
    )
  })

  it.each([
    [
      { title: 'Tiny', body: JSON.stringify(documentOf('x')) },
      'The title needs at least 5 characters.',
    ],
    [
      {
        title: 'A hostile link',
        body: JSON.stringify({
          type: 'doc',
          content: [
            {
              type: 'paragraph',
              content: [
                {
                  type: 'text',
                  text: 'Click me',
                  marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }],
                },
              ],
            },
          ],
        }),
      },
      'Links must start with http://, https:// or mailto:.',
    ],
    [
      {
        title: 'A script node',
        body: JSON.stringify({
          type: 'doc',
          content: [{ type: 'script', content: [{ type: 'text', text: 'My words here' }] }],
        }),
      },
      'does not allow',
    ],
    [{ title: 'Not even JSON', body: '{"type":"doc","content":[' }, 'could not be read'],
    [{ title: 'Much too long', bodyText: 'x'.repeat(20_001) }, 'too long'],
  ])(
    'refuses bad input with 400, a clear message and the member’s text shown back: %#',
    async (fields, message) => {
      const group = await createGroup()
      const { visitor, member } = await memberOf(group)
      const response = await visitor.post(`/groups/${group.slug}/proposals/new`, {
        intent: 'draft',
        summary: 'My careful summary',
        ...fields,
      })
      expect(response.status).toBe(400)
      const page = await readPage(response)
      // Announced, or tied to the field it is about.
      const said = [...page.alerts(), ...page.fields().map((field) => field.description)]
      expect(said.join(' ')).toContain(message)
      expect(page.values()).toContain('My careful summary')
      if (fields.title === 'A script node')
        expect(page.values().join('\n')).toContain('My words here')
      const { rowCount } = await sql().query(
        'select 1 from public.proposals where author_id = $1',
        [member.id],
      )
      expect(rowCount).toBe(0)
    },
  )

  it('is refused to people who are not active members of the group', async () => {
    const group = await createGroup()
    const outsider = await signedIn(await createMember())
    expect((await outsider.get(`/groups/${group.slug}/proposals/new`)).status).toBe(403)
    const posted = await outsider.post(`/groups/${group.slug}/proposals/new`, {
      intent: 'draft',
      title: 'Not my group',
      bodyText: 'x',
    })
    expect(posted.status).toBe(403)
  })
})

describe('saving over a newer version', () => {
  it('answers 409 with both texts, saves nothing, and lets the member save their merge', async () => {
    const group = await createGroup()
    const { visitor: alice, member: aliceMember } = await memberOf(group, 'Alice First')
    const { member: bob, visitor: bobVisitor } = await memberOf(group, 'Bob Second')
    const created = await alice.post(`/groups/${group.slug}/proposals/new`, {
      intent: 'publish',
      title: 'Free travel for carers',
      summary: 'Unpaid carers travel free on buses and trains.',
      changeNote: 'A clearer promise.',
      bodyText: `Carers travel free.\n\n${publishableTail}`,
    })
    const id = idFrom(created.headers.get('Location'))
    await alice.post(`/groups/${group.slug}/proposals/${id}/edit`, {
      intent: 'add-coauthor',
      userId: bob.id,
    })
    await bobVisitor.post(`/groups/${group.slug}/proposals/${id}`, { intent: 'accept-invitation' })
    const startVersion = String((await proposalRow(id)).version)

    const bobSaves = await bobVisitor.post(`/groups/${group.slug}/proposals/${id}/edit`, {
      intent: 'save',
      version: startVersion,
      title: 'Free travel for carers',
      changeNote: 'A clearer promise.',
      bodyText: 'Carers travel free, with the person they care for.',
    })
    expect(bobSaves.status).toBe(302)

    const aliceSaves = await alice.post(`/groups/${group.slug}/proposals/${id}/edit`, {
      intent: 'save',
      version: startVersion,
      title: 'Free travel for unpaid carers',
      changeNote: 'A clearer promise.',
      bodyText: 'Unpaid carers travel free at all times.',
    })
    expect(aliceSaves.status).toBe(409)
    const page = await readPage(aliceSaves)
    expect(page.text).toContain('Someone saved a newer version while you were editing')
    expect(page.text).toContain('with the person they care for')
    expect(page.values().join('\n')).toContain('Unpaid carers travel free at all times.')
    expect(page.values()).toContain('Free travel for unpaid carers')
    expect(page.text).toContain('Bob Second')
    const row = await proposalRow(id)
    expect(row.body_text).toBe('Carers travel free, with the person they care for.')

    const merged = await alice.post(`/groups/${group.slug}/proposals/${id}/edit`, {
      intent: 'save',
      version: String(row.version),
      title: 'Free travel for unpaid carers',
      changeNote: 'A clearer promise.',
      bodyText: 'Unpaid carers travel free, with the person they care for.',
    })
    expect(merged.status).toBe(302)
    expect((await proposalRow(id)).body_text).toBe(
      'Unpaid carers travel free, with the person they care for.',
    )
    expect(aliceMember.id).toBeTruthy()
  })

  it('shows the text back when the member may no longer edit', async () => {
    const group = await createGroup()
    const { visitor, member } = await memberOf(group)
    const created = await visitor.post(`/groups/${group.slug}/proposals/new`, {
      intent: 'publish',
      title: 'About to be frozen',
      summary: 'A proposal the facilitators are about to forward.',
      changeNote: 'A clearer promise.',
      bodyText: `Original.\n\n${publishableTail}`,
    })
    const id = idFrom(created.headers.get('Location'))
    const version = String((await proposalRow(id)).version)
    await sql().query(`update public.proposals set status = 'forwarded' where id = $1`, [id])
    const response = await visitor.post(`/groups/${group.slug}/proposals/${id}/edit`, {
      intent: 'save',
      version,
      title: 'About to be frozen',
      changeNote: 'A clearer promise.',
      bodyText: 'My late improvement.',
    })
    expect(response.status).toBe(403)
    const page = await readPage(response)
    expect(page.text).toContain('can no longer be edited')
    expect(page.values().join('\n')).toContain('My late improvement.')
    expect(member.id).toBeTruthy()
  })
})

describe('the proposal page', () => {
  it('renders a stored document safely and ships no editor script', async () => {
    const group = await createGroup()
    const { visitor } = await memberOf(group)
    const body = JSON.stringify({
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            {
              type: 'text',
              text: '<script>alert(1)</script> and a link',
              marks: [{ type: 'bold' }],
            },
          ],
        },
        { type: 'paragraph', content: [{ type: 'text', text: publishableTail }] },
      ],
    })
    const created = await visitor.post(`/groups/${group.slug}/proposals/new`, {
      intent: 'publish',
      title: 'Escaping test',
      summary: 'A stored document is rendered safely.',
      body,
    })
    const page = await readPage(await new Visitor().get(created.headers.get('Location')!))
    expect(page.texts('strong')).toContain('<script>alert(1)</script> and a link')
    expect(page.source).not.toContain('<script>alert(1)</script>')
    expect(page.source).not.toMatch(/proposal-editor|tiptap/i)
  })

  it('answers an intent it does not know with 400; deleting the draft takes a second step', async () => {
    const group = await createGroup()
    const { visitor } = await memberOf(group)
    const created = await visitor.post(`/groups/${group.slug}/proposals/new`, {
      intent: 'draft',
      title: 'A draft nobody deletes by accident',
      summary: 'Only the delete button deletes a draft.',
      body: JSON.stringify(documentOf(publishableTail)),
    })
    const path = created.headers.get('Location')!
    const id = idFrom(path)
    for (const intent of ['archive', 'Delete', '']) {
      const response = await visitor.post(path, { intent })
      expect(response.status).toBe(400)
      expect(await response.text()).toContain('Unknown action')
    }
    expect((await proposalRow(id)).status).toBe('draft')
    // The editor too: an intent it does not know saves nothing.
    const before = await proposalRow(id)
    const edited = await visitor.post(`${path}/edit`, {
      intent: 'publish-everything',
      title: 'A title nobody asked for',
      summary: 'Changed by an unknown intent.',
      body: JSON.stringify(documentOf(publishableTail)),
    })
    expect(edited.status).toBe(400)
    expect(await edited.text()).toContain('Unknown action')
    expect(await proposalRow(id)).toEqual(before)
    // Deleting takes a second step that says what will happen; only then is it gone.
    const step = await readPage(await visitor.post(path, { intent: 'delete' }))
    expect(step.status).toBe(200)
    expect(step.headings(2)).toContain('Delete the draft “A draft nobody deletes by accident”?')
    expect(step.text).toContain('deleted for good: this cannot be undone')
    expect(step.buttons().map((b) => b.name)).toContain('Delete the draft')
    expect((await proposalRow(id)).status).toBe('draft')
    const deleted = await visitor.post(path, { intent: 'delete', confirmed: 'yes' })
    expect(deleted.status).toBe(302)
    const { rows } = await sql().query('select 1 from public.proposals where id = $1', [id])
    expect(rows).toEqual([])
  })
})

describe('the history page', () => {
  it('pages through versions, lists no texts, and compares only the two chosen', async () => {
    const group = await createGroup()
    const author = await createMember({ displayName: 'Hattie Historian' })
    await addMembership(group, author)
    const { data: created } = await author.client
      .from('proposals')
      .insert({
        group_id: group.id,
        title: 'Longer library hours',
        summary: 'Open the libraries later in the evening.',
        body: documentOf('Text of edit 0.', publishableTail),
      })
      .select('id')
      .single()
    const id = created!.id
    expect((await author.client.rpc('publish_proposal', { proposal_id: id })).error).toBeNull()
    // 24 editing sessions: each save starts a new revision because the last one is made old.
    for (let i = 1; i <= 24; i++) {
      await sql().query(
        `update public.proposal_revisions set created_at = now() - interval '11 minutes' where proposal_id = $1`,
        [id],
      )
      const saved = await author.client
        .from('proposals')
        .update({
          body: documentOf(`Text of edit ${i}.`, publishableTail),
          change_note: 'A test edit.',
        })
        .eq('id', id)
        .select('version')
      expect(saved.error).toBeNull()
    }
    // Rapid saves fold into the newest version: still 25 versions, the newest is 26.
    await author.client
      .from('proposals')
      .update({
        body: documentOf('Text of edit 24, polished.', publishableTail),
        change_note: 'A test edit.',
      })
      .eq('id', id)

    const visitor = new Visitor()
    const path = `/groups/${group.slug}/proposals/${id}/history`
    const read = async (url: string) => readPage(await visitor.get(url))
    const listed = (page: Page) =>
      page
        .texts('li')
        .map((item) => /^Version (\d+) · /.exec(item)?.[1])
        .filter(Boolean)
        .map(Number)
    const first = await read(path)
    expect(listed(first)).toHaveLength(20)
    expect(listed(first)[0]).toBe(26)
    expect(first.text).toContain('Hattie Historian')
    expect(first.text).toContain('Comparing version 24 with version 26.')
    expect(first.texts('ins').some((added) => added.includes('polished'))).toBe(true)
    // Only the compared texts reach the page, loader data included.
    expect(first.source).not.toContain('Text of edit 3.')
    expect(first.source).not.toContain('Text of edit 0.')

    const second = await read(first.link('Older versions').href)
    expect(listed(second)).toEqual([5, 4, 3, 2, 1])
    expect(second.link('Newest versions').href).toBeTruthy()
    expect(second.links().some((link) => link.name === 'Older versions')).toBe(false)

    const compared = await read(`${path}?from=1&to=3`)
    expect(compared.text).toContain('Comparing version 1 with version 3.')
    expect(compared.texts('del').some((removed) => removed.includes('0'))).toBe(true)
    expect(compared.texts('ins').some((added) => added.includes('2'))).toBe(true)
    expect(compared.text).not.toContain('polished')

    // Version 25 was folded into 26: it falls back to the nearest older one; nonsense is ignored.
    const odd = await visitor.get(`${path}?from=25&to=abc&before=-4`)
    expect(odd.status).toBe(200)
    expect(await pageText(odd)).toContain('Comparing version 24 with version 26.')
  })
})

describe('role badges', () => {
  it('mark the real facilitator and candidate, from their roles, not their names', async () => {
    const group = await createGroup()
    const author = await createMember({ displayName: 'Bea Author' })
    const facilitator = await createMember({ displayName: 'Fliss Guide' })
    const candidate = await createMember({ displayName: 'Carys Runner' })
    const member = await createMember({ displayName: 'Ordinary Olu' })
    await addMembership(group, author)
    await addMembership(group, facilitator, { role: 'facilitator' })
    await addMembership(group, member)
    await addMembership(group, candidate)
    await grantSiteRole(candidate, 'candidate')
    const proposal = await createProposal(author, group, { publish: true })
    for (const who of [facilitator, candidate, member]) {
      const { error } = await who.client
        .from('comments')
        .insert({ proposal_id: proposal.id, body: `Comment from ${who.displayName}` })
      expect(error).toBeNull()
    }
    const seen = await readPage(
      await new Visitor().get(`/groups/${group.slug}/proposals/${proposal.id}`),
    )
    // The badge is the element right after the name's link (markup, so read from the source).
    const page = seen.source.replaceAll('<!-- -->', '')
    const badgeAfter = (name: string) =>
      page.match(new RegExp(`>${name}</a>\\s*(<span[^>]*data-badge="(\\w+)")?`))?.[2] ?? null
    expect(badgeAfter('Fliss Guide')).toBe('facilitator')
    expect(badgeAfter('Carys Runner')).toBe('candidate')
    expect(badgeAfter('Ordinary Olu')).toBeNull()
    expect(badgeAfter('Bea Author')).toBeNull()
    expect(seen.texts('[data-badge="facilitator"]')).toContain('Facilitator')
    expect(seen.texts('[data-badge="candidate"]')).toContain('Candidate')
  })
})

describe('a published proposal changed after members voted', () => {
  it('tells its voters with the note, links to the history, and names it as it is now', async () => {
    const group = await createGroup()
    const { member: author, visitor: authorVisitor } = await memberOf(group, 'Nia Author')
    const { member: voter, visitor: voterVisitor } = await memberOf(group, 'Val Voter')
    const proposal = await createProposal(author, group, {
      publish: true,
      title: 'Night buses to the airport',
    })
    await sql().query('insert into public.votes (proposal_id, user_id, value) values ($1, $2, 1)', [
      proposal.id,
      voter.id,
    ])
    const save = async (title: string, changeNote: string) =>
      authorVisitor.post(`/groups/${group.slug}/proposals/${proposal.id}/edit`, {
        intent: 'save',
        version: String((await proposalRow(proposal.id)).version),
        title,
        bodyText: 'Buses every hour through the night.',
        changeNote,
      })
    expect((await save('Night buses to Liverpool airport', 'Says which airport.')).status).toBe(302)
    let page = await readPage(await voterVisitor.get('/notifications'))
    expect(page.text).toContain(
      '“Night buses to Liverpool airport”, which you voted on, was changed: Says which airport.',
    )
    const told = page.text.match(/which you voted on, was changed/g)!.length
    // Its Open button goes to the history, where the change is shown word by word.
    expect(page.source).toContain(
      `name="href" value="/groups/${group.slug}/proposals/${proposal.id}/history"`,
    )
    // Renamed again the same day: no second notification, but the first names it as it is now.
    expect((await save('Night buses to John Lennon Airport', 'Its real name.')).status).toBe(302)
    page = await readPage(await voterVisitor.get('/notifications'))
    expect(page.text.match(/which you voted on, was changed/g)).toHaveLength(told)
    expect(page.text).toContain('The proposal is now called “Night buses to John Lennon Airport”.')
    const history = await pageText(
      await new Visitor().get(`/groups/${group.slug}/proposals/${proposal.id}/history`),
    )
    expect(history).toContain('What changed: Says which airport. · Its real name.')
  })
})

describe('a shortlisted proposal', () => {
  it('is no longer edited by its author, who is told why; its facilitator still edits it', async () => {
    const group = await createGroup()
    const { member: author, visitor } = await memberOf(group, 'Sol Author')
    const proposal = await createProposal(author, group, { publish: true })
    await sql().query(`update public.proposals set status = 'shortlisted' where id = $1`, [
      proposal.id,
    ])
    const page = await pageText(
      await visitor.get(`/groups/${group.slug}/proposals/${proposal.id}/edit`),
    )
    expect(page).toContain('can no longer be edited')
    expect(page).toContain(
      'It is on the shortlist: from now on only the group’s facilitators edit it',
    )
    const facilitator = await createMember({ displayName: 'Fay Facilitator' })
    await addMembership(group, facilitator, { role: 'facilitator' })
    const editor = await readPage(
      await (
        await signedIn(facilitator)
      ).get(`/groups/${group.slug}/proposals/${proposal.id}/edit`),
    )
    expect(editor.field('What did you change, and why?').value).toBe('')
  })
})

describe('the page to write a proposal', () => {
  it('shows the group’s advice beside the editor: its facilitators’ summary and the threshold', async () => {
    const group = await createGroup({ name: 'Ferries' })
    await sql().query(
      `update public.groups set facilitator_note = 'We want proposals on fares first.', facilitator_note_updated_at = now(),
              shortlist_supporters = 40, shortlist_boroughs = 3 where id = $1`,
      [group.id],
    )
    const { visitor } = await memberOf(group)
    const page = await readPage(await visitor.get(`/groups/${group.slug}/proposals/new`))
    expect(page.headings()).toContain('Writing for Ferries')
    expect(page.text).toContain('We want proposals on fares first.')
    expect(page.text).toContain(
      'With 40 supporters in at least 3 boroughs (5 or more in each), it joins the facilitators’ queue for the shortlist.',
    )
    expect(page.link('Advice for writing in Ferries').href).toBe('#advice')
  })
})
