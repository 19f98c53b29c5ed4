// A group's horizon, as members read it: a badge on the group, a filter in the review.
import type { Enums } from '~/types/database'

export type Horizon = Enums<'group_horizon'>

export const horizonLabels: Record<Horizon, string> = {
  quick_win: 'Quick win',
  strategic: 'Strategic',
  long_term: 'Long-term vision',
}
