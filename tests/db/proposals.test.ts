// proposals, proposal_authors and proposal_revisions: the RLS matrix across the roles of a
// group's world, forged ids, hostile documents sent straight to the API, and history.
import { beforeAll, describe, expect, it } from 'vitest'
import { anonClient } from '../support/clients'
import { expectNoRows, expectOk, expectRefused } from '../support/expect'
import {
  addMembership,
  clientOf,
  createCast,
  createGroup,
  type Actor,
  type Cast,
} from '../support/groups'
import { createMember, type Member } from '../support/members'
import {
  addCoauthor,
  createProposal,
  documentOf,
  proposalRow,
  type TestProposal,
} from '../support/proposals'
import { sql } from '../support/sql'

type World = Cast & { coauthor: Member }
type ProposalActor = Actor | 'coauthor'

async function createWorld(): Promise<World> {
  const cast = await createCast('open')
  const coauthor = await createMember({ displayName: 'Co Author' })
  await addMembership(cast.group, coauthor)
  return { ...cast, coauthor }
}

function as(world: World, actor: ProposalActor) {
  return actor === 'coauthor' ? world.coauthor.client : clientOf(world, actor)
}

/** A proposal by world.member with world.coauthor as co-author. */
async function authoredProposal(world: World, publish: boolean) {
  const proposal = await createProposal(world.member, world.group, { publish })
  await addCoauthor(proposal, world.member, world.coauthor)
  return proposal
}

