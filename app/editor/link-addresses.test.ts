import { describe, expect, it } from 'vitest'
import { findLinkAddresses, linkHrefFrom } from './link-addresses'

describe('findLinkAddresses', () => {
  it('finds addresses written with http, https or mailto, where they start', () => {
    const text = 'See https://example.org/buses and mailto:mayor@example.org, or http://a.example'
    expect(findLinkAddresses(text)).toEqual([
      { text: 'https://example.org/buses', index: 4 },
      { text: 'mailto:mayor@example.org', index: 34 },
      { text: 'http://a.example', index: 63 },
    ])
  })

  it('leaves bare domains, other schemes and schemes inside a word as text', () => {
    expect(findLinkAddresses('example.org www.example.org javascript:alert(1)')).toEqual([])
    expect(findLinkAddresses('xhttps://example.org ftp://example.org data:text/html,x')).toEqual([])
    expect(findLinkAddresses('https:// mailto: https://')).toEqual([])
  })

  it('ends an address before the punctuation of its sentence and brackets around it', () => {
    expect(findLinkAddresses('(https://example.org/a).')).toEqual([
      { text: 'https://example.org/a', index: 1 },
    ])
    expect(findLinkAddresses('Read https://example.org/x?y=1!')[0]?.text).toBe(
      'https://example.org/x?y=1',
    )
    expect(findLinkAddresses('[https://example.org]')[0]?.text).toBe('https://example.org')
  })

  it('keeps the brackets that belong to the address', () => {
    expect(findLinkAddresses('https://en.wikipedia.org/wiki/Tunnel_(road).')[0]?.text).toBe(
      'https://en.wikipedia.org/wiki/Tunnel_(road)',
    )
  })
})

describe('linkHrefFrom', () => {
  it('adds the scheme a member left out, and refuses what is not an address', () => {
    expect(linkHrefFrom(' https://example.org ')).toBe('https://example.org')
    expect(linkHrefFrom('example.org/buses')).toBe('https://example.org/buses')
    expect(linkHrefFrom('mayor@example.org')).toBe('mailto:mayor@example.org')
    expect(linkHrefFrom('javascript:alert(1)')).toBeNull()
    expect(linkHrefFrom('buses')).toBeNull()
  })
})
