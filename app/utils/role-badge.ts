// The role shown next to a member's name. It comes from Postgres (public.role_badge, derived
// from site_roles and group_members), so nobody can give it to themself by choosing a name.
export type RoleBadgeValue = 'candidate' | 'facilitator'

export function roleBadge(value: string | null | undefined): RoleBadgeValue | null {
  return value === 'candidate' || value === 'facilitator' ? value : null
}
