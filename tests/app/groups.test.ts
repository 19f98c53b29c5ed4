// Membership through the Remix actions, as forms without JavaScript send them.
import { describe, expect, it } from 'vitest'
import { signedIn, Visitor } from '../support/app'
import { pageText, readPage } from '../support/page'
import { addMembership, createGroup } from '../support/groups'
import { createMember } from '../support/members'
import { sql } from '../support/sql'

async function status(groupId: string, userId: string) {
  const { rows } = await sql().query(
    'select status from public.group_members where group_id = $1 and user_id = $2',
    [groupId, userId],
  )
  return (rows[0]?.status as string | undefined) ?? null
}

describe('membership actions', () => {
  it('join an open group, then leave it', async () => {
    const group = await createGroup({ joinPolicy: 'open' })
    const member = await createMember()
    const visitor = await signedIn(member)
    const joined = await visitor.post(`/groups/${group.slug}`, {
      intent: 'join',
      redirectTo: `/groups/${group.slug}`,
    })
    expect(joined.status).toBe(302)
    expect(joined.headers.get('Location')).toBe(`/groups/${group.slug}`)
    expect(await status(group.id, member.id)).toBe('active')
    expect((await readPage(await visitor.get(`/groups/${group.slug}`))).alerts()).toContain(
      'You have joined the group.',
    )

    await visitor.post(`/groups/${group.slug}`, { intent: 'leave' })
    expect(await status(group.id, member.id)).toBeNull()
  })

  it('request a closed group; a facilitator approves; another request is declined', async () => {
    const group = await createGroup({ joinPolicy: 'request' })
    const facilitator = await createMember()
    await addMembership(group, facilitator, { role: 'facilitator' })
    const [alice, bob] = [
      await createMember({ displayName: 'Alice Ask' }),
      await createMember({ displayName: 'Bob Ask' }),
    ]
    for (const m of [alice, bob])
      await (await signedIn(m)).post(`/groups/${group.slug}`, { intent: 'join' })
    expect(await status(group.id, alice.id)).toBe('pending')

    const desk = await signedIn(facilitator)
    const page = await readPage(await desk.get(`/groups/${group.slug}/members`))
    expect(page.buttons().map((button) => button.name)).toEqual(
      expect.arrayContaining(['Approve Alice Ask', 'Approve Bob Ask']),
    )
    await desk.post(`/groups/${group.slug}/members`, { intent: 'approve', userId: alice.id })
    await desk.post(`/groups/${group.slug}/members`, { intent: 'decline', userId: bob.id })
    expect(await status(group.id, alice.id)).toBe('active')
    expect(await status(group.id, bob.id)).toBeNull()
  })

  it('a facilitator removes a member; a member cannot', async () => {
    const group = await createGroup()
    const facilitator = await createMember()
    const [member, other] = [await createMember(), await createMember()]
    await addMembership(group, facilitator, { role: 'facilitator' })
    await addMembership(group, member)
    await addMembership(group, other)

    const asMember = await signedIn(member)
    const refused = await asMember.post(`/groups/${group.slug}/members`, {
      intent: 'remove',
      userId: other.id,
    })
    expect(refused.status).toBe(302)
    expect(
      (await readPage(await asMember.get(`/groups/${group.slug}/members`))).alerts(),
    ).toContain('You cannot remove that person.')
    expect(await status(group.id, other.id)).toBe('active')

    await (
      await signedIn(facilitator)
    ).post(`/groups/${group.slug}/members`, { intent: 'remove', userId: other.id })
    expect(await status(group.id, other.id)).toBeNull()
  })

  it('shows the members list only to members', async () => {
    const group = await createGroup()
    const outsider = await signedIn(await createMember())
    expect((await outsider.get(`/groups/${group.slug}/members`)).status).toBe(403)
    expect((await new Visitor().get(`/groups/${group.slug}/members`)).status).toBe(302)
  })

  it('answers bad input with 400 and an unknown group with 404', async () => {
    const group = await createGroup()
    const visitor = await signedIn(await createMember())
    expect((await visitor.post(`/groups/${group.slug}`, { intent: 'promote-me' })).status).toBe(400)
    expect(
      (
        await visitor.post(`/groups/${group.slug}/members`, {
          intent: 'approve',
          userId: 'not-a-uuid',
        })
      ).status,
    ).toBe(400)
    expect((await visitor.get('/groups/no-such-group')).status).toBe(404)
  })
})

