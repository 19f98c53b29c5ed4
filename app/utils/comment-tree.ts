// Builds the thread a proposal page shows: replies nested three levels deep; deeper replies
// are listed under their third-level ancestor, saying whom they answer.
export type ThreadComment = {
  id: string
  parentId: string | null
  authorName: string
  createdAt: string
}

export type ThreadNode<T extends ThreadComment> = {
  comment: T
  /** Set when the reply was flattened: the author of the comment it answers. */
  inReplyTo: string | null
  replies: Array<ThreadNode<T>>
}

export const maxThreadDepth = 3

export function buildThread<T extends ThreadComment>(
  comments: T[],
  order: 'oldest' | 'newest' = 'oldest',
): Array<ThreadNode<T>> {
  const nodes = new Map<string, ThreadNode<T>>()
  const depth = new Map<string, number>()
  /** The node whose replies hold each comment (absent for top-level comments). */
  const container = new Map<string, ThreadNode<T>>()
  const roots: Array<ThreadNode<T>> = []
  const sorted = [...comments].sort(
    (a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id),
  )
  for (const comment of sorted) {
    const node: ThreadNode<T> = { comment, inReplyTo: null, replies: [] }
    nodes.set(comment.id, node)
    const parent = comment.parentId ? nodes.get(comment.parentId) : undefined
    if (!parent) {
      depth.set(comment.id, 1)
      roots.push(node)
      continue
    }
    const parentDepth = depth.get(parent.comment.id) ?? 1
    if (parentDepth < maxThreadDepth) {
      depth.set(comment.id, parentDepth + 1)
      container.set(comment.id, parent)
      parent.replies.push(node)
    } else {
      // Too deep to indent again: shown beside its parent, naming whom it answers.
      const host = container.get(parent.comment.id)!
      node.inReplyTo = parent.comment.authorName
      depth.set(comment.id, maxThreadDepth)
      container.set(comment.id, host)
      host.replies.push(node)
    }
  }
  return order === 'newest' ? roots.reverse() : roots
}
