// Plain text of a proposal, stored beside its JSON for search and for diffs between
// revisions; and the way back, from a member's plain text to a document.
import type { ProposalBlock, ProposalDocument, ProposalInline, ProposalListItem } from './document'

function inlineText(content: readonly ProposalInline[] | undefined): string {
  return (content ?? []).map((node) => (node.type === 'text' ? node.text : '\n')).join('')
}

function withPrefix(text: string, first: string, rest: string): string {
  return text
    .split('\n')
    .map((line, index) => {
      const prefix = index === 0 ? first : rest
      return line === '' ? prefix.trimEnd() : prefix + line
    })
    .join('\n')
}

function listItemText(item: ProposalListItem, marker: string): string {
  // Continuation lines and nested lists line up under the item's text, as in Markdown.
  return withPrefix(item.content.map(blockText).join('\n'), marker, ' '.repeat(marker.length))
}

function blockText(block: ProposalBlock): string {
  switch (block.type) {
    case 'paragraph':
    case 'heading':
      return inlineText(block.content)
    case 'blockquote':
      return withPrefix(block.content.map(blockText).join('\n\n'), '> ', '> ')
    case 'bulletList':
      return block.content.map((item) => listItemText(item, '- ')).join('\n')
    case 'orderedList': {
      const start = block.attrs?.start ?? 1
      return block.content.map((item, index) => listItemText(item, `${start + index}. `)).join('\n')
    }
  }
}

/**
 * Blocks separated by a blank line, each list item on its own line with "- " or "1. ",
 * quotes prefixed with "> ", line breaks kept.
 */
export function documentToPlainText(doc: ProposalDocument): string {
  return doc.content.map(blockText).join('\n\n')
}

/**
 * How long the editor's CharacterCount says the document is: every text character, and one
 * per line break (ProseMirror's textBetween with a leaf text of ' '), nothing for block
 * boundaries. The server counts the same way so the editor's counter and the limit agree.
 */
export function countCharacters(doc: ProposalDocument): number {
  let characters = 0
  const pending: Array<ProposalBlock | ProposalListItem | ProposalInline> = [...doc.content]
  for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
    if (node.type === 'text') characters += node.text.length
    else if (node.type === 'hardBreak') characters += 1
    else if (node.content) pending.push(...node.content)
  }
  return characters
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

function paragraphFromText(text: string): ProposalBlock {
  const content: ProposalInline[] = []
  text.split('\n').forEach((line, index) => {
    if (index > 0) content.push({ type: 'hardBreak' })
    if (line !== '') content.push({ type: 'text', text: line })
  })
  return content.length > 0 ? { type: 'paragraph', content } : { type: 'paragraph' }
}

/**
 * A document of paragraphs from blank-line separated text; single newlines become line
 * breaks. Characters a document may not hold (U+0000, lone surrogates) are dropped or
 * replaced, so the result always passes the schema's content rules.
 */
export function documentFromPlainText(text: string): ProposalDocument {
  const paragraphs = text
    .replaceAll('\u0000', '')
    .replace(LONE_SURROGATE, '\uFFFD')
    .replace(/\r\n?/g, '\n')
    .split(/\n[^\S\n]*\n\s*/)
    .map((paragraph) => paragraph.replace(/^\n+|\n+$/g, ''))
    .filter((paragraph) => paragraph.trim() !== '')
  if (paragraphs.length === 0) return { type: 'doc', content: [{ type: 'paragraph' }] }
  return { type: 'doc', content: paragraphs.map(paragraphFromText) }
}
