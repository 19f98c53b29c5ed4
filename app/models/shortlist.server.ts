// A group's support threshold for the shortlist: progress toward it on the proposal page, the
// facilitators' "ready for the shortlist" queue, and the admin's setting. Postgres marks a
// proposal ready (proposals.ready_at, by trigger); these read and set what it uses.
import { isShown, type BoroughTally } from '~/utils/borough-tally'
import { refusedByDb } from '~/utils/db-errors.server'
import type { Supabase } from '~/utils/supabase.server'
import type { Outcome } from '~/utils/outcome'

export const boroughFloor = 5

export function shortlistProgress(
  group: { shortlist_supporters: number | null; shortlist_boroughs: number },
  proposal: { status: string; support_count: number; ready_at: string | null },
  regions: Array<BoroughTally & { isBorough: boolean }>,
) {
  if (!group.shortlist_supporters || !['open', 'shortlisted'].includes(proposal.status)) return null
  return {
    supportersNeeded: group.shortlist_supporters,
    supporters: proposal.support_count,
    boroughsNeeded: group.shortlist_boroughs,
    // Only what the public tallies show is counted here; Postgres counts every borough.
    boroughs: regions.filter((r) => r.isBorough && isShown(r) && r.support >= boroughFloor).length,
    readyAt: proposal.ready_at,
  }
}

export type ShortlistProgress = NonNullable<ReturnType<typeof shortlistProgress>>

/** The group's open proposals that reached the threshold, longest waiting first. */
export async function listReadyProposals(supabase: Supabase, groupId: string) {
  const { data, error } = await supabase
    .from('proposals')
    .select('id, title, support_count, ready_at')
    .eq('group_id', groupId)
    .eq('status', 'open')
    .not('ready_at', 'is', null)
    .order('ready_at')
    .limit(50)
  if (error) throw error
  return data
}

function wholeNumber(value: FormDataEntryValue | null) {
  const text = String(value ?? '').trim()
  if (text === '') return null
  return /^\d{1,6}$/.test(text) ? Number(text) : NaN
}

export async function setShortlistThreshold(
  supabase: Supabase,
  groupId: string,
  formData: FormData,
): Promise<Outcome> {
  const supporters = wholeNumber(formData.get('supporters'))
  const boroughs = wholeNumber(formData.get('boroughs')) ?? 0
  if (Number.isNaN(supporters) || (supporters !== null && (supporters < 1 || supporters > 100000)))
    return {
      ok: false,
      message:
        'Give the number of supporters as a whole number from 1 to 100,000, or leave it empty for no threshold.',
    }
  if (Number.isNaN(boroughs) || boroughs < 0 || boroughs > 20)
    return { ok: false, message: 'Give the number of boroughs as a whole number from 0 to 20.' }
  const { data, error } = await supabase
    .from('groups')
    .update({ shortlist_supporters: supporters, shortlist_boroughs: boroughs })
    .eq('id', groupId)
    .select('id')
  if (error) return refusedByDb(error)
  if (!data.length) return { ok: false, message: 'Only admins can set the threshold.' }
  return {
    ok: true,
    message: supporters
      ? 'Threshold saved. Open proposals that meet it are now ready for the shortlist.'
      : 'Threshold removed.',
  }
}
