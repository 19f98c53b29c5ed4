// /review/export.md?status=forwarded|shortlisted|answered&group=slug: the same proposals as
// the spreadsheet, as a Markdown document with one section per proposal.
import type { LoaderFunctionArgs } from '@remix-run/node'
import { getRequestContext } from '~/utils/request-context.server'
import { downloadResponse, loadExportForRequest } from '~/models/review-download.server'
import { exportFilename, exportMarkdown } from '~/models/review-export-format'

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { data, filters, group, headers, title } = await loadExportForRequest(
    getRequestContext(request, context),
  )
  return downloadResponse(exportMarkdown(data, { title, exportedAt: new Date() }), {
    type: 'text/markdown',
    filename: exportFilename(filters.status, group?.slug ?? null, 'md'),
    headers,
  })
}
