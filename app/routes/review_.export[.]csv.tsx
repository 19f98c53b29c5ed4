// /review/export.csv?status=forwarded|shortlisted|answered&group=slug: a spreadsheet of the
// proposals for the candidate, admins, and a group's facilitators (their group only).
import type { LoaderFunctionArgs } from '@remix-run/node'
import { getRequestContext } from '~/utils/request-context.server'
import { downloadResponse, loadExportForRequest } from '~/models/review-download.server'
import { exportCsv, exportFilename } from '~/models/review-export-format'

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { data, filters, group, headers } = await loadExportForRequest(
    getRequestContext(request, context),
  )
  return downloadResponse(exportCsv(data), {
    type: 'text/csv',
    filename: exportFilename(filters.status, group?.slug ?? null, 'csv'),
    headers,
  })
}