describe('profile settings', () => {
  it('saves a valid profile and refuses an invalid one, keeping the text', async () => {
    const member = await createMember()
    const visitor = await signedIn(member)
    const bad = await visitor.post('/settings', {
      displayName: 'Valid Name',
      region: 'wirral',
      bio: 'b'.repeat(1001),
    })
    expect(bad.status).toBe(400)
    expect(await pageText(bad)).toContain('Keep it to 1,000 characters.')
    const good = await visitor.post('/settings', {
      displayName: 'Renamed Person',
      region: 'knowsley',
      boroughPublic: 'on',
      bio: 'I take the 10A.',
    })
    expect(good.status).toBe(302)
    const profile = await pageText(await visitor.get(`/members/${member.id}`))
    expect(profile).toContain('Renamed Person')
    expect(profile).toContain('Knowsley')
    expect(profile).toContain('I take the 10A.')
  })

  it('keeps the borough off the profile and the members list when the member unticks it', async () => {
    const group = await createGroup()
    const member = await createMember({ displayName: `Quiet ${crypto.randomUUID().slice(0, 6)}` })
    await addMembership(group, member)
    const visitor = await signedIn(member)
    const settings = await readPage(await visitor.get('/settings'))
    expect(settings.field('Show my borough on my profile').checked).toBe(true)
    const saved = await visitor.post('/settings', {
      displayName: member.displayName,
      region: 'halton',
      bio: '',
    })
    expect(saved.status).toBe(302)
    const profile = await readPage(await new Visitor().get(`/members/${member.id}`))
    expect(profile.text).toContain(member.displayName)
    expect(profile.text).not.toContain('Halton')
    const members = await pageText(await visitor.get(`/groups/${group.slug}/members`))
    expect(members).toContain(member.displayName)
    expect(members).not.toContain('Halton')
    // The member still sees their own borough, and the box unticked, in their settings.
    const again = await readPage(await visitor.get('/settings'))
    expect(again.field('Where you live').shown).toBe('Halton')
    expect(again.field('Show my borough on my profile').checked).toBe(false)
  })
})

describe('names that claim a role', () => {
  it('are refused on the account page with a sentence, keeping what was typed', async () => {
    const member = await createMember({ displayName: 'Plain Person' })
    const visitor = await signedIn(member)
    const refused = await visitor.post('/settings', {
      displayName: 'The  Cand\u200Bidate',
      region: 'wirral',
      bio: 'My bio stays.',
    })
    expect(refused.status).toBe(400)
    const page = await readPage(refused)
    const name = page.field(/name/i)
    expect(name.invalid).toBe(true)
    expect(name.description).toContain(
      'Choose a name that does not claim a role: the forum itself marks the candidate, facilitators and admins.',
    )
    expect(name.value).toBe('The  Cand\u200Bidate')
    expect(page.values()).toContain('My bio stays.')
    expect(await pageText(await visitor.get(`/members/${member.id}`))).toContain('Plain Person')
    const { rows } = await sql().query('select display_name from public.profiles where id = $1', [
      member.id,
    ])
    expect(rows[0].display_name).toBe('Plain Person')
  })

  it('lose bidi characters and extra spaces when saved', async () => {
    const member = await createMember()
    const visitor = await signedIn(member)
    const saved = await visitor.post('/settings', {
      displayName: '\u202EMaya\u2066   Ortiz\u2069',
      region: 'wirral',
      bio: '',
    })
    expect(saved.status).toBe(302)
    const profile = await (await visitor.get(`/members/${member.id}`)).text()
    expect(profile).toContain('Maya Ortiz')
    expect(profile).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/)
  })
})

