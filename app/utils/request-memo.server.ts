// Work shared by the loaders of one page request. Remix runs the root, layout and page
// loaders side by side; without this each asked Supabase again who the member is, what their
// roles are and what the group is. Keyed by an object that lives exactly as long as the work
// may be shared (the request's load context, or one Supabase client), so nothing outlives it.
const caches = new WeakMap<object, Map<string, Promise<unknown>>>()

export function memoFor<T>(owner: object, key: string, compute: () => Promise<T>): Promise<T> {
  let cache = caches.get(owner)
  if (!cache) {
    cache = new Map()
    caches.set(owner, cache)
  }
  let value = cache.get(key) as Promise<T> | undefined
  if (!value) {
    value = compute()
    cache.set(key, value)
    // A failure is not remembered: the next caller tries again.
    value.catch(() => cache.delete(key))
  }
  return value
}