describe('creating proposals', () => {
  let world: World
  beforeAll(async () => {
    world = await createWorld()
  })

  const expected: Array<[ProposalActor, boolean]> = [
    ['anon', false],
    ['nonMember', false],
    ['pending', false],
    ['member', true],
    ['facilitator', true],
    ['otherFacilitator', false],
    ['candidate', false],
    ['admin', false],
  ]

  it.each(expected)('%s may draft in the group: %s', async (actor, allowed) => {
    const result = await as(world, actor)
      .from('proposals')
      .insert({ group_id: world.group.id, title: `Drafted by ${actor}`, body: documentOf('Text.') })
      .select('id, author_id, status')
    if (allowed) {
      const [row] = expectOk(result)
      expect(row.status).toBe('draft')
    } else {
      expectRefused(result)
    }
  })

  it('the author is the signed-in member, whatever the client claims', async () => {
    const result = await world.member.client.from('proposals').insert({
      group_id: world.group.id,
      title: 'Forged author',
      body: documentOf('x'),
      author_id: world.facilitator.id,
    } as never)
    expectRefused(result)
  })

  it('status, version and pin cannot be chosen on insert', async () => {
    for (const extra of [
      { status: 'forwarded' },
      { version: 7 },
      { pinned: true },
      { published_at: new Date().toISOString() },
    ]) {
      const result = await world.member.client.from('proposals').insert({
        group_id: world.group.id,
        title: 'Sneaky extras',
        body: documentOf('x'),
        ...extra,
      } as never)
      expectRefused(result)
    }
  })

  it('is refused in an archived group, with a reason', async () => {
    const archived = await createGroup()
    await addMembership(archived, world.member)
    await sql().query('update public.groups set archived_at = now() where id = $1', [archived.id])
    const result = await world.member.client
      .from('proposals')
      .insert({ group_id: archived.id, title: 'Too late now', body: documentOf('x') })
    expectRefused(result, 'P0001')
    expect(result.error?.message).toBe('This group is archived and takes no new proposals.')
  })

  it.each([
    [
      'a script node',
      { type: 'doc', content: [{ type: 'script', content: [{ type: 'text', text: 'alert(1)' }] }] },
    ],
    [
      'an event handler attribute',
      {
        type: 'doc',
        content: [
          {
            type: 'paragraph',
            attrs: { onclick: 'alert(1)' },
            content: [{ type: 'text', text: 'x' }],
          },
        ],
      },
    ],
    [
      'a javascript: link',
      {
        type: 'doc',
        content: [
          {
            type: 'paragraph',
            content: [
              {
                type: 'text',
                text: 'x',
                marks: [{ type: 'link', attrs: { href: 'JavaScript:alert(1)' } }],
              },
            ],
          },
        ],
      },
    ],
    [
      'a data: link',
      {
        type: 'doc',
        content: [
          {
            type: 'paragraph',
            content: [
              {
                type: 'text',
                text: 'x',
                marks: [{ type: 'link', attrs: { href: 'data:text/html,<script>' } }],
              },
            ],
          },
        ],
      },
    ],
    [
      'a link with a leading space',
      {
        type: 'doc',
        content: [
          {
            type: 'paragraph',
            content: [
              {
                type: 'text',
                text: 'x',
                marks: [{ type: 'link', attrs: { href: ' javascript:alert(1)' } }],
              },
            ],
          },
        ],
      },
    ],
    [
      'a link opening a new window',
      {
        type: 'doc',
        content: [
          {
            type: 'paragraph',
            content: [
              {
                type: 'text',
                text: 'x',
                marks: [{ type: 'link', attrs: { href: 'https://ok.example', target: '_blank' } }],
              },
            ],
          },
        ],
      },
    ],
    [
      'a heading of level 1',
      {
        type: 'doc',
        content: [{ type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'x' }] }],
      },
    ],
    [
      'an image',
      { type: 'doc', content: [{ type: 'image', attrs: { src: 'https://evil.example/x.png' } }] },
    ],
    [
      'an unknown mark',
      {
        type: 'doc',
        content: [
          { type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'code' }] }] },
        ],
      },
    ],
    ['an empty document', { type: 'doc', content: [] }],
    ['not a document', ['a', 'list']],
    [
      'deep nesting',
      JSON.parse(
        '{"type":"doc","content":[' +
          '{"type":"blockquote","content":['.repeat(30) +
          '{"type":"paragraph"}' +
          ']}'.repeat(30) +
          ']}',
      ),
    ],
  ])(
    'a body with %s sent straight to the API is refused and nothing is stored',
    async (_case, body) => {
      const title = `Hostile ${crypto.randomUUID().slice(0, 6)}`
      const result = await world.member.client
        .from('proposals')
        .insert({ group_id: world.group.id, title, body: body as never })
      expectRefused(result, '23514')
      const { rowCount } = await sql().query('select 1 from public.proposals where title = $1', [
        title,
      ])
      expect(rowCount).toBe(0)
    },
  )

  it('accepts a rich document and stores its words for search', async () => {
    const body = {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Routes' }] },
        {
          type: 'bulletList',
          content: [
            {
              type: 'listItem',
              content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Halewood loop' }] }],
            },
          ],
        },
        {
          type: 'paragraph',
          content: [
            {
              type: 'text',
              text: 'See',
              marks: [
                {
                  type: 'link',
                  attrs: {
                    href: 'https://example.org',
                    target: null,
                    rel: 'nofollow noopener noreferrer ugc',
                    class: null,
                  },
                },
              ],
            },
          ],
        },
      ],
    }
    const [row] = expectOk(
      await world.member.client
        .from('proposals')
        .insert({ group_id: world.group.id, title: 'A rich one', body })
        .select('id, body_text'),
    )
    expect(row.body_text).toBe('Routes Halewood loop See')
  })
})

describe('reading', () => {
  let world: World
  let draft: TestProposal
  let published: TestProposal
  beforeAll(async () => {
    world = await createWorld()
    draft = await authoredProposal(world, false)
    published = await authoredProposal(world, true)
  })

  const draftReaders: Array<[ProposalActor, boolean]> = [
    ['anon', false],
    ['nonMember', false],
    ['pending', false],
    ['member', true],
    ['coauthor', true],
    ['facilitator', false],
    ['otherFacilitator', false],
    ['candidate', false],
    ['admin', false],
  ]

  it.each(draftReaders)(
    '%s sees the draft (and its authors): %s; the published one: always',
    async (actor, sees) => {
      const client = as(world, actor)
      const { data } = await client
        .from('proposals')
        .select('id')
        .in('id', [draft.id, published.id])
      expect(new Set(data?.map((r) => r.id))).toEqual(
        new Set(sees ? [draft.id, published.id] : [published.id]),
      )
      const { data: authors } = await client
        .from('proposal_authors')
        .select('user_id')
        .eq('proposal_id', draft.id)
      expect(authors?.length ?? 0).toBe(sees ? 2 : 0)
    },
  )
})

