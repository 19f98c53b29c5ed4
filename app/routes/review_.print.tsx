// /review/print?status=…&group=…: the exports' proposals on one page, for paper. Printed,
// the site's header and footer disappear and each proposal starts a new page.
import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { PrintProposal } from '~/components/print-proposal'
import { renderProposalHtml } from '~/editor/render.server'
import { longDate } from '~/utils/dates'
import { combineHeaders } from '~/utils/http.server'
import { getRequestContext } from '~/utils/request-context.server'
import { loadExportForRequest } from '~/models/review-download.server'
import { exportHref } from '~/utils/review-listing'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.title} · Print · Policy Forum` : 'Policy Forum' },
]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { data, filters, title, headers, group, canReview } = await loadExportForRequest(
    getRequestContext(request, context),
  )
  return json(
    {
      title,
      filters,
      // Facilitators go back to their group: the review page is the candidate's.
      back: canReview
        ? { to: '/review', label: 'Back to the review' }
        : { to: `/groups/${group?.slug}`, label: `Back to ${group?.name}` },
      printedAt: new Date().toISOString(),
      proposals: data.proposals.map(
        ({ body, fullText: _fullText, fullMarkdown: _fullMarkdown, ...proposal }) => ({
          ...proposal,
          bodyHtml: renderProposalHtml(body),
        }),
      ),
    },
    { headers: combineHeaders(headers, { 'Cache-Control': 'private, no-store' }) },
  )
}

export default function PrintPage() {
  const { title, filters, back, printedAt, proposals } = useLoaderData<typeof loader>()
  return (
    <div className="max-w-3xl print:max-w-none">
      <div className="print:hidden">
        <Link to={back.to} className="text-brand-700 underline">
          {back.label}
        </Link>
      </div>
      <h1 className="mt-2 text-3xl font-bold">{title}</h1>
      <p className="mt-2 text-stone-700">
        {proposals.length === 1 ? '1 proposal' : `${proposals.length} proposals`}, ranked Top first
        · printed <time dateTime={printedAt}>{longDate(printedAt)}</time>
      </p>
      <p className="mt-2 text-stone-700 print:hidden">
        Use your browser’s Print command: the site’s navigation is left out and each proposal starts
        on a new page. Also as a{' '}
        <a href={exportHref('export.csv', filters)} className="text-brand-700 underline">
          spreadsheet
        </a>{' '}
        or a{' '}
        <a href={exportHref('export.md', filters)} className="text-brand-700 underline">
          Markdown document
        </a>
        .
      </p>
      {proposals.length ? (
        <div className="mt-8 space-y-8 print:space-y-0">
          {proposals.map((proposal, index) => (
            <PrintProposal key={proposal.id} proposal={proposal} rank={index + 1} />
          ))}
        </div>
      ) : (
        <p className="mt-8 text-stone-700">No proposals here.</p>
      )}
    </div>
  )
}
