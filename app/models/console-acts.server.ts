// The console's acts that the public sees or that cannot be quietly undone (forwarding,
// archiving, merging, hiding): the second step that says what will happen, built from the
// first step's form, and the check of the text each act takes (refused when too long, with
// the text kept). Postgres still decides who may do each one.
import type { ConfirmStepData } from '~/components/ui/confirm-step'
import { consoleTextLimits } from '~/utils/console-limits'
import { listSelectedTitles } from './curation.server'
import type { Supabase } from '~/utils/supabase.server'

const number = new Intl.NumberFormat('en-GB')

function lengthError(value: string, max: number, what: string) {
  return value.length > max
    ? `Keep the ${what} to ${number.format(max)} characters: it has ${number.format(value.length)}.`
    : null
}

/** The group summary's text, or why it is refused. */
export function checkGroupNote(note: string) {
  return lengthError(note, consoleTextLimits.note, 'summary')
}

async function proposalTitle(supabase: Supabase, groupId: string, id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null
  const { data, error } = await supabase
    .from('proposals')
    .select('title')
    .eq('id', id)
    .eq('group_id', groupId)
    .maybeSingle()
  if (error) throw error
  return data?.title ?? null
}

async function shortlistTitles(supabase: Supabase, groupId: string) {
  const { data, error } = await supabase
    .from('proposals')
    .select('title, hidden_at')
    .eq('group_id', groupId)
    .eq('status', 'shortlisted')
    .order('top_score', { ascending: false })
    .limit(50)
  if (error) throw error
  return data
}

async function flagTarget(supabase: Supabase, flagId: string) {
  if (!/^[0-9a-f-]{36}$/i.test(flagId)) return null
  const { data, error } = await supabase
    .from('flags')
    .select('comment_id, proposal:proposals(title)')
    .eq('id', flagId)
    .maybeSingle()
  if (error) throw error
  return data
}

type Form = (name: string) => string

