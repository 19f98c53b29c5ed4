// What the two downloads and the print page share: who may ask (requireExporter), which
// proposals (status and group from the address), and how a download is sent.
import { loadExport } from './review-export.server'
import { combineHeaders } from '~/utils/http.server'
import { requireExporter } from './permissions.server'
import type { RequestContext } from '~/utils/request-context.server'
import { exportStatuses, parseExportParams } from '~/utils/review-listing'

export async function loadExportForRequest(client: RequestContext) {
  const url = new URL(client.request.url)
  const filters = parseExportParams(url.searchParams)
  const { supabase, headers, group, canReview } = await requireExporter(client, filters.group)
  const data = await loadExport(supabase, {
    statuses: exportStatuses[filters.status].statuses,
    groupId: group?.id ?? null,
    origin: url.origin,
  })
  const title = `Proposals ${exportStatuses[filters.status].label.toLowerCase()}: ${group ? group.name : 'all groups'}`
  return { data, filters, group, headers, title, canReview }
}

export function downloadResponse(
  body: string,
  { type, filename, headers }: { type: string; filename: string; headers: Headers },
) {
  return new Response(body, {
    headers: combineHeaders(headers, {
      'Content-Type': `${type}; charset=utf-8`,
      'Content-Disposition': `attachment; filename="${filename}"`,
      // Member data for the candidate's eyes: not for shared caches.
      'Cache-Control': 'private, no-store',
    }),
  })
}
