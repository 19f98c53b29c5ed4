// Proposal bodies as HTML, rendered on the server so read-only pages ship no editor.
//
// Why @tiptap/static-renderer rather than a renderer of our own: it builds the schema
// from the very extensions the editor uses and calls their own renderHTML, so the page
// shows what the editor showed. It is safe here because:
// - the stored document is re-validated against proposalDocumentSchema first, so only
//   known nodes and marks with known attribute values reach it;
// - it escapes text (&, <, >) and attribute values (&, <, >, "), and attribute names come
//   from the extensions' definitions, never from the JSON;
// - the link mark's renderHTML (link-mark.ts) checks the address again and sets our rel.
// render.server.test.ts pins each of these, so an upgrade that breaks one fails a test.
import { getSchema } from '@tiptap/core'
import { Node } from '@tiptap/pm/model'
import { renderToHTMLString } from '@tiptap/static-renderer/pm/html-string'
import { BODY_MAX_BYTES, parseProposalDocument } from './document'
import { proposalExtensions } from './extensions'

// Built once: the extensions never change at run time.
const schema = getSchema(proposalExtensions)

/**
 * HTML for a stored proposal body. Never throws: a document that no longer passes the
 * schema (older rules, a bad row) is shown as its escaped text in paragraphs instead.
 */
export function renderProposalHtml(stored: unknown): string {
  try {
    const parsed = parseProposalDocument(stored)
    if (parsed.ok) {
      const content = Node.fromJSON(schema, parsed.doc)
      return renderToHTMLString({ content, extensions: proposalExtensions })
    }
  } catch {
    // Fall through to the text: a stored document must never make a page fail.
  }
  try {
    return renderTextFallback(stored)
  } catch {
    return ''
  }
}

function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;')
}

function paragraphsHtml(paragraphs: string[]): string {
  return paragraphs
    .filter((paragraph) => paragraph.trim() !== '')
    .map((paragraph) => `<p>${escapeHtml(paragraph).replaceAll('\n', '<br>')}</p>`)
    .join('')
}

// Enough to show any document that was ever within the limits; the rest is cut.
const MAX_FALLBACK_CHARACTERS = BODY_MAX_BYTES
const MAX_FALLBACK_VALUES = 200_000

function renderTextFallback(stored: unknown): string {
  let value: unknown = stored
  if (typeof stored === 'string') {
    try {
      value = JSON.parse(stored)
    } catch {
      // Not JSON at all: show it as the plain text it probably is.
    }
  }
  if (typeof value === 'string') {
    return paragraphsHtml(value.slice(0, MAX_FALLBACK_CHARACTERS).split(/\n\s*\n/))
  }
  return paragraphsHtml(collectParagraphs(value))
}

type Step = { value: unknown } | { endBlock: true }

/**
 * The text of any JSON, in document order, one paragraph per block: text nodes joined,
 * hard breaks as newlines. Iterative and capped, as the value may be anything.
 */
function collectParagraphs(root: unknown): string[] {
  const paragraphs: string[] = []
  let current = ''
  let characters = 0
  let visited = 0
  const pending: Step[] = [{ value: root }]
  for (let step = pending.pop(); step !== undefined; step = pending.pop()) {
    visited += 1
    if (visited > MAX_FALLBACK_VALUES || characters > MAX_FALLBACK_CHARACTERS) break
    if ('endBlock' in step) {
      paragraphs.push(current)
      current = ''
      continue
    }
    const node = step.value
    if (Array.isArray(node)) {
      const count = Math.min(node.length, MAX_FALLBACK_VALUES - visited)
      for (let index = count - 1; index >= 0; index -= 1) pending.push({ value: node[index] })
      continue
    }
    if (typeof node !== 'object' || node === null) continue
    const { type, text, content } = node as Record<string, unknown>
    if (typeof text === 'string') {
      current += text
      characters += text.length
    } else if (type === 'hardBreak') {
      current += '\n'
    } else if (Array.isArray(content)) {
      paragraphs.push(current)
      current = ''
      pending.push({ endBlock: true }, { value: content })
    }
  }
  paragraphs.push(current)
  return paragraphs
}
