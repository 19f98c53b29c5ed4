// Only same-site paths are followed after sign-in; anything else goes home.
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = '/') {
  if (!to || typeof to !== 'string') return fallback
  const target = to.trim()
  if (
    !target.startsWith('/') ||
    target.startsWith('//') ||
    target.startsWith('/\\') ||
    /[\u0000-\u001f]/.test(target)
  ) {
    return fallback
  }
  return target
}
