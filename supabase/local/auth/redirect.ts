// Which redirect_to Supabase Auth honours: an address on the site URL's host, or one matching an
// entry of additional_redirect_urls as a glob (GoTrue compiles them with "." and "/" as
// separators: `*` and `?` never cross them, `**` does; `{a,b}` and `[...]` as usual). Anything
// else, including a foreign site, falls back to the site URL.

function globToRegExp(pattern: string) {
  let source = ''
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]
    if (c === '*' && pattern[i + 1] === '*') {
      source += '.*'
      i++
    } else if (c === '*') source += '[^./]*'
    else if (c === '?') source += '[^./]'
    else if (c === '{') {
      const end = pattern.indexOf('}', i)
      if (end === -1) source += '\\{'
      else {
        const options = pattern.slice(i + 1, end).split(',')
        source += `(?:${options.map((option) => globToRegExp(option).source.slice(1, -1)).join('|')})`
        i = end
      }
    } else if (c === '[') {
      const end = pattern.indexOf(']', i)
      if (end === -1) source += '\\['
      else {
        const body = pattern
          .slice(i + 1, end)
          .replace(/^!/, '^')
          .replace(/\\/g, '\\\\')
        source += `[${body}]`
        i = end
      }
    } else source += c.replace(/[.+^$()|\\/]/g, '\\$&')
  }
  return new RegExp(`^${source}$`)
}

function hostname(url: string) {
  try {
    return new URL(url).hostname
  } catch {
    return null
  }
}

export function isRedirectAllowed(redirectTo: string, siteUrl: string, allowList: string[]) {
  if (!redirectTo) return false
  const host = hostname(redirectTo)
  if (host !== null && host === hostname(siteUrl)) return true
  return allowList.some((pattern) => globToRegExp(pattern).test(redirectTo))
}

/** The redirect_to to use: the requested one when allowed, otherwise the site URL. */
export function chooseRedirect(
  requested: string | null | undefined,
  siteUrl: string,
  allowList: string[],
) {
  return requested && isRedirectAllowed(requested, siteUrl, allowList) ? requested : siteUrl
}
