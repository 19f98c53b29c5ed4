// The rich-text contract for proposals: what a Tiptap document may contain, its limits,
// and its plain text. Shared by the editor (browser) and the server.
import { z } from 'zod'
import { describeIssue, documentMessages, textTooLongMessage } from './document-messages'
import { inspectShape } from './document-shape'
import { hasAllowedLinkScheme, isAllowedLinkHref, LINK_REL, MAX_HREF_LENGTH } from './link'
import { countCharacters, documentToPlainText } from './plain-text'

// The conversions live beside the schema's consumers but belong to this contract.
export { countCharacters, documentFromPlainText, documentToPlainText } from './plain-text'

export const TITLE_MIN_LENGTH = 5
export const TITLE_MAX_LENGTH = 120
export const SUMMARY_MAX_LENGTH = 280
/** What publishing asks for (Postgres checks the same: private.require_publishable). */
export const SUMMARY_PUBLISH_MIN = 20
export const BODY_PUBLISH_MIN = 100
/** Counted as the editor's CharacterCount counts: text characters, one per line break. */
export const BODY_MAX_CHARACTERS = 20_000
/** UTF-8 bytes of JSON.stringify(document). */
export const BODY_MAX_BYTES = 100 * 1024
/** Lists and quotes inside lists and quotes. */
export const MAX_NESTING_DEPTH = 10

// Postgres cannot store U+0000 in jsonb or text, nor a lone surrogate half: refusing them
// here turns what would be a database error into a clear message.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

function isStorable(value: string): boolean {
  return !value.includes('\u0000') && !LONE_SURROGATE.test(value)
}

const linkMarkSchema = z.strictObject({
  type: z.literal('link'),
  attrs: z.strictObject({
    href: z
      .string({ error: documentMessages.linkScheme })
      .max(MAX_HREF_LENGTH, { error: documentMessages.linkTooLong, abort: true })
      .refine(hasAllowedLinkScheme, { error: documentMessages.linkScheme, abort: true })
      .refine(isAllowedLinkHref, { error: documentMessages.linkAddress }),
    // Tiptap writes every attribute the Link extension defines; only our values may appear.
    target: z.null({ error: documentMessages.linkAttribute }).optional(),
    rel: z.literal(LINK_REL, { error: documentMessages.linkAttribute }).optional(),
    class: z.null({ error: documentMessages.linkAttribute }).optional(),
    title: z.null({ error: documentMessages.linkAttribute }).optional(),
  }),
})

const markSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('bold') }),
  z.strictObject({ type: z.literal('italic') }),
  linkMarkSchema,
])

const marksSchema = z
  .array(markSchema)
  .refine((marks) => new Set(marks.map((mark) => mark.type)).size === marks.length, {
    error: documentMessages.duplicateMark,
  })

const textSchema = z.strictObject({
  type: z.literal('text'),
  text: z
    .string()
    .min(1, { error: documentMessages.emptyText })
    .refine(isStorable, { error: documentMessages.unstorableCharacter }),
  marks: marksSchema.optional(),
})

const hardBreakSchema = z.strictObject({
  type: z.literal('hardBreak'),
  marks: marksSchema.optional(),
})

const inlineSchema = z.discriminatedUnion('type', [textSchema, hardBreakSchema])

const paragraphSchema = z.strictObject({
  type: z.literal('paragraph'),
  content: z.array(inlineSchema).optional(),
})

const headingSchema = z.strictObject({
  type: z.literal('heading'),
  attrs: z.strictObject({ level: z.literal([2, 3], { error: documentMessages.headingLevel }) }),
  content: z.array(inlineSchema).optional(),
})

const listItemSchema = z.strictObject({
  type: z.literal('listItem'),
  // Tiptap's list item is "paragraph block*": the bullet needs a line of text to sit on.
  get content(): z.ZodArray<typeof blockSchema> {
    return z
      .array(blockSchema)
      .min(1, { error: documentMessages.emptyContainer })
      .refine((blocks) => blocks[0]?.type === 'paragraph', {
        error: documentMessages.listItemStart,
      })
  },
})

const listItemsSchema = z.array(listItemSchema).min(1, { error: documentMessages.emptyContainer })

