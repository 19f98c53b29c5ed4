import { describe, expect, it } from 'vitest'
import { isoToLondonLocal, londonLocalToIso, placeField, readRanking } from './ballot-form'

const ids = ['a', 'b', 'c']
function form(places: Record<string, string>) {
  const data = new FormData()
  for (const [id, place] of Object.entries(places)) data.set(placeField(id), place)
  return data
}

describe('reading a ranking from the form', () => {
  it('orders the options by their places and leaves the unranked out', () => {
    expect(readRanking(form({ a: '2', b: '', c: '1' }), ids)).toEqual({
      ok: true,
      ranking: ['c', 'a'],
    })
  })

  it('closes gaps: places 1 and 3 are a first and a second choice', () => {
    expect(readRanking(form({ a: '3', b: '1' }), ids)).toEqual({ ok: true, ranking: ['b', 'a'] })
  })

  it('refuses two options in one place, an empty ranking and places out of range', () => {
    expect(readRanking(form({ a: '1', b: '1' }), ids)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/both in place 1/),
    })
    expect(readRanking(form({}), ids)).toMatchObject({ ok: false })
    expect(readRanking(form({ a: '4' }), ids)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/from 1 to 3/),
    })
    expect(readRanking(form({ a: 'first' }), ids)).toMatchObject({ ok: false })
  })
})

describe('London times', () => {
  it('reads a datetime-local value in London time, in winter and in summer', () => {
    expect(londonLocalToIso('2026-12-03T15:00')).toBe('2026-12-03T15:00:00.000Z')
    expect(londonLocalToIso('2027-07-01T15:00')).toBe('2027-07-01T14:00:00.000Z')
    expect(londonLocalToIso('tomorrow')).toBeNull()
  })

  it('writes an instant back as the same local value', () => {
    expect(isoToLondonLocal('2027-07-01T14:00:00.000Z')).toBe('2027-07-01T15:00')
  })
})
