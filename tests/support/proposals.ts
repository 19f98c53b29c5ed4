// Proposal fixtures, made the way members make them: through supabase-js as the author.
import { expect } from 'vitest'
import type { Member } from './members'
import type { TestGroup } from './groups'
import { sql } from './sql'

export function documentOf(...paragraphs: string[]) {
  return {
    type: 'doc',
    content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
  }
}

export type TestProposal = { id: string; title: string; version: number }

/** Long enough to publish (Postgres asks for 100 characters of text and a 20-character
 * summary). */
export const publishableTail =
  'This paragraph is here so that the proposal is long enough to be published for discussion by the group.'
export const defaultBody =
  'The body of the proposal. It says what should change, for whom, and how the campaign will know that it worked.'

export async function createProposal(
  author: Member,
  group: TestGroup,
  options: { title?: string; summary?: string; body?: string; publish?: boolean } = {},
): Promise<TestProposal> {
  const title = options.title ?? `Proposal ${crypto.randomUUID().slice(0, 6)}`
  const { data, error } = await author.client
    .from('proposals')
    .insert({
      group_id: group.id,
      title,
      summary: options.summary ?? 'A short summary of the proposal.',
      // A short body given for a proposal to publish gets a second paragraph, as publishing
      // asks for 100 characters; the given words stay first.
      body:
        options.publish && options.body !== undefined && options.body.length < 100
          ? documentOf(options.body, publishableTail)
          : documentOf(options.body ?? defaultBody),
    })
    .select('id, title, version')
    .single()
  expect(error).toBeNull()
  if (options.publish) {
    const published = await author.client.rpc('publish_proposal', { proposal_id: data!.id })
    expect(published.error).toBeNull()
  }
  return data!
}

/** The author invites a member to co-author; the invitation stays pending. */
export async function inviteCoauthor(proposal: TestProposal, author: Member, invitee: Member) {
  const { error } = await author.client
    .from('proposal_authors')
    .insert({ proposal_id: proposal.id, user_id: invitee.id })
  expect(error).toBeNull()
}

/** The invitee accepts, through supabase-js (Postgres stamps the time). */
export function acceptInvitation(proposalId: string, invitee: Member) {
  return invitee.client
    .from('proposal_authors')
    .update({ accepted_at: new Date().toISOString() })
    .eq('proposal_id', proposalId)
    .eq('user_id', invitee.id)
    .select('user_id, accepted_at')
}

/** A co-author as members make one: invited by the author, and accepting. */
export async function addCoauthor(proposal: TestProposal, author: Member, coauthor: Member) {
  await inviteCoauthor(proposal, author, coauthor)
  const { data, error } = await acceptInvitation(proposal.id, coauthor)
  expect(error).toBeNull()
  expect(data).toHaveLength(1)
}

export async function proposalRow(id: string) {
  const { rows } = await sql().query('select * from public.proposals where id = $1', [id])
  return rows[0]
}
