import { describe, expect, it } from 'vitest'
import { markdownBlock, markdownInline } from './markdown'

describe('markdownInline', () => {
  it('escapes what Markdown would read as formatting, links or HTML', () => {
    expect(markdownInline('# Buses *now* _please_ [see](x) <b>')).toBe(
      '\\# Buses \\*now\\* \\_please\\_ \\[see\\](x) \\<b\\>',
    )
    expect(markdownInline('a | b & c ~ d `e` \\f !g')).toBe(
      'a \\| b \\& c \\~ d \\`e\\` \\\\f \\!g',
    )
  })

  it('escapes block markers at the start only', () => {
    expect(markdownInline('- not a list - really')).toBe('\\- not a list - really')
    expect(markdownInline('+ plus')).toBe('\\+ plus')
    expect(markdownInline('=== ')).toBe('\\===')
    expect(markdownInline('1. first')).toBe('1\\. first')
    expect(markdownInline('12) twelfth')).toBe('12\\) twelfth')
    expect(markdownInline('2026 was a year')).toBe('2026 was a year')
  })

  it('joins lines', () => {
    expect(markdownInline('one\ntwo\r\nthree')).toBe('one two three')
  })
})

describe('markdownBlock', () => {
  it('keeps paragraphs and line breaks, escaping every line', () => {
    expect(markdownBlock('First line\n# second\n\n- item\n  more')).toBe(
      'First line\\\n\\# second\n\n\\- item\\\n\u00a0\u00a0more',
    )
  })

  it('cannot open a code block with indentation', () => {
    expect(markdownBlock('    code?')).toBe('code?')
    expect(markdownBlock('para\n    indented')).toBe('para\\\n\u00a0\u00a0\u00a0\u00a0indented')
  })
})