describe('editing', () => {
  const draftEditors: Array<[ProposalActor, boolean]> = [
    ['anon', false],
    ['nonMember', false],
    ['member', true],
    ['coauthor', true],
    ['facilitator', false],
    ['otherFacilitator', false],
    ['candidate', false],
    ['admin', false],
  ]

  it.each(draftEditors)('%s edits a draft: %s', async (actor, allowed) => {
    const world = await createWorld()
    const draft = await authoredProposal(world, false)
    const result = await as(world, actor)
      .from('proposals')
      .update({ title: `Edited by ${actor}`, change_note: 'A test edit.' })
      .eq('id', draft.id)
      .select('title')
    if (allowed) expect(expectOk(result)[0].title).toBe(`Edited by ${actor}`)
    else if (actor === 'anon') expectRefused(result)
    else expectNoRows(result)
  })

  const publishedEditors: Array<[ProposalActor, boolean]> = [
    ['nonMember', false],
    ['pending', false],
    ['member', true],
    ['coauthor', true],
    ['facilitator', true],
    ['otherFacilitator', false],
    ['candidate', false],
    ['admin', true],
  ]

  it.each(publishedEditors)(
    '%s edits a published proposal: %s, and the edit is recorded',
    async (actor, allowed) => {
      const world = await createWorld()
      const proposal = await authoredProposal(world, true)
      const result = await as(world, actor)
        .from('proposals')
        .update({ body: documentOf(`Rewritten by ${actor}`), change_note: 'A test edit.' })
        .eq('id', proposal.id)
        .select('version')
      const { rows } = await sql().query(
        'select version, editor_id from public.proposal_revisions where proposal_id = $1 order by version',
        [proposal.id],
      )
      if (allowed) {
        expect(expectOk(result)[0].version).toBe(proposal.version + 1)
        const editor = actor === 'coauthor' ? world.coauthor : world[actor as keyof Cast]
        expect(rows.map((r) => r.editor_id)).toEqual([world.member.id, (editor as Member).id])
      } else {
        expectNoRows(result)
        expect(rows).toHaveLength(1)
      }
    },
  )

  it('nobody changes author, group, status, version, pin or counters by a plain update', async () => {
    const world = await createWorld()
    const proposal = await authoredProposal(world, true)
    for (const client of [world.member.client, world.facilitator.client, world.admin.client]) {
      for (const change of [
        { author_id: world.nonMember.id },
        { group_id: world.otherGroup.id },
        { status: 'forwarded' },
        { version: 99 },
        { pinned: true },
        { published_at: null },
        { body_text: 'spam spam spam' },
      ]) {
        expectRefused(
          await client
            .from('proposals')
            .update(change as never)
            .eq('id', proposal.id),
        )
      }
    }
    const row = await proposalRow(proposal.id)
    expect(row).toMatchObject({
      author_id: world.member.id,
      group_id: world.group.id,
      status: 'open',
      pinned: false,
    })
  })

  it('a save over a newer version changes nothing (the app answers 409)', async () => {
    const world = await createWorld()
    const proposal = await authoredProposal(world, true)
    expectOk(
      await world.coauthor.client
        .from('proposals')
        .update({ title: 'The co-author got there first', change_note: 'A test edit.' })
        .eq('id', proposal.id)
        .eq('version', proposal.version)
        .select('id'),
    )
    expectNoRows(
      await world.member.client
        .from('proposals')
        .update({ title: 'My stale edit', change_note: 'A test edit.' })
        .eq('id', proposal.id)
        .eq('version', proposal.version)
        .select('id'),
    )
    expect((await proposalRow(proposal.id)).title).toBe('The co-author got there first')
  })

  it('proposals in an archived group are read-only', async () => {
    const world = await createWorld()
    const proposal = await authoredProposal(world, true)
    await sql().query('update public.groups set archived_at = now() where id = $1', [
      world.group.id,
    ])
    expectNoRows(
      await world.member.client
        .from('proposals')
        .update({ title: 'After the archive', change_note: 'A test edit.' })
        .eq('id', proposal.id)
        .select('id'),
    )
  })
})

