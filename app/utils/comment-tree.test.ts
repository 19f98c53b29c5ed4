import { describe, expect, it } from 'vitest'
import { buildThread, type ThreadComment } from './comment-tree'

let clock = 0
function comment(id: string, parentId: string | null = null): ThreadComment {
  clock += 1
  return {
    id,
    parentId,
    authorName: `Author ${id}`,
    createdAt: new Date(Date.UTC(2027, 0, 1, 0, 0, clock)).toISOString(),
  }
}

function shape(nodes: ReturnType<typeof buildThread>): unknown[] {
  return nodes.map((n) =>
    n.replies.length || n.inReplyTo
      ? { id: n.comment.id, ...(n.inReplyTo ? { to: n.inReplyTo } : {}), replies: shape(n.replies) }
      : n.comment.id,
  )
}

describe('buildThread', () => {
  it('nests replies up to three levels', () => {
    const thread = buildThread([comment('a'), comment('b', 'a'), comment('c', 'b'), comment('d')])
    expect(shape(thread)).toEqual([{ id: 'a', replies: [{ id: 'b', replies: ['c'] }] }, 'd'])
  })

  it('flattens deeper replies under the third level, naming whom they answer', () => {
    const thread = buildThread([
      comment('a'),
      comment('b', 'a'),
      comment('c', 'b'),
      comment('d', 'c'),
      comment('e', 'd'),
    ])
    expect(shape(thread)).toEqual([
      {
        id: 'a',
        replies: [
          {
            id: 'b',
            replies: [
              'c',
              { id: 'd', to: 'Author c', replies: [] },
              { id: 'e', to: 'Author d', replies: [] },
            ],
          },
        ],
      },
    ])
  })

  it('keeps replies oldest first and orders top-level comments as asked', () => {
    const items = [
      comment('old'),
      comment('new'),
      comment('reply1', 'old'),
      comment('reply2', 'old'),
    ]
    expect(shape(buildThread(items, 'newest'))).toEqual([
      'new',
      { id: 'old', replies: ['reply1', 'reply2'] },
    ])
    expect(shape(buildThread(items, 'oldest'))).toEqual([
      { id: 'old', replies: ['reply1', 'reply2'] },
      'new',
    ])
  })

  it('shows a reply whose parent is missing as a top-level comment', () => {
    expect(shape(buildThread([comment('orphan', 'gone')]))).toEqual(['orphan'])
  })
})
