// Fixtures for curation, moderation and the candidate's review: a group's world with an
// author and a co-author, proposals arranged in any status directly as the database owner
// (fast, and states no API role could reach in one step), and readers for the rows that
// only triggers write (audit log, notifications).
import type { Database } from '../../app/types/database'
import type { Client } from './clients'
import { addMembership, clientOf, createCast, type Actor, type Cast } from './groups'
import { createMember, type Member } from './members'
import { defaultBody, documentOf } from './proposals'
import { sql } from './sql'

export type ProposalStatus = Database['public']['Enums']['proposal_status']

export const proposalStatuses: ProposalStatus[] = [
  'draft',
  'open',
  'shortlisted',
  'forwarded',
  'adopted',
  'considering',
  'declined',
  'archived',
  'merged',
]

export type World = Cast & { author: Member; coauthor: Member }
export type WorldActor = Actor | 'author' | 'coauthor'
/** Every actor of a world, from the visitor to the admin: the rows of a who-may table. */
export const everyone: WorldActor[] = [
  'anon',
  'nonMember',
  'member',
  'author',
  'coauthor',
  'facilitator',
  'otherFacilitator',
  'candidate',
  'admin',
]

/** The cast of a group plus the author of its proposals and their (accepted) co-author. */
export async function createWorld(joinPolicy: 'open' | 'request' = 'open'): Promise<World> {
  const cast = await createCast(joinPolicy)
  const [author, coauthor] = await Promise.all([
    createMember({ displayName: 'Ruth Author' }),
    createMember({ displayName: 'Co Author' }),
  ])
  await addMembership(cast.group, author)
  await addMembership(cast.group, coauthor)
  return { ...cast, author, coauthor }
}

export function as(world: World, actor: WorldActor): Client {
  if (actor === 'author' || actor === 'coauthor') return world[actor].client
  return clientOf(world, actor)
}

export type ArrangedProposal = { id: string; title: string; status: ProposalStatus }

/**
 * Proposals by world.author (with world.coauthor) in the given statuses, in one statement.
 * A merged one is merged into `mergedInto`, which must then be given.
 */
export async function arrangeProposals(
  world: World,
  statuses: ProposalStatus[],
  options: { mergedInto?: string; groupId?: string } = {},
): Promise<ArrangedProposal[]> {
  const batch = crypto.randomUUID().slice(0, 6)
  const titles = statuses.map((_, i) => `Arranged ${batch} ${i + 1}`)
  const { rows } = await sql().query<ArrangedProposal>(
    `insert into public.proposals (group_id, author_id, title, summary, body, status, published_at, merged_into)
     select $1, $2, t.title, 'A short summary of the proposal.', $3::jsonb, t.status::public.proposal_status,
            case when t.status <> 'draft' then now() end,
            case when t.status = 'merged' then $4::uuid end
       from unnest($5::text[], $6::text[]) as t (title, status)
     returning id, title, status`,
    [
      options.groupId ?? world.group.id,
      world.author.id,
      JSON.stringify(documentOf(defaultBody)),
      options.mergedInto ?? null,
      titles,
      statuses,
    ],
  )
  await sql().query(
    `insert into public.proposal_authors (proposal_id, user_id, role, added_by, accepted_at)
     select unnest($1::uuid[]), $2, 'coauthor', $3, now()`,
    [rows.map((r) => r.id), world.coauthor.id, world.author.id],
  )
  const byTitle = new Map(rows.map((r) => [r.title, r]))
  return titles.map((title) => byTitle.get(title)!)
}

export async function arrangeProposal(
  world: World,
  status: ProposalStatus,
  options: { mergedInto?: string } = {},
) {
  const [proposal] = await arrangeProposals(world, [status], options)
  return proposal
}

export async function statusOf(proposalId: string): Promise<ProposalStatus> {
  const { rows } = await sql().query('select status from public.proposals where id = $1', [
    proposalId,
  ])
  return rows[0].status
}

/** The members who support a proposal, as owner (votes are rate-limited per member only). */
export async function addSupporters(proposalId: string, members: Member[], value: 1 | -1 = 1) {
  for (const member of members) {
    await sql().query(
      'insert into public.votes (proposal_id, user_id, value) values ($1, $2, $3)',
      [proposalId, member.id, value],
    )
  }
}

export type AuditEntry = {
  actor_id: string | null
  action: string
  group_id: string | null
  proposal_id: string | null
  comment_id: string | null
  target_user_id: string | null
  from_status: string | null
  to_status: string | null
  reason: string | null
  details: Record<string, unknown>
}

/** Audit entries about a proposal, a comment, a group or a member, oldest first. */
export async function auditOf(where: {
  proposalId?: string
  commentId?: string
  groupId?: string
  targetUserId?: string
}) {
  const { rows } = await sql().query<AuditEntry>(
    `select actor_id, action, group_id, proposal_id, comment_id, target_user_id, from_status, to_status, reason, details
       from public.audit_log
      where ($1::uuid is null or proposal_id = $1) and ($2::uuid is null or comment_id = $2)
        and ($3::uuid is null or group_id = $3) and ($4::uuid is null or target_user_id = $4)
      order by id`,
    [
      where.proposalId ?? null,
      where.commentId ?? null,
      where.groupId ?? null,
      where.targetUserId ?? null,
    ],
  )
  return rows
}

export type NotificationRow = Database['public']['Tables']['notifications']['Row']

/** A member's notifications, oldest first, read as owner (to test what was written). */
export async function notificationsOf(member: Member): Promise<NotificationRow[]> {
  const { rows } = await sql().query<NotificationRow>(
    'select * from public.notifications where user_id = $1 order by created_at, id',
    [member.id],
  )
  return rows
}
