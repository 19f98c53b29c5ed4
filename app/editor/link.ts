// Which link addresses a proposal may carry. One check, shared by the editor (the link mark,
// its autolink and the link form), the document schema and therefore the server renderer.

export const LINK_REL = 'nofollow noopener noreferrer ugc'
export const MAX_HREF_LENGTH = 2000

const ALLOWED_START = /^(?:https?:\/\/|mailto:)/i
const INVISIBLE = /[\s\u00AD\u200B-\u200F\u2060\uFEFF]/g
const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  apos: "'",
  colon: ':',
  gt: '>',
  lt: '<',
  newline: '\n',
  nbsp: ' ',
  num: '#',
  percnt: '%',
  period: '.',
  quot: '"',
  semi: ';',
  sol: '/',
  tab: '\t',
}

// C0 and C1 controls, tested by code rather than by a regular expression so linters'
// no-control-regex stays quiet.
function isControlCharacter(code: number): boolean {
  return code <= 0x1f || (code >= 0x7f && code <= 0x9f)
}

function hasControlCharacter(value: string): boolean {
  for (let index = 0; index < value.length; index += 1) {
    if (isControlCharacter(value.charCodeAt(index))) return true
  }
  return false
}

function withoutControlCharacters(value: string): string {
  let result = ''
  for (const character of value) {
    if (!isControlCharacter(character.charCodeAt(0))) result += character
  }
  return result
}

function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);?/gi, (match, body: string) => {
    if (body.startsWith('#')) {
      const isHex = body[1] === 'x' || body[1] === 'X'
      const codePoint = Number.parseInt(body.slice(isHex ? 2 : 1), isHex ? 16 : 10)
      return codePoint > 0 && codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : ''
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? match
  })
}

function decodePercents(value: string): string {
  // Byte by byte: enough to reveal an ASCII scheme, and it cannot throw like
  // decodeURIComponent does on malformed sequences.
  return value.replace(/%([0-9a-f]{2})/gi, (_, hex: string) =>
    String.fromCharCode(Number.parseInt(hex, 16)),
  )
}

/**
 * The scheme as any later reader might see it: after entity and percent decoding
 * (repeated, for double encoding), without whitespace or invisible characters, lower case.
 */
export function revealLinkScheme(href: string): string {
  let value = href
  for (let round = 0; round < 3; round += 1) {
    const decoded = decodePercents(decodeEntities(value))
    if (decoded === value) break
    value = decoded
  }
  return withoutControlCharacters(value).replace(INVISIBLE, '').toLowerCase()
}

/**
 * True when the address starts with http://, https:// or mailto: both as written and as
 * revealed. Our renderer escapes "&", so browsers see the written form; exports, e-mails
 * or a future renderer might decode it, so both forms must agree. Anything without an
 * explicit scheme (relative paths, "#anchors", protocol-relative "//host") is refused:
 * a proposal is read on many pages and in exports, where relative links resolve to
 * different places, and "//host" hides where it goes.
 */
export function hasAllowedLinkScheme(href: unknown): href is string {
  if (typeof href !== 'string') return false
  const trimmed = href.trim()
  return (
    // Browsers drop tabs and newlines inside URLs, so "java\tscript:" runs as javascript:;
    // no address a member types needs a control character.
    !hasControlCharacter(trimmed) &&
    ALLOWED_START.test(trimmed) &&
    ALLOWED_START.test(revealLinkScheme(trimmed))
  )
}

/** The full check: an allowed scheme, a sane length and an address a browser can parse. */
export function isAllowedLinkHref(href: unknown): href is string {
  if (!hasAllowedLinkScheme(href) || href.length > MAX_HREF_LENGTH) return false
  let url: URL
  try {
    url = new URL(href.trim())
  } catch {
    return false
  }
  if (url.protocol === 'mailto:') return url.pathname.length > 0
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0
}
