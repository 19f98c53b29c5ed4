// One proposal on the print page: every field the exports hold, laid out for paper.
import type { Enums } from '~/types/database'
import { BoroughTable, type BoroughRow } from './borough-table'
import { CandidateAnswer, type CandidateAnswerData } from './candidate-answer'
import { statusLabels } from '~/utils/proposal-statuses'

export type PrintProposalData = {
  id: string
  title: string
  group: { name: string }
  authors: Array<{ displayName: string }>
  status: Enums<'proposal_status'>
  support: number
  oppose: number
  comments: number
  regions: BoroughRow[]
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
      <BoroughTable
        rows={proposal.regions}
        caption={<>Support by borough</>}
        className="mt-6 max-w-md print:break-inside-avoid"
      />
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
