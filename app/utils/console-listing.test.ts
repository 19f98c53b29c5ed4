import { describe, expect, it } from 'vitest'
import { consoleQuery, consoleReturn, parseConsoleListing } from './console-listing'

describe('the console’s place in the list', () => {
  it('keeps sort, status, search and page, leaving out the defaults', () => {
    const listing = parseConsoleListing(
      new URLSearchParams('?page=3&q=+night+bus+&status=open&sort=region'),
    )
    expect(listing).toEqual({ sort: 'region', status: 'open', q: 'night bus', page: 3 })
    expect(consoleQuery(listing)).toBe('?sort=region&status=open&q=night+bus&page=3')
    expect(consoleQuery(listing, { page: 1 })).toBe('?sort=region&status=open&q=night+bus')
    expect(consoleQuery(parseConsoleListing(new URLSearchParams()))).toBe('')
  })

  it('falls back on anything it does not know', () => {
    expect(
      parseConsoleListing(
        new URLSearchParams('sort=hot&status=archived&page=1.5&q=' + 'x'.repeat(300)),
      ),
    ).toEqual({ sort: 'top', status: 'live', q: 'x'.repeat(100), page: 1 })
  })

  it('returns only to the group’s console, whatever the form sent back', () => {
    expect(consoleReturn('buses', '//evil.example/?sort=new', 'proposal-1')).toBe(
      '/groups/buses/console#proposal-1',
    )
    expect(consoleReturn('buses', '?sort=new&next=//evil.example')).toBe(
      '/groups/buses/console?sort=new',
    )
    expect(consoleReturn('buses', 'https://evil.example')).toBe('/groups/buses/console')
  })
})
