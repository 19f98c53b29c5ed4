// Comments and votes on a proposal. Postgres decides who may (RLS) and how fast (rate limits);
// these return a sentence for the member when it says no.
import { listRegions } from './region.server'
import { withheldTally } from '~/utils/borough-tally'
import { outcomeOfWrite, refusedByDb } from '~/utils/db-errors.server'
import { refused, succeeded, type Outcome } from '~/utils/outcome'
import { roleBadge } from '~/utils/role-badge'
import type { Supabase } from '~/utils/supabase.server'
import type { Enums } from '~/types/database'
import type { RegionTallyRow } from './proposal.server'
import { toBoroughTally } from './review.server'
import { uuidPattern } from '~/utils/uuid'

export type Stance = Enums<'comment_stance'>

const commentColumns =
  'id, parent_id, author_id, body, stance, depth, created_at, edited_at, deleted_at, hidden_reason, author:profiles!comments_author_id_fkey(display_name, role_badge)'

type CommentRecord = {
  id: string
  parent_id: string | null
  author_id: string
  body: string
  stance: Stance | null
  created_at: string
  edited_at: string | null
  deleted_at: string | null
  hidden_reason: string | null
  author: { display_name: string | null; role_badge: string | null } | null
  parent?: { author: { display_name: string | null } | null } | null
}

function toCommentRow(c: CommentRecord) {
  return {
    id: c.id,
    parentId: c.parent_id,
    authorId: c.author_id,
    authorName: c.author?.display_name ?? 'Member',
    authorBadge: roleBadge(c.author?.role_badge),
    body: c.body,
    stance: c.stance,
    createdAt: c.created_at,
    editedAt: c.edited_at,
    deleted: c.deleted_at !== null,
    hiddenReason: c.hidden_reason,
    /** Only in the stance-filtered view: whom a reply answers (its parent is not shown above it). */
    parentAuthorName: c.parent_id ? (c.parent?.author?.display_name ?? 'Member') : null,
  }
}

/** Top-level comments per page of a thread (or comments per page when filtered by stance). */
export const threadPageSize = 20
/** At most this many replies come with a page: the replies of its 20 comments, oldest first. */
export const threadPageReplies = 200
/** A single thread (?thread=, "Show all replies") brings at most this many replies. */
export const threadAllReplies = 1000

type ThreadKey = { createdAt: string; id: string }
// Exactly as PostgREST writes timestamps (microseconds kept: the keyset compares them).
const timestamp = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}(:\d{2})?)$/
/** A page cursor in a link: the last comment shown, as "<created_at>_<id>". */
export function encodeThreadCursor(key: ThreadKey) {
  return `${key.createdAt}_${key.id}`
}

/** Null for anything that is not a cursor this page made: the thread then starts at the top. */
export function decodeThreadCursor(value: string | null): ThreadKey | null {
  if (!value) return null
  const at = value.lastIndexOf('_')
  // A "+" read back from a query string written by hand arrives as a space.
  const createdAt = value.slice(0, at).replace(' ', '+')
  const id = value.slice(at + 1)
  if (at < 1 || !uuidPattern.test(id) || !timestamp.test(createdAt)) return null
  return { createdAt, id: id.toLowerCase() }
}

export type ThreadPageRequest = {
  stance: Stance | null
  order: 'oldest' | 'newest'
  /** Show the comments after this one (exclusive). */
  after: ThreadKey | null
  /** Or: start the page with the thread holding this comment (a link to one comment). */
  anchor: string | null
  /** Or: just the thread holding this comment, with all its replies. */
  thread?: string | null
}

/** Where the thread holding a comment starts: its top-level comment (or, filtered, itself). */
async function anchorKey(
  supabase: Supabase,
  proposalId: string,
  commentId: string,
  stance: Stance | null,
): Promise<ThreadKey | null> {
  if (!uuidPattern.test(commentId)) return null
  const { data, error } = await supabase
    .from('comments')
    .select('id, created_at, root_id')
    .eq('proposal_id', proposalId)
    .eq('id', commentId)
    .maybeSingle()
  if (error) throw error
  if (!data) return null
  if (stance || !data.root_id) return { createdAt: data.created_at, id: data.id }
  const root = await supabase
    .from('comments')
    .select('id, created_at')
    .eq('id', data.root_id)
    .maybeSingle()
  if (root.error) throw root.error
  return root.data ? { createdAt: root.data.created_at, id: root.data.id } : null
}

/**
 * One page of a proposal's discussion: 20 top-level comments in the chosen order with their
 * replies, or, filtered by stance, 20 live comments of that stance at any depth. Keyset on
 * (created_at, id), so page 25 costs what page 1 does; `next` is the cursor of the following
 * page, null on the last.
 */
export async function listThreadPage(
  supabase: Supabase,
  proposalId: string,
  request: ThreadPageRequest,
) {
  if (request.thread) {
    const root = await anchorKey(supabase, proposalId, request.thread, null)
    if (root)
      return {
        ...(await readThreadPage(
          supabase,
          proposalId,
          { ...request, stance: null },
          root,
          true,
          true,
        )),
        anchored: true,
      }
  }
  if (request.after || !request.anchor)
    return {
      ...(await readThreadPage(supabase, proposalId, request, request.after, false)),
      anchored: false,
    }
  // A link to one comment: the first page if it shows that comment's thread, else a page
  // starting with it.
  const key = await anchorKey(supabase, proposalId, request.anchor, request.stance)
  const first = await readThreadPage(supabase, proposalId, request, null, false)
  if (!key || first.top.includes(key.id)) return { ...first, anchored: false }
  return { ...(await readThreadPage(supabase, proposalId, request, key, true)), anchored: true }
}

