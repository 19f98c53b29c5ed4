// Moderation fixtures: comments written as the database owner (no rate limit between tests),
// fresh members to flag things, and the flag itself sent through supabase-js (flag_content).
import type { Client } from './clients'
import { addMembership, giveStanding, type TestGroup } from './groups'
import { createMember, type Member } from './members'
import { sql } from './sql'

export async function arrangeComment(
  proposalId: string,
  author: Member,
  options: { body?: string; parentId?: string } = {},
) {
  const { rows } = await sql().query<{ id: string; body: string }>(
    'insert into public.comments (proposal_id, author_id, body, parent_id) values ($1, $2, $3, $4) returning id, body',
    [
      proposalId,
      author.id,
      options.body ?? `A comment ${crypto.randomUUID().slice(0, 6)}`,
      options.parentId ?? null,
    ],
  )
  return rows[0]
}

/**
 * Members to flag things. By default they have nothing to do with the group (anyone signed
 * in may flag what they can read, but such flags hide nothing); `standingIn` makes them
 * members of long standing there, whose flags count towards hiding.
 */
export function createFlaggers(
  count: number,
  options: { standingIn?: TestGroup } = {},
): Promise<Member[]> {
  return Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const member = await createMember({ displayName: `Flagger ${i + 1}` })
      if (options.standingIn) {
        await addMembership(options.standingIn, member)
        await giveStanding(options.standingIn, member)
      }
      return member
    }),
  )
}

export type FlagTarget = { proposal_id: string } | { comment_id: string }

export function flag(client: Client, target: FlagTarget, reason = 'This is abusive.') {
  return client.rpc('flag_content', { ...target, reason })
}

export async function flagRows(target: FlagTarget) {
  const [column, id] =
    'proposal_id' in target
      ? ['proposal_id', target.proposal_id]
      : ['comment_id', target.comment_id]
  const { rows } = await sql().query(
    `select id, status, resolved_by, resolution_note from public.flags where ${column} = $1 order by created_at`,
    [id],
  )
  return rows
}

export async function commentRow(id: string) {
  const { rows } = await sql().query('select * from public.comments where id = $1', [id])
  return rows[0]
}

export async function hiddenBodyOf(commentId: string): Promise<string | null> {
  const { rows } = await sql().query(
    'select body from private.hidden_comment_bodies where comment_id = $1',
    [commentId],
  )
  return rows[0]?.body ?? null
}
