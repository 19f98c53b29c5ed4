// The amendment page's actions: support, withdraw support, accept, decline. Each is one
// write that Postgres checks (RLS and triggers); the answer is a sentence for the member.
import { decideAmendment, supportAmendment, withdrawSupport } from './amendment.server'
import { describeDbError } from '~/utils/db-errors.server'
import type { Supabase } from '~/utils/supabase.server'

export type AmendmentOutcome =
  | { ok: true; message: string }
  | { ok: false; message: string; field?: 'decisionReason'; status: number }

const refused = (message: string, status = 400): AmendmentOutcome => ({
  ok: false,
  message,
  status,
})

export async function runAmendmentIntent(
  supabase: Supabase,
  { amendmentId, userId, formData }: { amendmentId: string; userId: string; formData: FormData },
): Promise<AmendmentOutcome> {
  const intent = formData.get('intent')
  switch (intent) {
    case 'support': {
      const { error } = await supportAmendment(supabase, amendmentId)
      if (error?.code === '23505') return { ok: true, message: 'You already support this.' }
      return error
        ? refused(describeDbError(error), 403)
        : { ok: true, message: 'You support this suggestion.' }
    }
    case 'withdraw': {
      const { data, error } = await withdrawSupport(supabase, amendmentId, userId)
      if (error) return refused(describeDbError(error))
      return data.length
        ? { ok: true, message: 'You no longer support this suggestion.' }
        : refused('There was no support of yours to withdraw.')
    }
    case 'accept':
    case 'decline': {
      const reason = String(formData.get('decisionReason') ?? '').trim()
      if (intent === 'decline' && !reason)
        return {
          ok: false,
          message: 'Say why you decline this suggestion.',
          field: 'decisionReason',
          status: 400,
        }
      if (reason.length > 1000)
        return {
          ok: false,
          message: 'Keep the reason to 1,000 characters.',
          field: 'decisionReason',
          status: 400,
        }
      const status = intent === 'accept' ? 'accepted' : 'declined'
      const { data, error } = await decideAmendment(supabase, amendmentId, status, reason)
      if (error) return refused(describeDbError(error))
      if (!data.length)
        return refused('Only the proposal’s authors can accept or decline suggestions.', 403)
      return {
        ok: true,
        message:
          intent === 'accept'
            ? `Accepted: the proposal is now version ${data[0].accepted_version}, credited to the suggester.`
            : 'Declined. The suggester has been told why.',
      }
    }
    default:
      return refused('That is not something this page can do.')
  }
}
