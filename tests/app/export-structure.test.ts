// The candidate's Markdown export keeps a proposal's headings and lists as Markdown, under
// the export's own headings.
import { describe, expect, it } from 'vitest'
import { signedIn } from '../support/app'
import { createWorld } from '../support/lifecycle'
import { sql } from '../support/sql'

const body = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'The problem' }] },
    { type: 'paragraph', content: [{ type: 'text', text: 'Buses stop at seven.' }] },
    { type: 'heading', attrs: { level: 3 }, content: [{ type: 'text', text: 'What we ask' }] },
    {
      type: 'bulletList',
      content: ['Later buses', 'A night route'].map((words) => ({
        type: 'listItem',
        content: [{ type: 'paragraph', content: [{ type: 'text', text: words }] }],
      })),
    },
    {
      type: 'orderedList',
      content: ['Consult', 'Fund'].map((words) => ({
        type: 'listItem',
        content: [{ type: 'paragraph', content: [{ type: 'text', text: words }] }],
      })),
    },
  ],
}

describe('the Markdown export', () => {
  it('keeps the proposal’s headings and lists', async () => {
    const world = await createWorld()
    await sql().query(
      `insert into public.proposals (group_id, author_id, title, summary, body, status, published_at)
       values ($1, $2, 'Late buses', '', $3::jsonb, 'forwarded', now())`,
      [world.group.id, world.author.id, JSON.stringify(body)],
    )
    const candidate = await signedIn(world.candidate)
    const markdown = await (
      await candidate.get(`/review/export.md?group=${world.group.slug}`)
    ).text()
    expect(markdown).toContain(
      [
        '### Full text',
        '#### The problem',
        'Buses stop at seven.',
        '##### What we ask',
        '- Later buses\n- A night route',
        '1. Consult\n2. Fund',
      ].join('\n\n'),
    )
  })
})
