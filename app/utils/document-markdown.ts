// A proposal's document as Markdown, for the candidate's export: its headings, lists, quotes,
// bold, italic and links kept as Markdown structure, every member-typed character escaped so
// that only the document's own structure becomes structure.
import type {
  ProposalBlock,
  ProposalDocument,
  ProposalInline,
  ProposalListItem,
} from '~/editor/document'
import { escapeInlineRun, guardLineStart } from './markdown'

function inlineMarkdown(content: readonly ProposalInline[] | undefined): string {
  return (content ?? [])
    .map((node) => {
      if (node.type === 'hardBreak') return '\\\n'
      let text = escapeInlineRun(node.text)
      for (const mark of node.marks ?? []) {
        if (mark.type === 'bold') text = `**${text}**`
        else if (mark.type === 'italic') text = `*${text}*`
      }
      const link = node.marks?.find((mark) => mark.type === 'link')
      if (link && link.type === 'link')
        text = `[${text}](<${link.attrs.href.replace(/[<>]/g, encodeURIComponent)}>)`
      return text
    })
    .join('')
}

/** A paragraph's lines, each guarded so that it cannot start a block of its own. */
function paragraph(content: readonly ProposalInline[] | undefined) {
  return inlineMarkdown(content).split('\n').map(guardLineStart).join('\n')
}

function indented(text: string, first: string, rest: string) {
  return text
    .split('\n')
    .map((line, index) => (line === '' ? '' : (index === 0 ? first : rest) + line))
    .join('\n')
}

function listItem(item: ProposalListItem, marker: string, headingBase: number) {
  const body = item.content.map((block) => blockMarkdown(block, headingBase)).join('\n\n')
  return indented(body, marker, ' '.repeat(marker.length))
}

function blockMarkdown(block: ProposalBlock, headingBase: number): string {
  switch (block.type) {
    case 'paragraph':
      return paragraph(block.content)
    case 'heading': {
      const level = Math.min(6, headingBase + block.attrs.level - 2)
      // A heading is one line: its line breaks become spaces.
      const text = inlineMarkdown(block.content).replace(/\\\n/g, ' ')
      return `${'#'.repeat(level)} ${text}`
    }
    case 'blockquote':
      return block.content
        .map((inner) => blockMarkdown(inner, headingBase))
        .join('\n\n')
        .split('\n')
        .map((line) => (line === '' ? '>' : `> ${line}`))
        .join('\n')
    case 'bulletList':
      return block.content.map((item) => listItem(item, '- ', headingBase)).join('\n')
    case 'orderedList': {
      const start = block.attrs?.start ?? 1
      return block.content
        .map((item, index) => listItem(item, `${start + index}. `, headingBase))
        .join('\n')
    }
  }
}

/**
 * The document as Markdown. Its level-2 headings become `headingBase` (level 3 one deeper),
 * so that they sit under the export's own headings.
 */
export function documentToMarkdown(doc: ProposalDocument, headingBase = 4): string {
  return doc.content.map((block) => blockMarkdown(block, headingBase)).join('\n\n')
}