const bulletListSchema = z.strictObject({
  type: z.literal('bulletList'),
  content: listItemsSchema,
})

const orderedListSchema = z.strictObject({
  type: z.literal('orderedList'),
  attrs: z
    .strictObject({
      start: z.int({ error: documentMessages.listStart }).positive({
        error: documentMessages.listStart,
      }),
      type: z.null({ error: documentMessages.listType }).optional(),
    })
    .optional(),
  content: listItemsSchema,
})

const blockquoteSchema = z.strictObject({
  type: z.literal('blockquote'),
  get content(): z.ZodArray<typeof blockSchema> {
    return z.array(blockSchema).min(1, { error: documentMessages.emptyContainer })
  },
})

const blockSchema = z.discriminatedUnion('type', [
  paragraphSchema,
  headingSchema,
  bulletListSchema,
  orderedListSchema,
  blockquoteSchema,
])

/**
 * The shape of a proposal body. It validates recursively, so on untrusted input use
 * parseProposalDocument, which bounds depth and size first and adds the text limit.
 */
export const proposalDocumentSchema = z.strictObject({
  type: z.literal('doc', { error: documentMessages.notADocument }),
  content: z
    .array(blockSchema, {
      error: (issue) =>
        issue.input === undefined ? documentMessages.emptyDocument : documentMessages.notADocument,
    })
    .min(1, { error: documentMessages.emptyDocument }),
})

export type ProposalDocument = z.infer<typeof proposalDocumentSchema>
export type ProposalBlock = z.infer<typeof blockSchema>
export type ProposalInline = z.infer<typeof inlineSchema>
export type ProposalMark = z.infer<typeof markSchema>
export type ProposalListItem = z.infer<typeof listItemSchema>

/** What an empty editor holds. Frozen: it is shared, so nobody may edit it in place. */
export const emptyDocument: ProposalDocument = Object.freeze({
  type: 'doc' as const,
  content: Object.freeze([Object.freeze({ type: 'paragraph' as const })]) as ProposalBlock[],
})

export type ParsedProposalDocument =
  { ok: true; doc: ProposalDocument; text: string } | { ok: false; message: string }

/**
 * Validates untrusted input (a JSON string or a parsed value) as a proposal body. Never
 * throws: every failure is a sentence a member can act on.
 */
export function parseProposalDocument(input: unknown): ParsedProposalDocument {
  try {
    return parseUnsafely(input)
  } catch {
    return { ok: false, message: documentMessages.unreadable }
  }
}

function parseUnsafely(input: unknown): ParsedProposalDocument {
  let value = input
  if (typeof value === 'string') {
    // UTF-8 never takes fewer bytes than UTF-16 code units, and whitespace may be generous.
    if (value.length > BODY_MAX_BYTES * 4) return { ok: false, message: documentMessages.tooLarge }
    value = JSON.parse(value)
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, message: documentMessages.notADocument }
  }

  const problem = inspectShape(value, {
    maxNesting: MAX_NESTING_DEPTH,
    maxCharacters: BODY_MAX_BYTES,
  })
  if (problem?.kind === 'too-deep') {
    return { ok: false, message: documentMessages.tooDeep(MAX_NESTING_DEPTH) }
  }
  if (problem?.kind === 'too-large') return { ok: false, message: documentMessages.tooLarge }
  if (problem?.kind === 'forbidden-key') {
    return {
      ok: false,
      message: documentMessages.notAllowed(`an unknown attribute: '${problem.key}'`),
    }
  }
  if (new TextEncoder().encode(JSON.stringify(value)).length > BODY_MAX_BYTES) {
    return { ok: false, message: documentMessages.tooLarge }
  }

  const parsed = proposalDocumentSchema.safeParse(value)
  if (!parsed.success) {
    return { ok: false, message: describeIssue(parsed.error.issues[0], value) }
  }
  const characters = countCharacters(parsed.data)
  if (characters > BODY_MAX_CHARACTERS) {
    return { ok: false, message: textTooLongMessage(characters, BODY_MAX_CHARACTERS) }
  }
  return { ok: true, doc: parsed.data, text: documentToPlainText(parsed.data) }
}
