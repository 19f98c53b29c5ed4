// The role next to a member's name, as Postgres derives it (see ~/utils/role-badge).
import type { RoleBadgeValue } from '~/utils/role-badge'

const labels: Record<RoleBadgeValue, string> = {
  candidate: 'Candidate',
  facilitator: 'Facilitator',
}

export function RoleBadge({ badge }: { badge: RoleBadgeValue | null }) {
  if (!badge) return null
  return (
    <span
      className={`ml-1 inline-block rounded-full px-2 py-0.5 align-middle text-xs font-semibold ${
        badge === 'candidate' ? 'bg-brand-700 text-white' : 'bg-stone-200 text-stone-900'
      }`}
      data-badge={badge}
    >
      {labels[badge]}
    </span>
  )
}