describe('publishing and deleting', () => {
  it('refuses to publish a draft that does not yet say what it proposes, even through the API', async () => {
    const world = await createWorld()
    const bare = await createProposal(world.member, world.group, {
      title: 'More buses',
      summary: 'Buses.',
      body: 'More buses, please.',
    })
    const noSummary = await world.member.client.rpc('publish_proposal', { proposal_id: bare.id })
    expect(noSummary.error?.message).toMatch(/a summary of at least 20 characters/)
    expectOk(
      await world.member.client
        .from('proposals')
        .update({ summary: 'Twice as many buses on every route.' })
        .eq('id', bare.id)
        .select('id'),
    )
    const shortText = await world.member.client.rpc('publish_proposal', { proposal_id: bare.id })
    expect(shortText.error?.message).toMatch(/at least 100 characters/)
    // Nor can the status be written around the check.
    expectRefused(
      await world.member.client
        .from('proposals')
        .update({ status: 'open' } as never)
        .eq('id', bare.id)
        .select('id'),
    )
    expect((await proposalRow(bare.id)).status).toBe('draft')
  })

  it.each<[ProposalActor, boolean]>([
    ['member', true],
    ['coauthor', true],
    ['facilitator', false],
    ['nonMember', false],
    ['admin', false],
  ])('%s publishes a draft: %s', async (actor, allowed) => {
    const world = await createWorld()
    const draft = await authoredProposal(world, false)
    const result = await as(world, actor).rpc('publish_proposal', { proposal_id: draft.id })
    const row = await proposalRow(draft.id)
    if (allowed) {
      expect(result.error).toBeNull()
      expect(row.status).toBe('open')
      expect(row.published_at).not.toBeNull()
      const { rows } = await sql().query(
        'select version from public.proposal_revisions where proposal_id = $1',
        [draft.id],
      )
      expect(rows).toEqual([{ version: row.version }])
    } else {
      expectRefused(result)
      expect(row.status).toBe('draft')
    }
  })

  it('anon cannot publish, and a published proposal cannot be published again', async () => {
    const world = await createWorld()
    const proposal = await authoredProposal(world, true)
    expectRefused(await anonClient().rpc('publish_proposal', { proposal_id: proposal.id }))
    expectRefused(
      await world.member.client.rpc('publish_proposal', { proposal_id: proposal.id }),
      'P0001',
    )
  })

  it('the author deletes a draft, but nobody deletes a published proposal', async () => {
    const world = await createWorld()
    const draft = await authoredProposal(world, false)
    const published = await authoredProposal(world, true)
    expectNoRows(
      await world.coauthor.client.from('proposals').delete().eq('id', draft.id).select('id'),
    )
    expect(
      expectOk(
        await world.member.client.from('proposals').delete().eq('id', draft.id).select('id'),
      ),
    ).toHaveLength(1)
    for (const client of [world.member.client, world.facilitator.client, world.admin.client]) {
      expectNoRows(await client.from('proposals').delete().eq('id', published.id).select('id'))
    }
  })
})

