// The role next to a member's name. The badge comes from Postgres (public.role_badge, derived
// from site_roles and group_members), so nobody can give it to themself by choosing a name.
export type RoleBadgeValue = 'candidate' | 'facilitator'

export function roleBadge(value: string | null | undefined): RoleBadgeValue | null {
  return value === 'candidate' || value === 'facilitator' ? value : null
}

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
