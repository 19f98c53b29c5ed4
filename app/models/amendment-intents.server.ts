// The amendment page's actions: support, withdraw support, accept, decline. Each is one
// write that Postgres checks (RLS and triggers); the answer is a sentence for the member.
import { decideAmendment, supportAmendment, withdrawSupport } from './amendment.server'
import { describeDbError } from '~/utils/db-errors.server'
import { refused, type Outcome } from '~/utils/outcome'
import type { Supabase } from '~/utils/supabase.server'

const refusedWith = (message: string, status = 400) => refused(message, { status })

export async function runAmendmentIntent(
  supabase: Supabase,
  { amendmentId, userId, formData }: { amendmentId: string; userId: string; formData: FormData },
): Promise<Outcome> {
  const intent = formData.get('intent')
  switch (intent) {
    case 'support': {
      const { error } = await supportAmendment(supabase, amendmentId)
      if (error?.code === '23505') return { ok: true, message: 'You already support this.' }
      return error
        ? refusedWith(describeDbError(error), 403)
        : { ok: true, message: 'You support this suggestion.' }
    }
    case 'withdraw': {
      const { data, error } = await withdrawSupport(supabase, amendmentId, userId)
      if (error) return refusedWith(describeDbError(error))
      return data.length
        ? { ok: true, message: 'You no longer support this suggestion.' }
        : refusedWith('There was no support of yours to withdraw.')
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
      if (error) return refusedWith(describeDbError(error))
      if (!data.length)
        return refusedWith('Only the proposal’s authors can accept or decline suggestions.', 403)
      return {
        ok: true,
        message:
          intent === 'accept'
            ? `Accepted: the proposal is now version ${data[0].accepted_version}, credited to the suggester.`
            : 'Declined. The suggester has been told why.',
      }
    }
    default:
      return refusedWith('That is not something this page can do.')
  }
}
