// Small response helpers shared by loaders and actions.

/** Throws a Response with the given status when the value is falsy (Epic Stack's helper). */
export function invariantResponse(
  value: unknown,
  message: string,
  init?: ResponseInit,
): asserts value {
  if (!value) {
    // combineHeaders, not a spread: a Headers object (with refreshed session cookies) has no
    // own properties to spread.
    const headers = combineHeaders({ 'Content-Type': 'text/plain; charset=utf-8' }, init?.headers)
    throw new Response(message, { status: 400, ...init, headers })
  }
}

/** The answer to a form whose intent no branch of the action handles: a 400, nothing changed. */
export function unknownAction(headers?: HeadersInit) {
  return new Response('Unknown action.', {
    status: 400,
    headers: combineHeaders({ 'Content-Type': 'text/plain; charset=utf-8' }, headers),
  })
}

/** Merges header sets: Set-Cookie values are appended, others overwritten. */
export function combineHeaders(...sources: Array<HeadersInit | null | undefined>) {
  const combined = new Headers()
  for (const source of sources) {
    if (!source) continue
    new Headers(source).forEach((value, key) => {
      if (key.toLowerCase() === 'set-cookie') return
      combined.set(key, value)
    })
    for (const cookie of new Headers(source).getSetCookie()) combined.append('Set-Cookie', cookie)
  }
  return combined
}
