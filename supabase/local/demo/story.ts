// The shape of the demo's story: for each group, its proposals from draft to the candidate's
// answer, the discussion under them and how each borough voted. The content lives in
// content/<group>.ts; seed.ts plays it as the members.
import type { Borough, GroupSlug } from './people'

/** Blocks of a proposal body: a paragraph, a heading, or a list. */
export type Block = string | { h: string } | { ul: string[] } | { ol: string[] }

/** Who: a named account ('lena', 'bernie'…) or "a member from this borough". */
export type Who = string | Borough

export type CommentSpec = {
  by: Who
  stance?: 'for' | 'against' | 'neutral'
  text: string
  /** Hours after the proposal was published (or after the comment replied to). */
  after: number
  replies?: CommentSpec[]
  /** Members report it; `hide` is the facilitator's public reason when they uphold it. */
  report?: { by: Who[]; reason: string; hide?: string }
}

export type Stage =
  | 'draft'
  | 'open'
  | 'shortlisted'
  | 'forwarded'
  | 'adopted'
  | 'considering'
  | 'declined'
  | 'archived'
  | 'merged'

export type ProposalSpec = {
  key: string
  author: Who
  /** Co-authors who accepted; `invite` is one still waiting for an answer. */
  coauthors?: Who[]
  invite?: Who
  title: string
  summary: string
  body: Block[]
  stage: Stage
  /** Days before the seed that it was published (or drafted, for a draft). */
  daysAgo: number
  /** Share of the group's members in each borough who vote, and the share of those in support,
   * in the order of `boroughs`. */
  turnout?: number[]
  support?: number[]
  /** Named accounts' own votes (they otherwise vote like their borough). */
  votes?: Record<string, 1 | -1>
  comments?: CommentSpec[]
  /** A later edit by one of its authors, so that History shows a diff, with its change note. */
  revision?: {
    after: number
    by?: Who
    title?: string
    summary?: string
    body: Block[]
    note: string
  }
  pinned?: boolean
  /** Why the facilitators archived it (stage archived), shown on the page. */
  reason?: string
  /** The key of the proposal it duplicates (stage merged). */
  mergeInto?: string
  /** The candidate's explanation (stages adopted, considering, declined). */
  answer?: string
  /** Days before the seed of the curation steps. */
  shortlistedDaysAgo?: number
  forwardedDaysAgo?: number
}

export type GroupStory = {
  slug: GroupSlug
  proposals: ProposalSpec[]
}

/** The Tiptap document of a body. */
export function documentOf(blocks: Block[]) {
  const text = (value: string) => [{ type: 'text', text: value }]
  const items = (values: string[]) =>
    values.map((value) => ({
      type: 'listItem',
      content: [{ type: 'paragraph', content: text(value) }],
    }))
  return {
    type: 'doc',
    content: blocks.map((block) => {
      if (typeof block === 'string') return { type: 'paragraph', content: text(block) }
      if ('h' in block) return { type: 'heading', attrs: { level: 2 }, content: text(block.h) }
      if ('ul' in block) return { type: 'bulletList', content: items(block.ul) }
      return { type: 'orderedList', attrs: { start: 1 }, content: items(block.ol) }
    }),
  }
}
