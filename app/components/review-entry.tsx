// One proposal in the candidate's review: what it asks, who backs it where, the facilitators'
// cover note, and the answer — a form (saved as a private draft to preview) while it waits,
// the published answer (open to correction) once given.
import type { SubmissionResult } from '@conform-to/react'
import { Link } from '@remix-run/react'
import type { BallotSummary } from '~/models/ballot.server'
import type { ReviewEntryData } from '~/models/review-page.server'
import { longDate } from '~/utils/dates'
import { decisionLabels } from '~/utils/proposal-statuses'
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
  const { answer, draft, forwarding } = proposal
  const previewHref = `/review/answers/${proposal.id}`
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
      {forwarding ? (
        <div className="mt-4 rounded-md border border-stone-300 bg-stone-50 p-3 text-sm">
          <p className="text-stone-700">
            Forwarded on{' '}
            <time dateTime={forwarding.forwardedAt}>{longDate(forwarding.forwardedAt)}</time>
            {forwarding.forwardedBy ? ` by ${forwarding.forwardedBy}` : ''}
            {forwarding.coverNote ? ', with this note from the facilitators:' : ', with no note.'}
          </p>
          {forwarding.ballot ? <BallotResultLine summary={forwarding.ballot} /> : null}
          {forwarding.coverNote ? (
            <blockquote className="mt-1 whitespace-pre-line border-l-4 border-stone-400 pl-3 text-stone-900">
              {forwarding.coverNote}
            </blockquote>
          ) : null}
        </div>
      ) : null}
      {draft && canAnswer ? (
        <div className="mt-4 rounded-md border-2 border-amber-500 bg-amber-50 p-3">
          <p className="font-semibold text-amber-950">
            Your draft {answer ? 'correction' : 'answer'} ({decisionLabels[draft.decision]}), saved{' '}
            <time dateTime={draft.updatedAt}>{longDate(draft.updatedAt)}</time>, is not public yet.
          </p>
          <Link
            to={previewHref}
            className="mt-1 inline-block font-semibold text-brand-700 underline"
          >
            Preview and publish the draft
            <span className="sr-only"> for “{proposal.title}”</span>
          </Link>
        </div>
      ) : null}
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
                  Correct the answer
                </summary>
                <div className="mt-3">
                  <p className="mb-3 text-sm text-stone-700">
                    A correction is previewed before it is published; the page then shows that the
                    answer was corrected, and what changed.
                  </p>
                  <AnswerForm
                    proposalId={proposal.id}
                    proposalTitle={proposal.title}
                    defaultValue={
                      draft ?? { decision: answer.decision, explanation: answer.explanation }
                    }
                    lastResult={lastResult}
                    submitLabel="Save the correction and preview it"
                  />
                </div>
              </details>
            ) : null}
          </>
        ) : canAnswer ? (
          <AnswerForm
            proposalId={proposal.id}
            proposalTitle={proposal.title}
            defaultValue={draft ?? undefined}
            lastResult={lastResult}
            submitLabel="Save the draft and preview it"
          />
        ) : (
          <p className="text-stone-700">Not answered yet. Only the candidate can answer.</p>
        )}
      </div>
    </article>
  )
}

const count = new Intl.NumberFormat('en-GB')
const percent = new Intl.NumberFormat('en-GB', { style: 'percent', maximumFractionDigits: 1 })

/** How the members ranked it: the priority ballot this proposal won, beside the proposal. */
function BallotResultLine({ summary }: { summary: BallotSummary }) {
  const ratio = (a: number, b: number) => (b > 0 ? percent.format(a / b) : '—')
  return (
    <p className="mt-2 rounded-md border border-green-700 bg-green-50 p-2 text-stone-900">
      <strong>Won the members’ priority ballot</strong> “{summary.question}”:{' '}
      {count.format(summary.winnerVotes)} of {count.format(summary.live)} live ballots (
      {ratio(summary.winnerVotes, summary.live)}) in round {summary.rounds} of {summary.rounds};
      turnout {count.format(summary.ballots)} of {count.format(summary.eligible)} (
      {ratio(summary.ballots, summary.eligible)}).{' '}
      <Link
        to={`/groups/${summary.groupSlug}/ballots/${summary.ballotId}`}
        className="font-semibold text-brand-700 underline"
      >
        See the rounds
      </Link>
    </p>
  )
}
