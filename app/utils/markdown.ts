// Members' text inside a Markdown document we build: escaped so that it reads as the member
// wrote it and can never add headings, lists, links, HTML or tables to the document's
// structure. Line breaks are kept as hard breaks, blank lines as paragraphs.

// Characters with a meaning anywhere in a line (CommonMark backslash escapes).
const inlineSpecial = /[\\`*_[\]<>|~&#!]/g
// Block markers at the start of a line: lists, quotes, setext underlines, ordered lists.
const blockStart = /^([-+=>]|\d+(?=[.)]))/

/** Escapes the characters with a meaning anywhere in a line; for runs of text inside a line. */
export function escapeInlineRun(text: string) {
  return text.replace(inlineSpecial, '\\$&')
}

/** A line we assembled from escaped runs: its start can still read as a block marker. */
export function guardLineStart(line: string) {
  const indent = line.match(/^[ \t]*/)?.[0] ?? ''
  let rest = line.slice(indent.length)
  const marker = rest.match(blockStart)
  if (marker) {
    rest = /^\d/.test(marker[0]) ? `${marker[0]}\\${rest.slice(marker[0].length)}` : `\\${rest}`
  }
  return '\u00a0'.repeat(indent.replace(/\t/g, '    ').length) + rest
}

function escapeLine(line: string) {
  return guardLineStart(escapeInlineRun(line))
}

/** One line of text, as in a heading or a list item: line breaks become spaces. */
export function markdownInline(text: string) {
  return escapeLine(text.replace(/\s*[\r\n]+\s*/g, ' ').trim())
}

/** Paragraphs of text, as a block of the document. */
export function markdownBlock(text: string) {
  return text
    .replace(/\r\n?/g, '\n')
    .trim()
    .split(/\n[^\S\n]*\n\s*/)
    .map((paragraph) => paragraph.split('\n').map(escapeLine).join('\\\n'))
    .join('\n\n')
}
