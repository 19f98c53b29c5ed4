import { getSchema } from '@tiptap/core'
import { Node } from '@tiptap/pm/model'
import { describe, expect, it } from 'vitest'
import {
  BODY_MAX_BYTES,
  BODY_MAX_CHARACTERS,
  documentFromPlainText,
  documentToPlainText,
  emptyDocument,
  parseProposalDocument,
} from './document'
import { proposalExtensions } from './extensions'
import {
  bulletList as bullets,
  doc,
  hostileDocuments,
  type Json,
  link,
  listItem as item,
  nested,
  nestedJson,
  para,
  text,
} from './document.fixture'

function heading(level: number, value: string): Json {
  return { type: 'heading', attrs: { level }, content: [text(value)] }
}

function numbered(start: number, ...items: Json[]): Json {
  return { type: 'orderedList', attrs: { start, type: null }, content: items }
}

function quote(...content: Json[]): Json {
  return { type: 'blockquote', content }
}

function refusal(input: unknown): string {
  const result = parseProposalDocument(input)
  if (result.ok) throw new Error(`expected a refusal, got ${JSON.stringify(result.text)}`)
  return result.message
}

function acceptedText(input: unknown): string {
  const result = parseProposalDocument(input)
  if (!result.ok) throw new Error(`expected acceptance, got "${result.message}"`)
  return result.text
}

describe('parseProposalDocument refuses hostile input with a clear sentence', () => {
  it.each(hostileDocuments)('$name', ({ input, message }) => {
    expect(refusal(input)).toBe(message)
  })

  it(`covers at least 30 hostile cases (has ${hostileDocuments.length})`, () => {
    expect(hostileDocuments.length).toBeGreaterThanOrEqual(30)
  })

  it('refuses 10,000 nested quotes quickly, as an object and as JSON text', () => {
    const deep = nested(10_000)
    const started = performance.now()
    expect(refusal(deep)).toMatch(/nested too deeply/)
    expect(refusal(nestedJson(10_000))).toMatch(/nested too deeply/)
    expect(performance.now() - started).toBeLessThan(500)
  })

  it('refuses a million paragraphs quickly', () => {
    const huge = { type: 'doc', content: Array.from({ length: 1_000_000 }, () => para()) }
    const started = performance.now()
    expect(refusal(huge)).toMatch(/too large/)
    expect(performance.now() - started).toBeLessThan(500)
  })

  it('leaves Object.prototype alone when refusing __proto__', () => {
    refusal('{"type":"doc","content":[{"type":"paragraph"}],"__proto__":{"polluted":true}}')
    expect(({} as Json).polluted).toBeUndefined()
  })
})

const editorShaped: Array<{ name: string; doc: Json; text: string }> = [
  { name: 'a paragraph', doc: doc(para(text('Hello world'))), text: 'Hello world' },
  {
    name: 'headings at levels 2 and 3',
    doc: doc(heading(2, 'Buses'), para(text('Run them later.')), heading(3, 'Why')),
    text: 'Buses\n\nRun them later.\n\nWhy',
  },
  {
    name: 'bold and italic together',
    doc: doc(
      para(
        text('Bold', [{ type: 'bold' }]),
        text(' and '),
        text('both', [{ type: 'bold' }, { type: 'italic' }]),
      ),
    ),
    text: 'Bold and both',
  },
  {
    name: 'hard breaks',
    doc: doc(para(text('Line one'), { type: 'hardBreak' }, text('Line two'))),
    text: 'Line one\nLine two',
  },
  {
    name: 'nested lists',
    doc: doc(
      bullets(
        item(para(text('a'))),
        item(para(text('b')), numbered(1, item(para(text('c'))), item(para(text('d'))))),
      ),
    ),
    text: '- a\n- b\n  1. c\n  2. d',
  },
  {
    name: 'a numbered list starting at 3',
    doc: doc(numbered(3, item(para(text('x'))), item(para(text('y'))))),
    text: '3. x\n4. y',
  },
  {
    name: 'links with http, https and mailto',
    doc: doc(
      para(
        text('old', [link('http://example.com')]),
        text(' new', [link('https://example.com/a?b=1#c')]),
        text(' mail', [link('mailto:mayor@example.org')]),
      ),
    ),
    text: 'old new mail',
  },
  {
    name: 'a quote holding a list',
    doc: doc(quote(para(text('Quoted')), bullets(item(para(text('point')))))),
    text: '> Quoted\n>\n> - point',
  },
  {
    name: 'script tags as plain text',
    doc: doc(para(text('<script>alert(1)</script>'))),
    text: '<script>alert(1)</script>',
  },
  { name: 'the empty document', doc: emptyDocument as Json, text: '' },
  {
    name: 'ten nested quotes, the limit',
    doc: nested(10, para(text('deep'))),
    text: `${'> '.repeat(10)}deep`,
  },
]

describe('parseProposalDocument accepts what the editor makes', () => {
  const schema = getSchema(proposalExtensions)

  it.each(editorShaped)('$name', ({ doc, text }) => {
    expect(acceptedText(doc)).toBe(text)
  })

  // Tiptap's getJSON() writes every attribute with its default (link title: null, rel,
  // orderedList type: null); ProseMirror's toJSON is what it calls.
  it.each(editorShaped)('$name, as the editor serialises it', ({ doc, text }) => {
    expect(acceptedText(Node.fromJSON(schema, doc).toJSON())).toBe(text)
  })

  it('accepts a JSON string and returns a clean copy', () => {
    const result = parseProposalDocument(JSON.stringify(doc(para(text('hi')))))
    expect(result).toEqual({ ok: true, doc: doc(para(text('hi'))), text: 'hi' })
  })

  it('counts characters as the editor does, up to exactly the limit', () => {
    const atLimit = 'a'.repeat(BODY_MAX_CHARACTERS - 1)
    expect(acceptedText(doc(para(text(atLimit), { type: 'hardBreak' })))).toBe(`${atLimit}\n`)
    expect(refusal(doc(para(text(atLimit), { type: 'hardBreak' }, text('b'))))).toBe(
      'The text is too long: 20,001 characters; the limit is 20,000.',
    )
  })

  it('puts the JSON limit at 100 KB of UTF-8', () => {
    expect(BODY_MAX_BYTES).toBe(102_400)
  })
})

describe('plain text', () => {
  it('turns blank-line separated text into paragraphs, with line breaks', () => {
    expect(documentFromPlainText('One\r\nstill one\n\n\n  \nTwo\n')).toEqual(
      doc(para(text('One'), { type: 'hardBreak' }, text('still one')), para(text('Two'))),
    )
  })

  it('gives the empty document for empty text, and drops what cannot be stored', () => {
    expect(documentFromPlainText(' \n\n ')).toEqual(emptyDocument)
    expect(acceptedText(documentFromPlainText('a\u0000b \uD800'))).toBe('ab \uFFFD')
  })

  it('round-trips paragraphs', () => {
    const plain = 'First paragraph\nwith a break.\n\nSecond.'
    expect(documentToPlainText(documentFromPlainText(plain))).toBe(plain)
  })

  it('keeps the shared empty document frozen', () => {
    expect(Object.isFrozen(emptyDocument)).toBe(true)
    expect(Object.isFrozen(emptyDocument.content)).toBe(true)
  })
})
