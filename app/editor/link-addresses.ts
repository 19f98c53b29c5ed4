// Addresses in what a member types, pastes or gives the link form. Editor-only, so apart
// from link.ts, whose rule the server's schema and the page's first scripts also load.
import { isAllowedLinkHref } from './link'

const LOOKS_LIKE_EMAIL = /^[^\s@/:]+@[^\s@/:]+\.[^\s@/:]+$/
const LOOKS_LIKE_DOMAIN = /^[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+(?::\d+)?(?:[/?#]\S*)?$/u

/** The address to link to: as typed, or with the scheme a member left out; null if neither. */
export function linkHrefFrom(value: string): string | null {
  const typed = value.trim()
  if (isAllowedLinkHref(typed)) return typed
  for (const [pattern, scheme] of [
    [LOOKS_LIKE_EMAIL, 'mailto:'],
    [LOOKS_LIKE_DOMAIN, 'https://'],
  ] as const) {
    if (pattern.test(typed) && isAllowedLinkHref(scheme + typed)) return scheme + typed
  }
  return null
}

// An address written out with its scheme, not the end of a longer word ("xhttps://").
const ADDRESS_IN_TEXT = /(?<![\p{L}\p{N}_])(?:https?:\/\/|mailto:)[^\s<>"]+/giu
const SENTENCE_PUNCTUATION = new Set([...".,;:!?'*\u2019\u201D"])
const CLOSING_BRACKETS: Record<string, string> = { ')': '(', ']': '[' }

function count(text: string, character: string): number {
  return text.split(character).length - 1
}

/** Without the punctuation that ends the sentence, or a bracket closed around the address. */
function withoutTrailingPunctuation(address: string): string {
  let end = address.length
  while (end > 0) {
    const last = address.charAt(end - 1)
    const opening = CLOSING_BRACKETS[last]
    const kept = address.slice(0, end)
    if (SENTENCE_PUNCTUATION.has(last) || (opening && count(kept, opening) < count(kept, last))) {
      end -= 1
    } else {
      break
    }
  }
  return address.slice(0, end)
}

export type AddressInText = { text: string; index: number }

/**
 * The addresses in running text that can be links as they stand: those written with
 * http://, https:// or mailto:. Bare "example.org" is left as text, as a member may not
 * mean it as a link; the link form adds the scheme when asked.
 */
export function findLinkAddresses(text: string): AddressInText[] {
  const found: AddressInText[] = []
  for (const match of text.matchAll(ADDRESS_IN_TEXT)) {
    const address = withoutTrailingPunctuation(match[0])
    if (isAllowedLinkHref(address)) found.push({ text: address, index: match.index })
  }
  return found
}
