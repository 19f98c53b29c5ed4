// What a member reads when a document is refused: one plain sentence, never zod's wording.
import type { z } from 'zod'

const numbers = new Intl.NumberFormat('en-GB')

function notAllowed(detail: string): string {
  return `The document contains something the editor does not allow (${detail}).`
}

export const documentMessages = {
  notADocument: 'This is not a document from the editor. Please reload the page and try again.',
  emptyDocument: 'The document is empty. Write something first.',
  unreadable: 'The document could not be read. Please reload the page and try again.',
  tooLarge:
    'The document is too large to save (over 100 KB). Shorten it or remove some formatting.',
  tooDeep: (levels: number) =>
    `The document is nested too deeply: lists and quotes can go at most ${levels} levels deep.`,
  linkScheme: 'Links must start with http://, https:// or mailto:.',
  linkAddress: 'A link is not a complete web or e-mail address.',
  linkTooLong: 'Links can have at most 2,000 characters.',
  linkAttribute: notAllowed('a link setting the editor does not use'),
  headingLevel: 'Headings can only be level 2 or 3.',
  listStart: 'A numbered list must start at a whole number of 1 or more.',
  listType: notAllowed('a numbered list style the editor does not use'),
  listItemStart: 'Each list item must start with a line of text.',
  emptyContainer: 'Lists, list items and quotes cannot be empty.',
  emptyText: notAllowed('an empty piece of text'),
  unstorableCharacter:
    'The text contains a character that cannot be saved (a null character or half an emoji).',
  duplicateMark: notAllowed('the same formatting twice on one piece of text'),
  generic: 'The document is not in the format the editor produces. Please reload and try again.',
  notAllowed,
}

export function textTooLongMessage(characters: number, limit: number): string {
  return `The text is too long: ${numbers.format(characters)} characters; the limit is ${numbers.format(limit)}.`
}

const ownMessages = new Set<string>(
  Object.values(documentMessages).filter((value) => typeof value === 'string'),
)

// Every node type Tiptap knows in our schema, so a misplaced one is not called unknown.
const KNOWN_NODE_TYPES = new Set([
  'doc',
  'paragraph',
  'heading',
  'bulletList',
  'orderedList',
  'listItem',
  'blockquote',
  'text',
  'hardBreak',
])

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root
  for (const key of path) {
    if (typeof value !== 'object' || value === null || typeof key === 'symbol') return undefined
    value = Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined
  }
  return value
}

/** Quotes a member-supplied name safely: short, printable. */
function quoted(name: string): string {
  const printable = name.replace(/[^\p{L}\p{N}_\-:. ]/gu, '').slice(0, 40)
  return `'${printable}'`
}

function describeUnknownType(path: readonly PropertyKey[], input: unknown): string {
  const type = valueAt(input, path)
  const isMark = path.at(-3) === 'marks'
  if (typeof type !== 'string') {
    return notAllowed(isMark ? 'formatting without a type' : 'an element without a type')
  }
  if (isMark) return notAllowed(`an unknown formatting: ${quoted(type)}`)
  if (KNOWN_NODE_TYPES.has(type)) return notAllowed(`${quoted(type)} in a place it cannot go`)
  return notAllowed(`an unknown element: ${quoted(type)}`)
}

function describeUnknownKeys(issue: z.core.$ZodIssueUnrecognizedKeys, input: unknown): string {
  const key = issue.keys[0] ?? ''
  // An "attrs" object on a node that takes none: name the attribute inside, which is what
  // the member (or the attacker) actually tried to set.
  if (key === 'attrs') {
    const attrs = valueAt(input, [...issue.path, 'attrs'])
    const inner = typeof attrs === 'object' && attrs !== null ? Object.keys(attrs)[0] : undefined
    if (inner !== undefined) return notAllowed(`an unknown attribute: ${quoted(inner)}`)
  }
  return notAllowed(`an unknown attribute: ${quoted(key)}`)
}

/** Turns zod's first complaint into a sentence, naming what was found where it helps. */
export function describeIssue(issue: z.core.$ZodIssue | undefined, input: unknown): string {
  if (issue === undefined) return documentMessages.generic
  if (issue.code === 'unrecognized_keys') return describeUnknownKeys(issue, input)
  if (issue.code === 'invalid_union' && issue.discriminator === 'type') {
    return describeUnknownType(issue.path, input)
  }
  if (issue.code === 'invalid_type' && typeof issue.path.at(-1) === 'number') {
    // Something that is not an object where a node or a mark belongs.
    return describeUnknownType([...issue.path, 'type'], input)
  }
  if (ownMessages.has(issue.message)) return issue.message
  return documentMessages.generic
}