/** The second step for an act that needs one, or null for acts that do not. */
export async function consoleStep(
  supabase: Supabase,
  groupId: string,
  intent: string,
  text: Form,
  selected: string[] = [],
): Promise<ConfirmStepData | null> {
  const confirmed = text('confirmed') === 'yes'
  const proposalId = text('proposalId')
  switch (intent) {
    case 'forward-shortlist': {
      const shortlist = await shortlistTitles(supabase, groupId)
      const going = shortlist.filter((p) => !p.hidden_at)
      const waiting = shortlist.length - going.length
      const coverNote = text('coverNote')
      return {
        heading: `Forward the shortlist to the candidate?`,
        consequences: [
          going.length === 1
            ? `1 proposal goes to the candidate for a public answer: “${going[0].title}”.`
            : `${going.length} proposals go to the candidate for a public answer: ${going.map((p) => `“${p.title}”`).join(', ')}.`,
          ...(waiting
            ? [
                `${waiting === 1 ? '1 hidden proposal waits' : `${waiting} hidden proposals wait`} until its flags are reviewed.`,
              ]
            : []),
          'Their authors are told. Once forwarded, a proposal cannot be returned to the shortlist.',
          'The candidate sees your cover note beside each of them; members do not.',
        ],
        confirmLabel: 'Forward the shortlist',
        fields: { intent },
        text: {
          name: 'coverNote',
          label: 'Cover note to the candidate (optional)',
          hint: 'Why these, what the group weighed, anything the candidate should know.',
          value: coverNote,
          max: consoleTextLimits.coverNote,
          error: lengthError(coverNote, consoleTextLimits.coverNote, 'cover note'),
        },
      }
    }
    case 'forward': {
      const title = (await proposalTitle(supabase, groupId, proposalId)) ?? 'this proposal'
      return {
        heading: `Forward “${title}” to the candidate?`,
        consequences: [
          `“${title}” goes to the candidate, who answers it in public.`,
          'Its authors are told. Once forwarded, it cannot be returned to the shortlist.',
        ],
        confirmLabel: 'Forward it',
        fields: { intent, proposalId },
      }
    }
    case 'archive': {
      const title = (await proposalTitle(supabase, groupId, proposalId)) ?? 'this proposal'
      const reason = text('reason')
      return {
        heading: `Archive “${title}”?`,
        consequences: [
          `“${title}” leaves the group’s open proposals: no more votes on it.`,
          'Your reason is shown on the proposal, in public, and its authors are told.',
        ],
        confirmLabel: 'Archive it',
        danger: true,
        fields: { intent, proposalId },
        text: {
          name: 'reason',
          label: 'Public reason for archiving',
          value: reason,
          max: consoleTextLimits.reason,
          required: true,
          error:
            lengthError(reason, consoleTextLimits.reason, 'reason') ??
            (confirmed && !reason ? 'Give a reason: it is shown on the proposal.' : null),
        },
      }
    }
    case 'merge': {
      const [title, target] = await Promise.all([
        proposalTitle(supabase, groupId, proposalId),
        proposalTitle(supabase, groupId, text('mergeInto')),
      ])
      const reason = text('reason')
      return {
        heading: `Merge “${title ?? 'this proposal'}” into “${target ?? 'another proposal'}”?`,
        consequences: [
          `“${title ?? 'This proposal'}” closes and points to “${target ?? 'the other proposal'}”.`,
          'Votes are not moved: its supporters are invited to support the other proposal.',
        ],
        confirmLabel: 'Merge them',
        danger: true,
        fields: { intent, proposalId, mergeInto: text('mergeInto') },
        text: {
          name: 'reason',
          label: 'Note shown on the merged proposal (optional)',
          value: reason,
          max: consoleTextLimits.reason,
          error: lengthError(reason, consoleTextLimits.reason, 'note'),
        },
      }
    }
    case 'bulk-archive': {
      const chosen = await listSelectedTitles(supabase, groupId, selected)
      const reason = text('reason')
      const named = chosen
        .slice(0, 10)
        .map((p) => `“${p.title}”`)
        .join(', ')
      const more = chosen.length > 10 ? ` and ${chosen.length - 10} more` : ''
      return {
        heading:
          chosen.length === 1 ? `Archive 1 proposal?` : `Archive ${chosen.length} proposals?`,
        consequences: [
          chosen.length
            ? `${named}${more} leave the group’s open proposals: no more votes on them.`
            : 'No proposal is selected: go back and tick the ones to archive.',
          'Your reason is shown on each of them, in public, and their authors are told.',
        ],
        confirmLabel: chosen.length === 1 ? 'Archive it' : `Archive all ${chosen.length}`,
        danger: true,
        fields: { intent, selected: selected.join(',') },
        text: {
          name: 'reason',
          label: 'Public reason for archiving',
          hint: 'One reason, shown on each of the selected proposals.',
          value: reason,
          max: consoleTextLimits.reason,
          required: true,
          error:
            lengthError(reason, consoleTextLimits.reason, 'reason') ??
            (confirmed && !reason ? 'Give a reason: it is shown on the proposals.' : null) ??
            (confirmed && !chosen.length ? 'Select at least one proposal to archive.' : null),
        },
      }
    }
    case 'hide': {
      const flag = await flagTarget(supabase, text('flagId'))
      const what = flag?.comment_id
        ? 'the comment'
        : flag?.proposal
          ? `“${flag.proposal.title}”`
          : 'it'
      const reason = text('reason')
      return {
        heading: flag?.comment_id ? 'Hide this comment?' : `Hide ${what}?`,
        consequences: [
          `${what[0].toUpperCase()}${what.slice(1)} is hidden from the public; the group’s facilitators can still read it.`,
          'Your reason is shown in its place, in public.',
          'Every open flag on it is closed as upheld.',
        ],
        confirmLabel: 'Hide it',
        danger: true,
        fields: { intent, flagId: text('flagId') },
        text: {
          name: 'reason',
          label: 'Public reason for hiding',
          value: reason,
          max: consoleTextLimits.hideReason,
          required: true,
          error:
            lengthError(reason, consoleTextLimits.hideReason, 'reason') ??
            (confirmed && !reason ? 'Give a public reason for hiding it.' : null),
        },
      }
    }
    default:
      return null
  }
}
