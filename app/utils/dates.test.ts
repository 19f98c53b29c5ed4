import { describe, expect, it } from 'vitest'
import { dateAndTime, longDate, timeAgo } from './dates'

describe('dates as members read them', () => {
  const now = Date.parse('2027-03-12T12:00:00Z')

  it('says how long ago, in words', () => {
    expect(timeAgo('2027-03-12T11:59:30Z', now)).toBe('just now')
    expect(timeAgo('2027-03-12T11:55:00Z', now)).toBe('5 minutes ago')
    expect(timeAgo('2027-03-11T12:00:00Z', now)).toBe('yesterday')
    expect(timeAgo('2027-03-09T12:00:00Z', now)).toBe('3 days ago')
    expect(timeAgo('2026-03-12T12:00:00Z', now)).toBe('last year')
  })

  it('gives the day in London, in summer time too', () => {
    expect(longDate('2027-03-12T12:00:00Z')).toBe('12 March 2027')
    // 23:30 UTC on 30 June is already 1 July in London (BST).
    expect(longDate('2027-06-30T23:30:00Z')).toBe('1 July 2027')
    expect(dateAndTime('2027-06-30T23:30:00Z')).toBe('1 Jul 2027, 00:30')
    expect(dateAndTime('2027-01-15T09:05:00Z')).toBe('15 Jan 2027, 09:05')
  })
})
