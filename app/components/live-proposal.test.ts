import { describe, expect, it } from 'vitest'
import { shownData } from './live-proposal'

const page = (now: number, shownFor: string) => ({ now, shownFor })

describe('what the live proposal page shows', () => {
  it('shows a newer refetch of the same address', () => {
    const live = page(2, '/groups/g/proposals/p')
    expect(shownData(page(1, '/groups/g/proposals/p'), live)).toBe(live)
  })

  it('keeps the reply box the member just opened when an older view is refetched', () => {
    const replying = page(1, '/groups/g/proposals/p?replyTo=c')
    expect(shownData(replying, page(2, '/groups/g/proposals/p'))).toBe(replying)
  })

  it('keeps what the loader read when the refetch is older or missing', () => {
    const fresh = page(3, '/groups/g/proposals/p')
    expect(shownData(fresh, page(2, '/groups/g/proposals/p'))).toBe(fresh)
    expect(shownData(fresh, undefined)).toBe(fresh)
  })
})
