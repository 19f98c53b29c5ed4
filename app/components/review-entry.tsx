// One proposal in the candidate's review: what it asks, who backs it where, and the answer —
// a form while it waits, the published answer (open to revision) once given.
import type { SubmissionResult } from '@conform-to/react'
import { Link } from '@remix-run/react'
import type { ReviewEntryData } from '~/models/review-page.server'
import { AnswerForm } from './answer-form'
import { CandidateAnswer } from './candidate-answer'
import { HorizonBadge } from './horizon-badge'
import { RegionTallies } from './region-tallies'
import { StatusBadge } from './status-badge'

export function ReviewEntry({
  proposal,
  rank,
  canAnswer,
  lastResult,
}: {
  proposal: ReviewEntryData
  rank: number
  canAnswer: boolean
  lastResult: SubmissionResult<string[]> | null
}) {
  const { answer } = proposal
  const titleId = `proposal-${proposal.id}-title`
  return (
    <article aria-labelledby={titleId} className="rounded-xl border border-stone-300 bg-white p-5">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <span className="font-semibold text-stone-700">No. {rank}</span>
        <Link
          to={`/groups/${proposal.group.slug}`}
          className="font-semibold text-brand-700 underline"
        >
          {proposal.group.name}
        </Link>
        {proposal.group.horizon ? <HorizonBadge horizon={proposal.group.horizon} /> : null}
        <StatusBadge status={proposal.status} />
      </div>
      <h3 id={titleId} className="mt-2 text-lg font-bold">
        <Link
          to={`/groups/${proposal.group.slug}/proposals/${proposal.id}`}
          className="hover:underline"
        >
          {proposal.title}
        </Link>
      </h3>
      {proposal.summary ? <p className="mt-1 text-stone-800">{proposal.summary}</p> : null}
      <p className="mt-2 text-sm text-stone-700">
        <strong className="text-stone-900">{proposal.support}</strong> support ·{' '}
        <strong className="text-stone-900">{proposal.oppose}</strong> oppose · {proposal.comments}{' '}
        {proposal.comments === 1 ? 'comment' : 'comments'} · {proposal.acceptedAmendments}{' '}
        {proposal.acceptedAmendments === 1 ? 'accepted amendment' : 'accepted amendments'}
      </p>
      <RegionTallies rows={proposal.regions} id={`proposal-${proposal.id}-boroughs`} />
      <div className="mt-5 border-t border-stone-200 pt-4">
        {answer ? (
          <>
            <CandidateAnswer
              answer={answer}
              headingLevel={4}
              id={`proposal-${proposal.id}-answer`}
            />
            {canAnswer ? (
              <details open={Boolean(lastResult)} className="mt-3">
                <summary className="cursor-pointer font-semibold text-brand-700 underline">
                  Revise the answer
                </summary>
                <div className="mt-3">
                  <AnswerForm
                    proposalId={proposal.id}
                    proposalTitle={proposal.title}
                    defaultValue={{ decision: answer.decision, explanation: answer.explanation }}
                    lastResult={lastResult}
                    submitLabel="Publish the revised answer"
                  />
                </div>
              </details>
            ) : null}
          </>
        ) : canAnswer ? (
          <AnswerForm
            proposalId={proposal.id}
            proposalTitle={proposal.title}
            lastResult={lastResult}
            submitLabel="Publish the answer"
          />
        ) : (
          <p className="text-stone-700">Not answered yet. Only the candidate can answer.</p>
        )}
      </div>
    </article>
  )
}
