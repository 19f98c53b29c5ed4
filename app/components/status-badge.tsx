import type { Enums } from '~/types/database'
import { statusLabels } from '~/utils/proposal-statuses'

const tones: Record<Enums<'proposal_status'>, string> = {
  draft: 'bg-stone-200 text-stone-900',
  open: 'bg-brand-100 text-brand-900',
  shortlisted: 'bg-amber-100 text-amber-900',
  forwarded: 'bg-violet-100 text-violet-900',
  adopted: 'bg-green-100 text-green-900',
  considering: 'bg-sky-100 text-sky-900',
  declined: 'bg-rose-100 text-rose-900',
  archived: 'bg-stone-200 text-stone-800',
  merged: 'bg-stone-200 text-stone-800',
}

export function StatusBadge({ status }: { status: Enums<'proposal_status'> }) {
  return (
    <span
      className={`inline-block w-fit rounded-full px-2.5 py-0.5 text-xs font-semibold ${tones[status]}`}
    >
      {statusLabels[status]}
    </span>
  )
}
