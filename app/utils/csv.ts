// CSV as RFC 4180 describes it, for spreadsheets: CRLF line ends, quotes only where needed,
// a byte order mark so Excel reads UTF-8. Cells that a spreadsheet would run as a formula
// (=, +, -, @, tab or carriage return first) are prefixed with an apostrophe, as OWASP
// advises, so a member's text can never run in the candidate's spreadsheet.
export type CsvValue = string | number | null

const formulaStart = /^[=+\-@\t\r]/

export function csvCell(value: CsvValue): string {
  if (value === null) return ''
  let text = String(value)
  if (typeof value === 'string' && formulaStart.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

export function toCsv(rows: CsvValue[][]): string {
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`
}
