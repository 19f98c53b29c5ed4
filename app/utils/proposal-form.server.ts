// Reads a submitted proposal: title and summary through the shared schema, the body through
// the document contract (JSON from the editor, or plain text without JavaScript). Whatever
// happens, the member's own text comes back so it can be shown to them again.
import { parseWithZod } from '@conform-to/zod/v4'
import {
  BODY_PUBLISH_MIN,
  documentFromPlainText,
  documentToPlainText,
  parseProposalDocument,
  SUMMARY_PUBLISH_MIN,
  type ProposalDocument,
} from '~/editor/document'
import { proposalFieldsSchema } from './proposal-form'

export type ProposalFormValues = { title: string; summary: string; body: ProposalDocument }

/** Every string called "text" in whatever was sent, so even a refused document's words survive. */
function salvageText(raw: string): string {
  try {
    const found: string[] = []
    const stack: unknown[] = [JSON.parse(raw)]
    while (stack.length && found.length < 20_000) {
      const value = stack.pop()
      if (Array.isArray(value)) stack.push(...[...value].reverse())
      else if (value && typeof value === 'object') {
        const record = value as Record<string, unknown>
        if (typeof record.text === 'string') found.push(record.text)
        if (record.content) stack.push(record.content)
      }
    }
    return found.join('\n\n')
  } catch {
    return raw
  }
}

/** The editor keeps an empty paragraph after a final list or quote; it is not content. */
function withoutTrailingEmptyParagraphs(doc: ProposalDocument): ProposalDocument {
  const content = [...doc.content]
  while (content.length > 1) {
    const last = content[content.length - 1]
    if (last.type !== 'paragraph' || last.content?.length) break
    content.pop()
  }
  return { ...doc, content }
}

/** The body field: the editor's JSON, or the plain-text box without JavaScript. Always gives
 * back the member's own words (`memberBody`), even when the document is refused. */
export function readBodyField(formData: FormData, { requireBody }: { requireBody: boolean }) {
  const rawBody = formData.get('body')
  const rawText = formData.get('bodyText')
  const parsed =
    typeof rawBody === 'string' && rawBody !== ''
      ? parseProposalDocument(rawBody)
      : parseProposalDocument(documentFromPlainText(typeof rawText === 'string' ? rawText : ''))
  let error = parsed.ok ? null : parsed.message
  if (parsed.ok && requireBody && parsed.text.trim() === '')
    error = 'Write the proposal itself before publishing it.'
  const memberBody: ProposalDocument = parsed.ok
    ? parsed.doc
    : documentFromPlainText(
        typeof rawBody === 'string' && rawBody !== ''
          ? salvageText(rawBody)
          : String(rawText ?? ''),
      )
  return parsed.ok && !error
    ? { ok: true as const, body: withoutTrailingEmptyParagraphs(parsed.doc), memberBody }
    : { ok: false as const, error: error ?? '', memberBody }
}

export function readProposalForm(formData: FormData, { requireBody }: { requireBody: boolean }) {
  const submission = parseWithZod(formData, { schema: proposalFieldsSchema })
  const read = readBodyField(formData, { requireBody })
  // Publishing asks for enough text to decide on (Postgres asks the same).
  const bodyLength = read.ok ? documentToPlainText(read.body).trim().length : 0
  const body =
    read.ok && requireBody && bodyLength < BODY_PUBLISH_MIN
      ? {
          ok: false as const,
          memberBody: read.memberBody,
          error: `Before you publish, say a little more: at least ${BODY_PUBLISH_MIN} characters, about two sentences (this has ${bodyLength}).`,
        }
      : read
  const values = {
    title: String(formData.get('title') ?? ''),
    summary: String(formData.get('summary') ?? ''),
    body: body.memberBody,
    changeNote: String(formData.get('changeNote') ?? ''),
  }
  // Publishing asks for a summary that says what is proposed (Postgres asks the same).
  const summaryShort =
    requireBody &&
    submission.status === 'success' &&
    submission.value.summary.length < SUMMARY_PUBLISH_MIN
  if (submission.status !== 'success' || !body.ok || summaryShort) {
    const reply = submission.reply({
      fieldErrors: {
        ...(body.ok ? {} : { body: [body.error] }),
        ...(summaryShort
          ? {
              summary: [
                `Before you publish, write a summary of at least ${SUMMARY_PUBLISH_MIN} characters: one sentence that says what you propose.`,
              ],
            }
          : {}),
      },
    })
    return { ok: false as const, reply, values }
  }
  return {
    ok: true as const,
    submission,
    values: {
      title: submission.value.title,
      summary: submission.value.summary,
      body: body.body,
      changeNote: submission.value.changeNote,
    },
    version: submission.value.version,
  }
}
