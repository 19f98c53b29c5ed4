// Document builders and a corpus of hostile proposal bodies, each with the sentence a
// member should read when it is refused. Shared by document.test.ts (refused) and
// render.server.test.ts (rendered harmlessly).

export type Json = Record<string, unknown>
export type HostileDocument = { name: string; input: unknown; message: string }

export function text(value: string, marks?: Json[]): Json {
  return marks ? { type: 'text', text: value, marks } : { type: 'text', text: value }
}

export function para(...content: Json[]): Json {
  return { type: 'paragraph', content }
}

export function doc(...content: Json[]): Json {
  return { type: 'doc', content }
}

export function link(href: string, attrs: Json = {}): Json {
  return { type: 'link', attrs: { href, ...attrs } }
}

export function listItem(...content: Json[]): Json {
  return { type: 'listItem', content }
}

export function bulletList(...items: Json[]): Json {
  return { type: 'bulletList', content: items }
}

function notAllowed(detail: string): string {
  return `The document contains something the editor does not allow (${detail}).`
}

function linked(href: string, extra: Json = {}): Json {
  return doc(para(text('click me', [link(href, extra)])))
}

function withMark(mark: Json): Json {
  return doc(para(text('styled', [mark])))
}
const LINKS = 'Links must start with http://, https:// or mailto:.'
const TOO_DEEP =
  'The document is nested too deeply: lists and quotes can go at most 10 levels deep.'
const TOO_LARGE =
  'The document is too large to save (over 100 KB). Shorten it or remove some formatting.'
const NOT_A_DOCUMENT =
  'This is not a document from the editor. Please reload the page and try again.'
const UNREADABLE = 'The document could not be read. Please reload the page and try again.'
const UNSTORABLE =
  'The text contains a character that cannot be saved (a null character or half an emoji).'
const HEADINGS = 'Headings can only be level 2 or 3.'
const LINK_SETTING = notAllowed('a link setting the editor does not use')

/** Quotes inside quotes, built without recursion so the depth can be absurd. */
export function nested(depth: number, innermost: Json = para(text('deep'))): Json {
  let node = innermost
  for (let level = 0; level < depth; level += 1) node = { type: 'blockquote', content: [node] }
  return doc(node)
}

/** The same as JSON text, built by hand: JSON.stringify itself overflows at this depth. */
export function nestedJson(depth: number): string {
  const open = '{"type":"blockquote","content":['.repeat(depth)
  return `{"type":"doc","content":[${open}{"type":"paragraph"}${']}'.repeat(depth)}]}`
}

function nestedLists(depth: number): Json {
  let node: Json = para(text('deep'))
  for (let level = 0; level < depth; level += 1) {
    node = bulletList(listItem(para(text('item')), node))
  }
  return doc(node)
}

function cyclic(): Json {
  const node: Json = { type: 'blockquote', content: [] }
  ;(node.content as Json[]).push(node)
  return doc(node)
}

function throwingGetter(): Json {
  return {
    type: 'doc',
    get content(): unknown {
      throw new Error('boom')
    },
  }
}

function deepAttributes(depth: number): Json {
  let value: Json = {}
  for (let level = 0; level < depth; level += 1) value = { inner: value }
  return doc({ type: 'paragraph', attrs: value })
}

const manyLinks = doc(
  para(
    ...Array.from({ length: 1500 }, (_, index) =>
      text(`${index} `, [link(`https://example.com/${index}`)]),
    ),
  ),
)

