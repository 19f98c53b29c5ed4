// Reads a suggested change: the proposal text as the member rewrote it (the editor's JSON,
// or plain text without JavaScript) and their reason. The member's words always come back.
import { REASON_MAX_LENGTH } from './amendment-limits'
import { readBodyField } from './proposal-form.server'

export function readAmendmentForm(formData: FormData) {
  const body = readBodyField(formData, { requireBody: true })
  const reason = String(formData.get('reason') ?? '')
  const trimmed = reason.trim()
  const reasonError =
    trimmed === ''
      ? 'Say why you suggest this change.'
      : trimmed.length > REASON_MAX_LENGTH
        ? `Keep the reason to ${REASON_MAX_LENGTH.toLocaleString('en-GB')} characters.`
        : null
  const values = { body: body.memberBody, reason }
  const errors = {
    body: body.ok ? null : [body.error.replace('the proposal itself', 'the text you suggest')],
    reason: reasonError ? [reasonError] : null,
  }
  if (!body.ok || reasonError) return { ok: false as const, values, errors }
  return { ok: true as const, values: { body: body.body, reason: trimmed }, errors }
}