describe('co-authors', () => {
  it('are added by the author from the group’s members only', async () => {
    const world = await createWorld()
    const proposal = await createProposal(world.member, world.group)
    const [row] = expectOk(
      await world.member.client
        .from('proposal_authors')
        .insert({ proposal_id: proposal.id, user_id: world.coauthor.id })
        .select(),
    )
    expect(row).toMatchObject({ role: 'coauthor', added_by: world.member.id })
    const outsider = await world.member.client
      .from('proposal_authors')
      .insert({ proposal_id: proposal.id, user_id: world.nonMember.id })
    expectRefused(outsider, 'P0001')
    expect(outsider.error?.message).toBe('Co-authors must be members of the group.')
    expectRefused(
      await world.member.client
        .from('proposal_authors')
        .insert({ proposal_id: proposal.id, user_id: world.pending.id }),
      'P0001',
    )
  })

  it('cannot be added by co-authors, facilitators or strangers, nor with a forged role', async () => {
    const world = await createWorld()
    const proposal = await authoredProposal(world, true)
    const newcomer = await createMember()
    await addMembership(world.group, newcomer)
    for (const client of [
      world.coauthor.client,
      world.facilitator.client,
      world.nonMember.client,
      newcomer.client,
    ]) {
      expectRefused(
        await client
          .from('proposal_authors')
          .insert({ proposal_id: proposal.id, user_id: newcomer.id }),
      )
    }
    expectRefused(
      await world.member.client
        .from('proposal_authors')
        .insert({ proposal_id: proposal.id, user_id: newcomer.id, role: 'author' } as never),
    )
    expectRefused(
      await world.member.client.from('proposal_authors').insert({
        proposal_id: proposal.id,
        user_id: newcomer.id,
        added_by: world.admin.id,
      } as never),
    )
  })

  it('are removed by the author or step down; the author can never be removed', async () => {
    const world = await createWorld()
    const proposal = await authoredProposal(world, false)
    expectNoRows(
      await world.facilitator.client
        .from('proposal_authors')
        .delete()
        .eq('proposal_id', proposal.id)
        .eq('user_id', world.coauthor.id)
        .select(),
    )
    expectNoRows(
      await world.coauthor.client
        .from('proposal_authors')
        .delete()
        .eq('proposal_id', proposal.id)
        .eq('user_id', world.member.id)
        .select(),
    )
    expectRefused(
      await world.member.client
        .from('proposal_authors')
        .delete()
        .eq('proposal_id', proposal.id)
        .eq('user_id', world.member.id),
      'P0001',
    )
    expect(
      expectOk(
        await world.coauthor.client
          .from('proposal_authors')
          .delete()
          .eq('proposal_id', proposal.id)
          .eq('user_id', world.coauthor.id)
          .select(),
      ),
    ).toHaveLength(1)
    await addCoauthor(proposal, world.member, world.coauthor)
    expect(
      expectOk(
        await world.member.client
          .from('proposal_authors')
          .delete()
          .eq('proposal_id', proposal.id)
          .eq('user_id', world.coauthor.id)
          .select(),
      ),
    ).toHaveLength(1)
    // A removed co-author can no longer edit the draft.
    expectNoRows(
      await world.coauthor.client
        .from('proposals')
        .update({ title: 'Still mine?', change_note: 'A test edit.' })
        .eq('id', proposal.id)
        .select('id, status'),
    )
  })
})

describe('revisions', () => {
  it('are as public as their proposal and can never be written, changed or removed', async () => {
    const world = await createWorld()
    const proposal = await authoredProposal(world, true)
    const { data } = await anonClient()
      .from('proposal_revisions')
      .select('version, title')
      .eq('proposal_id', proposal.id)
    expect(data).toHaveLength(1)
    for (const client of [
      anonClient(),
      world.member.client,
      world.facilitator.client,
      world.admin.client,
    ]) {
      expectRefused(
        await client.from('proposal_revisions').insert({
          proposal_id: proposal.id,
          version: 99,
          title: 'Fake history',
          summary: '',
          body: documentOf('x'),
        } as never),
      )
      expectRefused(
        await client
          .from('proposal_revisions')
          .update({ title: 'Rewritten history' })
          .eq('proposal_id', proposal.id),
      )
      expectRefused(await client.from('proposal_revisions').delete().eq('proposal_id', proposal.id))
    }
    const { rows } = await sql().query(
      'select title from public.proposal_revisions where proposal_id = $1',
      [proposal.id],
    )
    expect(rows).toEqual([{ title: proposal.title }])
  })

  it('of a draft do not exist, and the draft’s text stays private', async () => {
    const world = await createWorld()
    const draft = await authoredProposal(world, false)
    await world.member.client
      .from('proposals')
      .update({ title: 'Second draft title', change_note: 'A test edit.' })
      .eq('id', draft.id)
    const { rowCount } = await sql().query(
      'select 1 from public.proposal_revisions where proposal_id = $1',
      [draft.id],
    )
    expect(rowCount).toBe(0)
  })
})
