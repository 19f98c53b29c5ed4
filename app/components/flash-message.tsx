// The one-time message carried across a redirect.
import type { Flash } from '~/utils/flash.server'

const tones: Record<Flash['kind'], string> = {
  success: 'border-green-700 bg-green-50 text-green-900',
  info: 'border-brand-700 bg-brand-50 text-brand-900',
  error: 'border-red-700 bg-red-50 text-red-900',
}

export function FlashMessage({ flash }: { flash: Flash | null }) {
  if (!flash) return null
  return (
    <div
      role="status"
      className={`mx-auto mt-4 max-w-5xl rounded-md border px-4 py-3 ${tones[flash.kind]}`}
    >
      {flash.message}
    </div>
  )
}
