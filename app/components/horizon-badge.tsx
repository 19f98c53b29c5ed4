import type { Enums } from '~/types/database'
import { horizonLabels } from '~/utils/horizons'

const tones: Record<Enums<'group_horizon'>, string> = {
  quick_win: 'bg-amber-100 text-amber-900',
  strategic: 'bg-brand-100 text-brand-900',
  long_term: 'bg-violet-100 text-violet-900',
}

export function HorizonBadge({ horizon }: { horizon: Enums<'group_horizon'> }) {
  return (
    <span
      className={`inline-block w-fit rounded-full px-2.5 py-0.5 text-xs font-semibold ${tones[horizon]}`}
    >
      {horizonLabels[horizon]}
    </span>
  )
}
