import { describe, expect, it } from 'vitest'
import type { ProposalDocument } from '~/editor/document'
import { documentToMarkdown } from './document-markdown'

const text = (value: string, marks?: Array<{ type: 'bold' } | { type: 'italic' }>) => ({
  type: 'text' as const,
  text: value,
  ...(marks ? { marks } : {}),
})
const para = (...content: ReturnType<typeof text>[]) => ({ type: 'paragraph' as const, content })
const item = (...blocks: ProposalDocument['content']) => ({
  type: 'listItem' as const,
  content: blocks,
})

describe('documentToMarkdown', () => {
  it('keeps headings, bullet and numbered lists (nested), quotes and emphasis', () => {
    const doc = {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [text('Why')] },
        para(
          text('Buses are '),
          text('late', [{ type: 'bold' }]),
          text(' and '),
          text('full', [{ type: 'italic' }]),
        ),
        { type: 'heading', attrs: { level: 3 }, content: [text('What we ask')] },
        {
          type: 'bulletList',
          content: [
            item(para(text('Cheaper fares'))),
            item(para(text('More routes')), {
              type: 'orderedList',
              content: [item(para(text('Halewood'))), item(para(text('Kirkby')))],
            }),
          ],
        },
        { type: 'orderedList', attrs: { start: 3 }, content: [item(para(text('Third')))] },
        { type: 'blockquote', content: [para(text('A quote'))] },
        para({
          type: 'text',
          text: 'Read more',
          marks: [{ type: 'link', attrs: { href: 'https://example.org/a' } }],
        } as never),
      ],
    } as ProposalDocument
    expect(documentToMarkdown(doc)).toBe(
      [
        '#### Why',
        'Buses are **late** and *full*',
        '##### What we ask',
        '- Cheaper fares\n- More routes\n\n  1. Halewood\n  2. Kirkby',
        '3. Third',
        '> A quote',
        '[Read more](<https://example.org/a>)',
      ].join('\n\n'),
    )
  })

  it('escapes what members typed, so only the document’s own structure is structure', () => {
    const doc = {
      type: 'doc',
      content: [
        para(text('# not a heading')),
        para(text('- not a list *or* [link](x)')),
        para(text('1. not numbered')),
        { type: 'bulletList', content: [item(para(text('- still one item')))] },
      ],
    } as ProposalDocument
    expect(documentToMarkdown(doc)).toBe(
      [
        '\\# not a heading',
        '\\- not a list \\*or\\* \\[link\\](x)',
        '1\\. not numbered',
        '- \\- still one item',
      ].join('\n\n'),
    )
  })
})