describe('admin pages', () => {
  it('are refused to members who are not admins', async () => {
    const visitor = await signedIn(await createMember())
    for (const path of ['/admin', '/admin/groups', '/admin/groups/new', '/admin/roles']) {
      expect((await visitor.get(path)).status).toBe(403)
    }
    const forged = await visitor.post('/admin/groups/new', {
      name: 'Mine',
      slug: 'mine-now',
      summary: 'x',
      horizon: 'quick_win',
      joinPolicy: 'open',
    })
    expect(forged.status).toBe(403)
  })
})

describe('the group listing', () => {
  it('tells each reader the total they can list, from the stored counters, and pages it', async () => {
    const group = await createGroup({ joinPolicy: 'open' })
    const [author, facilitator] = [await createMember(), await createMember()]
    await addMembership(group, author)
    await addMembership(group, facilitator, { role: 'facilitator' })
    const statuses = [...Array(19).fill('open'), 'shortlisted', 'archived', 'open', 'draft']
    const { rows } = await sql().query<{ id: string; title: string }>(
      `insert into public.proposals (group_id, author_id, title, summary, body, status, published_at)
       select $1, $2, 'Listed proposal ' || n, 'A short summary.',
              '{"type":"doc","content":[{"type":"paragraph","content":[{"type":"text","text":"Body."}]}]}',
              s::public.proposal_status, case when s <> 'draft' then now() - (n || ' minutes')::interval end
         from unnest($3::text[]) with ordinality as t (s, n)
       returning id, title`,
      [group.id, author.id, statuses],
    )
    const hidden = rows.find((row) => row.title === 'Listed proposal 22')!
    await sql().query(
      `update public.proposals set hidden_at = now(), hidden_reason = 'Abusive.' where id = $1`,
      [hidden.id],
    )

    const visitor = new Visitor()
    const anonPage = await pageText(await visitor.get(`/groups/${group.slug}`))
    expect(anonPage).toContain('21 proposals')
    expect(anonPage).toContain('page 1 of 2')
    expect(anonPage).not.toContain('Listed proposal 22')
    // The facilitators and each card's author come with the listing.
    expect(anonPage).toMatch(new RegExp(`Facilitators\\s+${facilitator.displayName}`))
    expect(anonPage).toContain(`By ${author.displayName}`)
    const second = await pageText(await visitor.get(`/groups/${group.slug}?sort=new&page=2`))
    expect(second).toContain('Listed proposal 21')
    expect(second).toContain('page 2 of 2')
    const open = await pageText(await visitor.get(`/groups/${group.slug}?status=open`))
    expect(open).toContain('19 proposals')
    expect(open).not.toContain('page 1 of')

    const desk = await signedIn(facilitator)
    const curatorPage = await pageText(await desk.get(`/groups/${group.slug}?status=open`))
    expect(curatorPage).toContain('20 proposals')
  })
})

describe('the list of groups', () => {
  it('shows every live group with its facilitators, however many groups there are', async () => {
    const facilitated = await createGroup({ name: `Tolls ${crypto.randomUUID().slice(0, 6)}` })
    const facilitator = await createMember({ displayName: 'Fenella Many' })
    await addMembership(facilitated, facilitator, { role: 'facilitator' })
    // 600 more groups: a call naming every group's id would no longer fit in an address.
    const prefix = `many-${crypto.randomUUID().slice(0, 8)}`
    await sql().query(
      `insert into public.groups (slug, name, summary, description, horizon, join_policy)
       select $1 || '-' || n, 'Many ' || n, 'A group for tests.', 'About it.', 'strategic', 'open'
       from generate_series(1, 600) n`,
      [prefix],
    )
    try {
      const response = await new Visitor().get('/groups')
      expect(response.status).toBe(200)
      const text = await pageText(response)
      expect(text).toContain(facilitated.name)
      expect(text).toContain('Fenella Many')
      expect(text).toContain('Many 600')
    } finally {
      await sql().query('delete from public.groups where slug like $1', [`${prefix}-%`])
    }
  })
})
