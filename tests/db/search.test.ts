// Search finds published proposals by their words, ranked, and never drafts or hidden ones.
import { describe, expect, it } from 'vitest'
import { anonClient } from '../support/clients'
import { addMembership, createGroup } from '../support/groups'
import { createMember } from '../support/members'
import { createProposal } from '../support/proposals'
import { sql } from '../support/sql'

describe('search_proposals', () => {
  it('finds published proposals by title, summary and body, best match first', async () => {
    const group = await createGroup()
    const author = await createMember()
    await addMembership(group, author)
    const word = `zephyrine${crypto
      .randomUUID()
      .slice(0, 6)
      .replace(/[0-9-]/g, 'x')}`
    const inTitle = await createProposal(author, group, {
      publish: true,
      title: `The ${word} plan`,
      body: `All about ${word}, ${word} again.`,
    })
    const inBody = await createProposal(author, group, {
      publish: true,
      title: 'Another plan entirely',
      body: `Mentions ${word} once.`,
    })
    const draft = await createProposal(author, group, { title: `Draft about ${word}`, body: word })
    const hidden = await createProposal(author, group, {
      publish: true,
      title: `Hidden ${word}`,
      body: word,
    })
    await sql().query(
      `update public.proposals set hidden_at = now(), hidden_reason = 'Hidden by a facilitator: test' where id = $1`,
      [hidden.id],
    )

    const { data, error } = await anonClient().rpc('search_proposals', { query: word })
    expect(error).toBeNull()
    expect(data!.map((r) => r.id)).toEqual([inTitle.id, inBody.id])
    expect(data![0].excerpt).toContain(`\u0001${word}\u0002`)
    const asAuthor = await author.client.rpc('search_proposals', { query: word })
    expect(asAuthor.data!.map((r) => r.id)).not.toContain(draft.id)
    const filtered = await anonClient().rpc('search_proposals', {
      query: word,
      group_slug: 'buses',
    })
    expect(filtered.data).toEqual([])
  })

  it('copes with any input: operators, quotes, nothing at all', async () => {
    for (const query of [
      '',
      '"unfinished',
      'a & b | !c',
      "'; drop table proposals; --",
      '-',
      'x'.repeat(500),
    ]) {
      const { error } = await anonClient().rpc('search_proposals', { query })
      expect(error).toBeNull()
    }
  })
})
