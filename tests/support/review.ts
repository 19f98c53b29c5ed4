// Fixtures for the candidate's review: proposals with chosen words in any status (arranged as
// the database owner), voters from chosen boroughs, the candidate's answer through the real
// RPC, and a small RFC 4180 reader to check what the spreadsheet export holds.
import { expect } from 'vitest'
import type { Member } from './members'
import { createMember } from './members'
import type { ProposalStatus, World } from './lifecycle'
import { sql } from './sql'

export type Block = {
  type: 'paragraph'
  content?: Array<{ type: 'text'; text: string } | { type: 'hardBreak' }>
}

/** A document of paragraphs; a "\n" inside a paragraph becomes a line break. */
export function documentWithBreaks(...paragraphs: string[]) {
  const content: Block[] = paragraphs.map((paragraph) => ({
    type: 'paragraph',
    content: paragraph
      .split('\n')
      .flatMap((line, i) => [
        ...(i > 0 ? [{ type: 'hardBreak' as const }] : []),
        { type: 'text' as const, text: line },
      ]),
  }))
  return { type: 'doc', content }
}

export type ReviewProposal = { id: string; title: string }

/** A proposal by world.author (with world.coauthor) with the given words and status. */
export async function arrangeReviewProposal(
  world: World,
  options: {
    title: string
    summary?: string
    paragraphs?: string[]
    status?: ProposalStatus
    groupId?: string
  },
): Promise<ReviewProposal> {
  const { rows } = await sql().query<ReviewProposal>(
    `insert into public.proposals (group_id, author_id, title, summary, body, status, published_at)
     values ($1, $2, $3, $4, $5::jsonb, $6, now()) returning id, title`,
    [
      options.groupId ?? world.group.id,
      world.author.id,
      options.title,
      options.summary ?? '',
      JSON.stringify(documentWithBreaks(...(options.paragraphs ?? ['The body of the proposal.']))),
      options.status ?? 'forwarded',
    ],
  )
  await sql().query(
    // An accepted co-author: the invitation and its consent are arranged, not under test here.
    `insert into public.proposal_authors (proposal_id, user_id, role, added_by, accepted_at)
     values ($1, $2, 'coauthor', $3, now())`,
    [rows[0].id, world.coauthor.id, world.author.id],
  )
  return rows[0]
}

/** Members living in the given boroughs, one per entry. */
export function createVoters(regions: string[]): Promise<Member[]> {
  return Promise.all(
    regions.map((region) => createMember({ region, displayName: `Voter in ${region}` })),
  )
}

/** Votes as the database owner; each voter's borough is taken at vote time, as always. */
export async function castVotes(proposalId: string, votes: Array<[Member, 1 | -1]>) {
  for (const [member, value] of votes) {
    await sql().query(
      'insert into public.votes (proposal_id, user_id, value) values ($1, $2, $3)',
      [proposalId, member.id, value],
    )
  }
}

export async function answerAs(
  candidate: Member,
  proposalId: string,
  decision: 'adopted' | 'considering' | 'declined',
  explanation: string,
) {
  const { error } = await candidate.client.rpc('answer_proposal', {
    proposal_id: proposalId,
    decision,
    explanation,
  })
  expect(error).toBeNull()
}

/** Records of an RFC 4180 document: quoted fields may hold commas, quotes ("") and line breaks. */
export function parseCsv(text: string): string[][] {
  const records: string[][] = []
  let record: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const char = text[i]
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (char === '"') quoted = false
      else field += char
    } else if (char === '"') {
      if (field !== '') throw new Error(`A quote inside an unquoted field at ${i}`)
      quoted = true
    } else if (char === ',') {
      record.push(field)
      field = ''
    } else if (char === '\r' && text[i + 1] === '\n') {
      record.push(field)
      records.push(record)
      record = []
      field = ''
      i++
    } else if (char === '\n' || char === '\r') {
      throw new Error(`A bare line break outside quotes at ${i}`)
    } else field += char
  }
  if (quoted) throw new Error('An unterminated quoted field')
  if (field !== '' || record.length) throw new Error('The last record does not end with CRLF')
  return records
}
