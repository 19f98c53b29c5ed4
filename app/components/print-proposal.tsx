// One proposal on the print page: every field the exports hold, laid out for paper.
import type { Enums } from '~/types/database'
import { CandidateAnswer, type CandidateAnswerData } from './candidate-answer'
import { statusLabels } from './status-badge'

export type PrintProposalData = {
  id: string
  title: string
  group: { name: string }
  authors: Array<{ displayName: string }>
  status: Enums<'proposal_status'>
  support: number
  oppose: number
  comments: number
  regions: Array<{ slug: string; name: string; support: number; oppose: number }>
  summary: string
  bodyHtml: string
  answer: CandidateAnswerData | null
  url: string
}

export function PrintProposal({ proposal, rank }: { proposal: PrintProposalData; rank: number }) {
  const id = `print-${proposal.id}`
  return (
    <article
      aria-labelledby={`${id}-title`}
      className="rounded-xl border border-stone-300 bg-white p-6 print:break-before-page print:rounded-none print:border-0 print:p-0 print:first:break-before-auto"
    >
      <p className="text-sm text-stone-700">
        No. {rank} · {proposal.group.name} · {statusLabels[proposal.status]}
      </p>
      <h2 id={`${id}-title`} className="mt-1 text-2xl font-bold">
        {proposal.title}
      </h2>
      <p className="mt-1 text-stone-800">
        By {proposal.authors.map((a) => a.displayName).join(', ') || 'no one listed'} ·{' '}
        {proposal.support} support · {proposal.oppose} oppose · {proposal.comments}{' '}
        {proposal.comments === 1 ? 'comment' : 'comments'}
      </p>
      <p className="mt-1 break-all text-sm text-stone-700">{proposal.url}</p>
      {proposal.summary ? <p className="mt-4 text-lg font-medium">{proposal.summary}</p> : null}
      <div className="prose-forum mt-4" dangerouslySetInnerHTML={{ __html: proposal.bodyHtml }} />
      <table className="mt-6 w-full max-w-md text-sm print:break-inside-avoid">
        <caption className="text-left font-semibold">Support by borough</caption>
        <thead>
          <tr className="text-left text-stone-700">
            <th scope="col" className="py-1 pr-2 font-semibold">
              Where
            </th>
            <th scope="col" className="py-1 pr-2 text-right font-semibold">
              For
            </th>
            <th scope="col" className="py-1 text-right font-semibold">
              Against
            </th>
          </tr>
        </thead>
        <tbody>
          {proposal.regions.map((r) => (
            <tr key={r.slug} className="border-t border-stone-200">
              <th scope="row" className="py-1 pr-2 text-left font-medium">
                {r.name}
              </th>
              <td className="py-1 pr-2 text-right tabular-nums">{r.support}</td>
              <td className="py-1 text-right tabular-nums">{r.oppose}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="mt-6 print:break-inside-avoid">
        {proposal.answer ? (
          <CandidateAnswer answer={proposal.answer} id={`${id}-answer`} />
        ) : (
          <p className="text-stone-700">The candidate has not answered yet.</p>
        )}
      </div>
    </article>
  )
}