export const hostileDocuments: HostileDocument[] = [
  // Elements that are not ours.
  {
    name: 'a script element',
    input: doc({ type: 'script', content: [text('alert(1)')] }),
    message: notAllowed("an unknown element: 'script'"),
  },
  {
    name: 'an image',
    input: doc({ type: 'image', attrs: { src: 'x', onerror: 'alert(1)' } }),
    message: notAllowed("an unknown element: 'image'"),
  },
  {
    name: 'an iframe',
    input: doc({ type: 'iframe', attrs: { src: 'https://evil.example' } }),
    message: notAllowed("an unknown element: 'iframe'"),
  },
  {
    name: 'a code block',
    input: doc({ type: 'codeBlock', content: [text('x')] }),
    message: notAllowed("an unknown element: 'codeBlock'"),
  },
  {
    name: 'a table',
    input: doc({ type: 'table', content: [] }),
    message: notAllowed("an unknown element: 'table'"),
  },
  {
    name: 'a horizontal rule',
    input: doc({ type: 'horizontalRule' }),
    message: notAllowed("an unknown element: 'horizontalRule'"),
  },
  {
    name: 'a list item outside a list',
    input: doc({ type: 'listItem', content: [para()] }),
    message: notAllowed("'listItem' in a place it cannot go"),
  },
  {
    name: 'text straight in the document',
    input: doc(text('loose')),
    message: notAllowed("'text' in a place it cannot go"),
  },
  {
    name: 'a node without a type',
    input: doc({ content: [text('x')] }),
    message: notAllowed('an element without a type'),
  },
  {
    name: 'a string where a node belongs',
    input: doc('<p>hi</p>' as unknown as Json),
    message: notAllowed('an element without a type'),
  },
  // Formatting that is not ours.
  {
    name: 'a code mark',
    input: withMark({ type: 'code' }),
    message: notAllowed("an unknown formatting: 'code'"),
  },
  {
    name: 'a strike mark',
    input: withMark({ type: 'strike' }),
    message: notAllowed("an unknown formatting: 'strike'"),
  },
  {
    name: 'an underline mark',
    input: withMark({ type: 'underline' }),
    message: notAllowed("an unknown formatting: 'underline'"),
  },
  {
    name: 'a script mark',
    input: withMark({ type: 'script' }),
    message: notAllowed("an unknown formatting: 'script'"),
  },
  {
    name: 'the same mark twice',
    input: doc(para(text('x', [{ type: 'bold' }, { type: 'bold' }]))),
    message: notAllowed('the same formatting twice on one piece of text'),
  },
  // Event handlers and styles.
  {
    name: 'onclick on a paragraph',
    input: doc({ type: 'paragraph', onclick: 'alert(1)' }),
    message: notAllowed("an unknown attribute: 'onclick'"),
  },
  {
    name: 'onerror in paragraph attrs',
    input: doc({ type: 'paragraph', attrs: { onerror: 'alert(1)' } }),
    message: notAllowed("an unknown attribute: 'onerror'"),
  },
  {
    name: 'onmouseover on a link',
    input: linked('https://example.com', { onmouseover: 'alert(1)' }),
    message: notAllowed("an unknown attribute: 'onmouseover'"),
  },
  {
    name: 'onclick in bold attrs',
    input: withMark({ type: 'bold', attrs: { onclick: 'alert(1)' } }),
    message: notAllowed("an unknown attribute: 'onclick'"),
  },
  {
    name: 'onerror on a text node',
    input: doc(para({ type: 'text', text: 'x', onerror: 'alert(1)' })),
    message: notAllowed("an unknown attribute: 'onerror'"),
  },
  {
    name: 'style on a heading',
    input: doc({ type: 'heading', attrs: { level: 2, style: 'position:fixed' } }),
    message: notAllowed("an unknown attribute: 'style'"),
  },
  {
    name: 'style on a link',
    input: linked('https://example.com', { style: 'color:red' }),
    message: notAllowed("an unknown attribute: 'style'"),
  },
  {
    name: 'a link opening a new tab',
    input: linked('https://example.com', { target: '_blank' }),
    message: LINK_SETTING,
  },
  {
    name: 'a link dropping our rel',
    input: linked('https://example.com', { rel: 'opener' }),
    message: LINK_SETTING,
  },
  {
    name: 'a link with a class',
    input: linked('https://example.com', { class: 'button' }),
    message: LINK_SETTING,
  },
  // Link addresses.
  { name: 'javascript:', input: linked('javascript:alert(1)'), message: LINKS },
  { name: 'JAVASCRIPT: in capitals', input: linked('JAVASCRIPT:alert(1)'), message: LINKS },
  { name: 'JaVaScRiPt: in mixed case', input: linked('JaVaScRiPt:alert(1)'), message: LINKS },
  { name: 'javascript: after spaces', input: linked('   javascript:alert(1)'), message: LINKS },
  { name: 'javascript: with a tab inside', input: linked('java\tscript:alert(1)'), message: LINKS },
  {
    name: 'javascript: with a newline inside',
    input: linked('java\nscript:alert(1)'),
    message: LINKS,
  },
  {
    name: 'javascript: after a control character',
    input: linked('\u0001javascript:alert(1)'),
    message: LINKS,
  },
  {
    name: 'javascript: as decimal entities',
    input: linked('&#106;avascript:alert(1)'),
    message: LINKS,
  },
  {
    name: 'javascript: as hex entities',
    input: linked('&#x6A;&#x61;vascript:alert(1)'),
    message: LINKS,
  },
  {
    name: 'javascript: with an entity colon',
    input: linked('javascript&colon;alert(1)'),
    message: LINKS,
  },
  { name: 'javascript: percent-encoded', input: linked('%6Aavascript:alert(1)'), message: LINKS },
  {
    name: 'data:',
    input: linked('data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=='),
    message: LINKS,
  },
  {
    name: 'DATA: in capitals',
    input: linked('DATA:text/html,<script>alert(1)</script>'),
    message: LINKS,
  },
  { name: 'vbscript:', input: linked('vbscript:msgbox(1)'), message: LINKS },
  { name: 'a protocol-relative link', input: linked('//evil.example/path'), message: LINKS },
  { name: 'a relative path', input: linked('/signout'), message: LINKS },
  { name: 'https: without slashes', input: linked('https:evil.example'), message: LINKS },
  { name: 'a link with no address', input: linked(''), message: LINKS },
  { name: 'a link href that is not text', input: linked(42 as unknown as string), message: LINKS },
  {
    name: 'https:// and nothing else',
    input: linked('https://'),
    message: 'A link is not a complete web or e-mail address.',
  },
  {
    name: 'a link of 3,000 characters',
    input: linked(`https://example.com/${'a'.repeat(3000)}`),
    message: 'Links can have at most 2,000 characters.',
  },
  // Headings and lists.
  {
    name: 'heading level 1',
    input: doc({ type: 'heading', attrs: { level: 1 }, content: [text('x')] }),
    message: HEADINGS,
  },
  {
    name: 'heading level 4',
    input: doc({ type: 'heading', attrs: { level: 4 }, content: [text('x')] }),
    message: HEADINGS,
  },
  {
    name: 'heading level as text',
    input: doc({ type: 'heading', attrs: { level: '2' } }),
    message: HEADINGS,
  },
  {
    name: 'a numbered list from 0',
    input: doc({
      type: 'orderedList',
      attrs: { start: 0 },
      content: [{ type: 'listItem', content: [para()] }],
    }),
    message: 'A numbered list must start at a whole number of 1 or more.',
  },
  {
    name: 'a numbered list with a style',
    input: doc({
      type: 'orderedList',
      attrs: { start: 1, type: 'i' },
      content: [{ type: 'listItem', content: [para()] }],
    }),
    message: notAllowed('a numbered list style the editor does not use'),
  },
  {
    name: 'a list item without a line of text',
    input: doc(bulletList(listItem(bulletList(listItem(para()))))),
    message: 'Each list item must start with a line of text.',
  },
  {
    name: 'an empty list',
    input: doc(bulletList()),
    message: 'Lists, list items and quotes cannot be empty.',
  },
  // Text.
  {
    name: 'an empty text node',
    input: doc(para(text(''))),
    message: notAllowed('an empty piece of text'),
  },
  {
    name: 'a null character',
    input: doc(para(text('a\u0000b'))),
    message: UNSTORABLE,
  },
  { name: 'half an emoji', input: doc(para(text('a\uD83D b'))), message: UNSTORABLE },
  {
    name: 'more than 20,000 characters',
    input: doc(para(text('a'.repeat(23_410)))),
    message: 'The text is too long: 23,410 characters; the limit is 20,000.',
  },
  // Size and depth.
  { name: 'over 100 KB of JSON', input: manyLinks, message: TOO_LARGE },
  {
    name: 'a huge string in a node',
    input: doc(para(text('x'.repeat(500_000)))),
    message: TOO_LARGE,
  },
  { name: 'eleven nested quotes', input: nested(11), message: TOO_DEEP },
  { name: 'eleven nested lists', input: nestedLists(11), message: TOO_DEEP },
  { name: '10,000 nested quotes', input: nested(10_000), message: TOO_DEEP },
  { name: '10,000 nested quotes as JSON text', input: nestedJson(10_000), message: TOO_DEEP },
  { name: 'deeply nested attrs', input: deepAttributes(100_000), message: TOO_DEEP },
  { name: 'a quote that contains itself', input: cyclic(), message: TOO_DEEP },
  // Not a document at all.
  { name: 'null', input: null, message: NOT_A_DOCUMENT },
  { name: 'undefined', input: undefined, message: NOT_A_DOCUMENT },
  { name: 'a number', input: 42, message: NOT_A_DOCUMENT },
  { name: 'an array', input: [doc(para(text('x')))], message: NOT_A_DOCUMENT },
  { name: 'a string of HTML', input: '<p>hello</p>', message: UNREADABLE },
  { name: 'a JSON string of a string', input: '"hello"', message: NOT_A_DOCUMENT },
  { name: 'a JSON string of null', input: 'null', message: NOT_A_DOCUMENT },
  {
    name: 'a document without a type',
    input: { content: [para(text('x'))] },
    message: NOT_A_DOCUMENT,
  },
  { name: 'a paragraph as the document', input: para(text('x')), message: NOT_A_DOCUMENT },
  {
    name: 'a document without content',
    input: { type: 'doc' },
    message: 'The document is empty. Write something first.',
  },
  { name: 'an object whose getter throws', input: throwingGetter(), message: UNREADABLE },
  // Prototype pollution.
  {
    name: '__proto__ at the top',
    input: '{"type":"doc","content":[{"type":"paragraph"}],"__proto__":{"polluted":true}}',
    message: notAllowed("an unknown attribute: '__proto__'"),
  },
  {
    name: '__proto__ in link attrs',
    input:
      '{"type":"doc","content":[{"type":"paragraph","content":[{"type":"text","text":"x","marks":[{"type":"link","attrs":{"href":"https://a.example","__proto__":{"onclick":"x"}}}]}]}]}',
    message: notAllowed("an unknown attribute: '__proto__'"),
  },
  {
    name: 'constructor on a node',
    input: doc({ type: 'paragraph', constructor: { prototype: { polluted: true } } }),
    message: notAllowed("an unknown attribute: 'constructor'"),
  },
]