async function readThreadPage(
  supabase: Supabase,
  proposalId: string,
  request: ThreadPageRequest,
  start: ThreadKey | null,
  inclusive: boolean,
  single = false,
) {
  const pageSize = single ? 1 : threadPageSize
  const replyLimit = single ? threadAllReplies : threadPageReplies
  const ascending = request.order === 'oldest'
  let query = supabase
    .from('comments')
    .select(
      request.stance
        ? `${commentColumns}, parent:parent_id(author:profiles!comments_author_id_fkey(display_name))`
        : commentColumns,
    )
    .eq('proposal_id', proposalId)
  query = request.stance
    ? query.eq('stance', request.stance).is('deleted_at', null)
    : query.is('parent_id', null)
  if (start) {
    const [beyond, edge] = ascending
      ? ['gt', inclusive ? 'gte' : 'gt']
      : ['lt', inclusive ? 'lte' : 'lt']
    query = query.or(
      `created_at.${beyond}."${start.createdAt}",and(created_at.eq."${start.createdAt}",id.${edge}.${start.id})`,
    )
  }
  const { data, error } = await query
    .order('created_at', { ascending })
    .order('id', { ascending })
    .limit(pageSize + 1)
  if (error) throw error
  const rows = (data as unknown as CommentRecord[]).slice(0, pageSize)
  const last = rows.at(-1)
  const next =
    data.length > pageSize && last
      ? encodeThreadCursor({ createdAt: last.created_at, id: last.id })
      : null
  let replies: CommentRecord[] = []
  if (!request.stance && rows.length) {
    const found = await supabase
      .from('comments')
      .select(commentColumns)
      .in(
        'root_id',
        rows.map((row) => row.id),
      )
      .order('created_at')
      .order('id')
      .limit(replyLimit + 1)
    if (found.error) throw found.error
    replies = found.data as unknown as CommentRecord[]
  }
  return {
    comments: [...rows, ...replies.slice(0, replyLimit)].map(toCommentRow),
    next,
    /** More replies than a page brings: each thread links to all of its replies. */
    repliesCut: replies.length > replyLimit,
    top: rows.map((row) => row.id),
  }
}

export type CommentRow = ReturnType<typeof toCommentRow>

export async function createComment(
  supabase: Supabase,
  input: { proposalId: string; parentId: string | null; body: string; stance: Stance | null },
): Promise<Outcome> {
  const { error } = await supabase.from('comments').insert({
    proposal_id: input.proposalId,
    parent_id: input.parentId,
    body: input.body,
    stance: input.stance,
  })
  return outcomeOfWrite(
    error,
    'Your comment is posted.',
    'Your comment could not be posted. Please try again.',
  )
}

export async function editComment(
  supabase: Supabase,
  id: string,
  input: { body: string; stance: Stance | null },
): Promise<Outcome> {
  const { data, error } = await supabase
    .from('comments')
    .update({ body: input.body, stance: input.stance })
    .eq('id', id)
    .select('id')
  if (error) return refusedByDb(error)
  return data.length
    ? succeeded('Your comment is saved.')
    : refused('You can only edit your own comments, on proposals still open for discussion.')
}

export async function deleteComment(supabase: Supabase, id: string): Promise<Outcome> {
  const { error } = await supabase.rpc('delete_comment', { comment_id: id })
  return outcomeOfWrite(error, 'Your comment was deleted.')
}

export async function getOwnVote(supabase: Supabase, proposalId: string, userId: string | null) {
  if (!userId) return 0
  const { data, error } = await supabase
    .from('votes')
    .select('value')
    .eq('proposal_id', proposalId)
    .eq('user_id', userId)
    .maybeSingle()
  if (error) throw error
  return data?.value ?? 0
}

/** value 1 supports, -1 opposes, 0 withdraws. */
export async function castVote(
  supabase: Supabase,
  proposalId: string,
  userId: string,
  value: -1 | 0 | 1,
): Promise<Outcome> {
  const current = await getOwnVote(supabase, proposalId, userId)
  const counted = value === 0 ? 'Your vote is withdrawn.' : 'Your vote is counted.'
  if (current === value) return succeeded(counted)
  const votes = supabase.from('votes')
  const { data, error } =
    value === 0
      ? await votes.delete().eq('proposal_id', proposalId).eq('user_id', userId).select('value')
      : current === 0
        ? await votes.insert({ proposal_id: proposalId, value }).select('value')
        : await votes
            .update({ value })
            .eq('proposal_id', proposalId)
            .eq('user_id', userId)
            .select('value')
  if (error) return refusedByDb(error, 'Your vote could not be counted. Please try again.')
  return data.length ? succeeded(counted) : refused('Voting is closed on this proposal.')
}

/** Support in every region for one proposal, from the tallies my_proposal_state brought
 * (loadProposalContext): boroughs where fewer than 5 people voted come without numbers. */
export async function regionSupport(supabase: Supabase, tallies: RegionTallyRow[] | null) {
  const regions = await listRegions(supabase)
  const byRegion = new Map((tallies ?? []).map((row) => [row.region, toBoroughTally(row)]))
  return regions.map((r) => ({
    slug: r.slug,
    name: r.name,
    isBorough: r.is_borough,
    ...(byRegion.get(r.slug) ?? withheldTally),
  }))
}
