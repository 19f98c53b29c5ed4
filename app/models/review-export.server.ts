// Proposals as the exports and the print page hold them: every proposal of a status (in one
// group or all), ranked Top first, with everything the candidate reads — authors, counts,
// support by region, full text and the answer. Pages of 500 (PostgREST returns at most
// 1,000 rows), then per 100 ids one query each for tallies, authors and answers, so the
// addresses stay short whatever the number of proposals.
import { documentToPlainText, parseProposalDocument } from '~/editor/document'
import { documentToMarkdown } from '~/utils/document-markdown'
import type { Enums } from '~/types/database'
import { withheldTally, type BoroughTally } from '~/utils/borough-tally'
import type { Supabase } from '~/utils/supabase.server'
import { listCandidateAnswers, type CandidateAnswer } from './candidate-answer.server'
import { listAuthors, type ProposalAuthor } from './proposal.server'
import { listRegions } from './region.server'
import { listRegionTallies, listReviewGroups, type RegionTally } from './review.server'

const batchSize = 500
const idsPerQuery = 100

export type ExportedProposal = {
  id: string
  title: string
  group: { slug: string; name: string }
  authors: ProposalAuthor[]
  status: Enums<'proposal_status'>
  support: number
  oppose: number
  comments: number
  regions: Array<{ slug: string; name: string } & BoroughTally>
  summary: string
  body: unknown
  fullText: string
  /** The full text as Markdown, its headings and lists kept. */
  fullMarkdown: string
  answer: CandidateAnswer | null
  url: string
}

async function listProposalRows(
  supabase: Supabase,
  statuses: Array<Enums<'proposal_status'>>,
  groupId: string | null,
) {
  const rows = []
  for (let from = 0; ; from += batchSize) {
    let request = supabase
      .from('proposals')
      .select(
        'id, group_id, title, summary, body, status, support_count, oppose_count, comment_count',
      )
      .in('status', statuses)
    if (groupId) request = request.eq('group_id', groupId)
    const { data, error } = await request
      .order('top_score', { ascending: false })
      .order('published_at', { ascending: false })
      .order('id')
      .range(from, from + batchSize - 1)
    if (error) throw error
    rows.push(...data)
    if (data.length < batchSize) return rows
  }
}

async function listDetails(supabase: Supabase, ids: string[]) {
  const tallies = new Map<string, Map<string, RegionTally>>()
  const authors = new Map<string, ProposalAuthor[]>()
  const answers = new Map<string, CandidateAnswer>()
  const chunks = Array.from({ length: Math.ceil(ids.length / idsPerQuery) }, (_, i) =>
    ids.slice(i * idsPerQuery, (i + 1) * idsPerQuery),
  )
  await Promise.all(
    chunks.map(async (chunk) => {
      const [t, a, r] = await Promise.all([
        listRegionTallies(supabase, chunk),
        listAuthors(supabase, chunk),
        listCandidateAnswers(supabase, chunk),
      ])
      t.forEach((value, key) => tallies.set(key, value))
      a.forEach((value, key) => authors.set(key, value))
      r.forEach((value, key) => answers.set(key, value))
    }),
  )
  return { tallies, authors, answers }
}

export async function loadExport(
  supabase: Supabase,
  {
    statuses,
    groupId,
    origin,
  }: { statuses: Array<Enums<'proposal_status'>>; groupId: string | null; origin: string },
) {
  const [groups, regions, rows] = await Promise.all([
    listReviewGroups(supabase),
    listRegions(supabase),
    listProposalRows(supabase, statuses, groupId),
  ])
  const { tallies, authors, answers } = await listDetails(
    supabase,
    rows.map((r) => r.id),
  )
  const groupsById = new Map(groups.map((g) => [g.id, g]))
  const proposals: ExportedProposal[] = rows.map((row) => {
    const group = groupsById.get(row.group_id)
    const parsed = parseProposalDocument(row.body)
    return {
      id: row.id,
      title: row.title,
      group: { slug: group?.slug ?? '', name: group?.name ?? 'Unknown group' },
      authors: authors.get(row.id) ?? [],
      status: row.status,
      support: row.support_count,
      oppose: row.oppose_count,
      comments: row.comment_count,
      regions: regions.map((r) => ({
        slug: r.slug,
        name: r.name,
        ...(tallies.get(row.id)?.get(r.slug) ?? withheldTally),
      })),
      summary: row.summary,
      body: row.body,
      fullText: parsed.ok ? documentToPlainText(parsed.doc) : '',
      fullMarkdown: parsed.ok ? documentToMarkdown(parsed.doc) : '',
      answer: answers.get(row.id) ?? null,
      url: new URL(`/groups/${group?.slug ?? ''}/proposals/${row.id}`, origin).href,
    }
  })
  return { proposals, regions: regions.map((r) => ({ slug: r.slug, name: r.name })) }
}

export type ReviewExport = Awaited<ReturnType<typeof loadExport>>
