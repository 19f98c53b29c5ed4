import { describe, expect, it } from 'vitest'
import { csvCell, toCsv } from './csv'

describe('csvCell', () => {
  it('leaves plain text and numbers alone', () => {
    expect(csvCell('Buses for all')).toBe('Buses for all')
    expect(csvCell(42)).toBe('42')
    expect(csvCell(null)).toBe('')
  })

  it('quotes commas, quotes and line breaks, doubling the quotes inside', () => {
    expect(csvCell('one, two')).toBe('"one, two"')
    expect(csvCell('say "yes"')).toBe('"say ""yes"""')
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"')
    expect(csvCell('line\r\nbreak')).toBe('"line\r\nbreak"')
  })

  it('defuses cells a spreadsheet would read as formulas', () => {
    expect(csvCell('=1+1')).toBe("'=1+1")
    expect(csvCell('+44 151')).toBe("'+44 151")
    expect(csvCell('-5% fares')).toBe("'-5% fares")
    expect(csvCell('@everyone')).toBe("'@everyone")
    expect(csvCell('\tindented')).toBe("'\tindented")
    expect(csvCell('\rreturn')).toBe(`"'\rreturn"`)
    expect(csvCell('=HYPERLINK("x","y")')).toBe(`"'=HYPERLINK(""x"",""y"")"`)
    expect(csvCell('a = b')).toBe('a = b')
  })
})

describe('toCsv', () => {
  it('starts with a byte order mark and ends every record with CRLF', () => {
    expect(
      toCsv([
        ['a', 'b'],
        [1, 'c, d'],
      ]),
    ).toBe('\uFEFFa,b\r\n1,"c, d"\r\n')
  })
})
