// The audit log: every facilitator, candidate and admin action, as Postgres recorded it, told
// as sentences that say what: which proposal, which person, which group, with links.
import type { Supabase } from '~/utils/supabase.server'
import { uuidPattern } from '~/utils/uuid'

export type AuditFilters = {
  groupId?: string
  limit?: number
  before?: number
  action?: string
  actorId?: string
  /** Days, as YYYY-MM-DD, both included. */
  from?: string
  to?: string
  /** Entries the database made by itself (a member added when their join was approved, an
   * automatic hide): housekeeping, left out unless asked for. */
  includeSystem?: boolean
}

export async function listAudit(supabase: Supabase, filters: AuditFilters = {}) {
  let query = supabase
    .from('audit_log')
    .select(
      'id, actor_id, actor_name, action, group_id, proposal_id, comment_id, target_user_id, from_status, to_status, reason, created_at',
    )
    .order('id', { ascending: false })
    .limit(filters.limit ?? 50)
  if (filters.groupId) query = query.eq('group_id', filters.groupId)
  if (filters.before) query = query.lt('id', filters.before)
  if (filters.action) query = query.eq('action', filters.action)
  if (filters.actorId) query = query.eq('actor_id', filters.actorId)
  if (filters.from) query = query.gte('created_at', `${filters.from}T00:00:00Z`)
  if (filters.to) query = query.lt('created_at', nextDay(filters.to))
  if (!filters.includeSystem) query = query.not('actor_id', 'is', null)
  const { data, error } = await query
  if (error) throw error
  return data
}

function nextDay(day: string) {
  const date = new Date(`${day}T00:00:00Z`)
  date.setUTCDate(date.getUTCDate() + 1)
  return date.toISOString()
}

const day = /^\d{4}-\d{2}-\d{2}$/
/** The filters a page's address asks for; anything malformed is ignored, never an error. */
export function auditFiltersFrom(params: URLSearchParams) {
  const pick = (name: string, pattern: RegExp) => {
    const value = params.get(name) ?? ''
    return pattern.test(value) ? value : undefined
  }
  const action = params.get('action') ?? ''
  return {
    action: action in sentences ? action : undefined,
    actorId: pick('actor', uuidPattern),
    groupId: pick('group', uuidPattern),
    from: pick('from', day),
    to: pick('to', day),
    includeSystem: params.get('system') === 'on',
    before: Number(params.get('before')) || undefined,
  }
}

// {p} a proposal, {m} a person, {g} a group.
const sentences: Record<string, string> = {
  'proposal.shortlist': 'shortlisted {p}',
  'proposal.reopen': 'returned {p} to open',
  'proposal.forward': 'forwarded {p} to the candidate',
  'proposal.archive': 'archived {p}',
  'proposal.merge': 'merged {p} into another proposal',
  'proposal.answer': 'answered {p}',
  'proposal.pin': 'pinned {p}',
  'proposal.unpin': 'unpinned {p}',
  'proposal.edit': 'edited {p}, a member’s proposal',
  'proposal.revise_answer': 'revised the answer to {p}',
  'proposal.hide': 'hid {p}',
  'proposal.unhide': 'showed {p} again',
  'comment.hide': 'hid a comment on {p}',
  'comment.unhide': 'showed a hidden comment on {p} again',
  'flag.dismiss': 'dismissed a report about {p}',
  'group.create': 'created {g}',
  'group.edit': 'edited {g}',
  'group.archive': 'archived {g}',
  'group.restore': 'restored {g}',
  'group.delete': 'deleted a group',
  'group.update_note': 'updated the summary of {g}',
  'membership.add': 'added {m} to {g}',
  'membership.approve': 'approved the join request of {m}',
  'membership.decline': 'declined the join request of {m}',
  'membership.remove': 'removed {m} from {g}',
  'membership.change_status': 'changed the membership of {m}',
  'membership.appoint_facilitator': 'appointed {m} facilitator of {g}',
  'membership.remove_facilitator': 'removed {m} as facilitator of {g}',
  'site_role.grant': 'granted {m} a site role',
  'site_role.revoke': 'revoked a site role of {m}',
}

/** The actions, for a filter: code and a plain description. */
export const auditActions = Object.entries(sentences).map(([code, sentence]) => ({
  code,
  label: sentence
    .replaceAll('{p}', 'a proposal')
    .replaceAll('{m}', 'a member')
    .replaceAll('{g}', 'a group'),
}))

export type AuditPart = string | { label: string; href: string | null }
type Row = Awaited<ReturnType<typeof listAudit>>[number]

/** Each entry as parts of a sentence, naming and linking its proposal, person and group. */
export async function describeEntries(supabase: Supabase, entries: Row[]) {
  const ids = (pick: (row: Row) => string | null) => [
    ...new Set(entries.map(pick).filter((id): id is string => Boolean(id))),
  ]
  const [proposals, people, groups] = await Promise.all([
    byId(
      ids((e) => e.proposal_id),
      (list) =>
        supabase
          .from('proposals')
          .select('id, title, group:groups!proposals_group_id_fkey(slug)')
          .in('id', list),
    ),
    byId(
      ids((e) => e.target_user_id),
      (list) => supabase.from('profiles').select('id, display_name').in('id', list),
    ),
    byId(
      ids((e) => e.group_id),
      (list) => supabase.from('groups').select('id, slug, name').in('id', list),
    ),
  ])
  return entries.map((entry) => {
    const template = sentences[entry.action] ?? entry.action.replace('.', ': ').replaceAll('_', ' ')
    const proposal = entry.proposal_id ? proposals.get(entry.proposal_id) : undefined
    const person = entry.target_user_id ? people.get(entry.target_user_id) : undefined
    const group = entry.group_id ? groups.get(entry.group_id) : undefined
    const objects: Record<string, AuditPart> = {
      p: proposal
        ? {
            label: `“${proposal.title}”`,
            href: `/groups/${proposal.group?.slug}/proposals/${proposal.id}`,
          }
        : { label: 'a proposal that is no longer there', href: null },
      m: person
        ? { label: person.display_name, href: `/members/${person.id}` }
        : { label: 'a member who has left', href: null },
      g: group
        ? { label: group.name, href: `/groups/${group.slug}` }
        : { label: 'a group that is no longer there', href: null },
    }
    const parts = template
      .split(/(\{[pmg]\})/)
      .filter(Boolean)
      .map((part) => objects[part.slice(1, -1)] ?? part)
    return { ...entry, parts }
  })
}

/** Rows by id, for the ids given (none asked, none fetched). */
async function byId<T extends { id: string }>(
  ids: string[],
  fetch: (ids: string[]) => PromiseLike<{ data: T[] | null; error: unknown }>,
) {
  if (ids.length === 0) return new Map<string, T>()
  const { data, error } = await fetch(ids)
  if (error) throw error
  return new Map((data ?? []).map((row) => [row.id, row]))
}
