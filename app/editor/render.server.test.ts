import { getSchema } from '@tiptap/core'
import { describe, expect, it } from 'vitest'
import { proposalExtensions } from './extensions'
import {
  doc,
  hostileDocuments,
  type Json,
  link,
  listItem,
  nested,
  para,
  text,
} from './document.fixture'
import { renderProposalHtml } from './render.server'

function item(value: string): Json {
  return listItem(para(text(value)))
}

const REL = 'rel="nofollow noopener noreferrer ugc"'
const ALLOWED_TAGS = new Set([
  'p',
  'h2',
  'h3',
  'strong',
  'em',
  'a',
  'ul',
  'ol',
  'li',
  'blockquote',
  'br',
])
const ALLOWED_ATTRIBUTES = new Set(['href', 'rel', 'start'])

/** Every tag and attribute in the output must be one the schema allows. */
function expectOnlyAllowedMarkup(html: string): void {
  for (const [, tag, attributes] of html.matchAll(/<\/?([a-zA-Z0-9]+)([^>]*)>/g)) {
    expect(ALLOWED_TAGS).toContain(tag)
    for (const [, name, value] of attributes.matchAll(/([^\s=/]+)(?:="([^"]*)")?/g)) {
      expect(ALLOWED_ATTRIBUTES).toContain(name)
      if (name === 'href') expect(value).toMatch(/^(https?:\/\/|mailto:)/)
    }
  }
}

describe('renderProposalHtml renders valid documents with the editor extensions', () => {
  it('renders bold and italic', () => {
    const stored = doc(
      para(
        text('Bold', [{ type: 'bold' }]),
        text(' and '),
        text('both', [{ type: 'bold' }, { type: 'italic' }]),
      ),
    )
    expect(renderProposalHtml(stored)).toBe(
      '<p><strong>Bold</strong> and <em><strong>both</strong></em></p>',
    )
  })

  it('renders headings and lists, keeping a numbered list start', () => {
    const stored = doc(
      { type: 'heading', attrs: { level: 2 }, content: [text('Buses')] },
      { type: 'heading', attrs: { level: 3 }, content: [text('Routes')] },
      { type: 'bulletList', content: [item('a'), item('b')] },
      { type: 'orderedList', attrs: { start: 3, type: null }, content: [item('c')] },
    )
    expect(renderProposalHtml(stored)).toBe(
      '<h2>Buses</h2><h3>Routes</h3><ul><li><p>a</p></li><li><p>b</p></li></ul><ol start="3"><li><p>c</p></li></ol>',
    )
  })

  it('renders a quote with a line break', () => {
    const stored = doc({
      type: 'blockquote',
      content: [para(text('one'), { type: 'hardBreak' }, text('two'))],
    })
    expect(renderProposalHtml(stored)).toBe('<blockquote><p>one<br/>two</p></blockquote>')
  })

  it('gives every link our rel and no target, whether or not the document names them', () => {
    const stored = doc(
      para(
        text('bare', [link('https://example.com/a?b=1&c=2')]),
        text('full', [
          link('mailto:mayor@example.org', {
            target: null,
            rel: 'nofollow noopener noreferrer ugc',
            class: null,
            title: null,
          }),
        ]),
      ),
    )
    expect(renderProposalHtml(stored)).toBe(
      `<p><a ${REL} href="https://example.com/a?b=1&amp;c=2">bare</a><a ${REL} href="mailto:mayor@example.org">full</a></p>`,
    )
  })

  it('escapes script tags and quotes in text and in link addresses', () => {
    const stored = doc(
      para(text('<script>alert("x")</script> & co', [link('https://example.com/"><script>')])),
    )
    const html = renderProposalHtml(stored)
    expect(html).toBe(
      `<p><a ${REL} href="https://example.com/&quot;&gt;&lt;script&gt;">&lt;script&gt;alert("x")&lt;/script&gt; &amp; co</a></p>`,
    )
    expectOnlyAllowedMarkup(html)
  })

  it('renders a document stored as JSON text', () => {
    expect(renderProposalHtml(JSON.stringify(doc(para(text('hi')))))).toBe('<p>hi</p>')
  })

  it('builds its schema from exactly the allowed nodes and marks', () => {
    const schema = getSchema(proposalExtensions)
    expect(Object.keys(schema.nodes).sort()).toEqual([
      'blockquote',
      'bulletList',
      'doc',
      'hardBreak',
      'heading',
      'listItem',
      'orderedList',
      'paragraph',
      'text',
    ])
    expect(Object.keys(schema.marks).sort()).toEqual(['bold', 'italic', 'link'])
  })
})

describe('renderProposalHtml falls back to escaped text for invalid stored documents', () => {
  it('shows a heading of a level no longer allowed as a paragraph', () => {
    const stored = doc(
      { type: 'heading', attrs: { level: 1 }, content: [text('Old <title>')] },
      para(text('body')),
    )
    expect(renderProposalHtml(stored)).toBe('<p>Old &lt;title&gt;</p><p>body</p>')
  })

  it('drops a javascript: link but keeps its text', () => {
    const stored = doc(
      para(text('before '), text('click', [link('javascript:alert(1)')]), text(' after')),
    )
    expect(renderProposalHtml(stored)).toBe('<p>before click after</p>')
  })

  it('shows the text of unknown elements, escaped, with line breaks', () => {
    const stored = doc(
      { type: 'image', attrs: { onerror: 'x' }, content: [text('<img src=x onerror=alert(1)>')] },
      para(text('a'), { type: 'hardBreak' }, text('b')),
    )
    expect(renderProposalHtml(stored)).toBe(
      '<p>&lt;img src=x onerror=alert(1)&gt;</p><p>a<br>b</p>',
    )
  })

  it('survives 10,000 nested quotes, cycles and throwing getters', () => {
    expect(renderProposalHtml(nested(10_000))).toBe('<p>deep</p>')
    const cyclic: Json = { type: 'doc', content: [] }
    ;(cyclic.content as Json[]).push(cyclic, para(text('x')))
    expect(() => renderProposalHtml(cyclic)).not.toThrow()
    const throwing = {
      type: 'doc',
      get content(): unknown {
        throw new Error('boom')
      },
    }
    expect(renderProposalHtml(throwing)).toBe('')
  })

  it('shows plain text that is not JSON as escaped paragraphs', () => {
    expect(renderProposalHtml('First <b>line</b>\n\nSecond "line"')).toBe(
      '<p>First &lt;b&gt;line&lt;/b&gt;</p><p>Second &quot;line&quot;</p>',
    )
  })

  it('renders nothing for nothing', () => {
    for (const stored of [null, undefined, 42, true, [], {}, '']) {
      expect(renderProposalHtml(stored)).toBe('')
    }
  })

  it.each(hostileDocuments)('renders "$name" without throwing or unsafe markup', ({ input }) => {
    expectOnlyAllowedMarkup(renderProposalHtml(input))
  })
})
