// The candidate's answers as a list: which proposal, the decision, the opening of the
// explanation and when. The front page shows the latest few; /answers shows them all.
import { Link } from '@remix-run/react'
import type { FeedAnswer } from '~/models/answers-feed.server'
import { decisionLabels } from '~/utils/proposal-statuses'
import { longDate } from '~/utils/dates'

const tones: Record<FeedAnswer['decision'], string> = {
  adopted: 'border-l-green-700',
  considering: 'border-l-sky-700',
  declined: 'border-l-rose-700',
}

const EXCERPT_LENGTH = 280

function excerpt(text: string) {
  if (text.length <= EXCERPT_LENGTH) return text
  const cut = text.slice(0, EXCERPT_LENGTH)
  return `${cut.slice(0, cut.lastIndexOf(' ') > 0 ? cut.lastIndexOf(' ') : EXCERPT_LENGTH)}…`
}

export function AnswerFeedList({
  answers,
  headingLevel = 3,
}: {
  answers: FeedAnswer[]
  headingLevel?: 2 | 3
}) {
  const Heading = `h${headingLevel}` as const
  return (
    <ul className="space-y-4">
      {answers.map((answer) => (
        <li
          key={answer.proposalId}
          className={`rounded-xl border border-l-8 border-stone-300 bg-white p-5 ${tones[answer.decision]}`}
        >
          <p className="text-sm font-semibold text-stone-700">
            {decisionLabels[answer.decision]} · {answer.groupName} ·{' '}
            <time dateTime={answer.respondedAt}>{longDate(answer.respondedAt)}</time>
            {answer.corrected ? ' · corrected since' : null}
          </p>
          <Heading className="mt-1 text-lg font-bold">
            <Link
              to={`/groups/${answer.groupSlug}/proposals/${answer.proposalId}#candidate-answer-heading`}
              className="hover:underline"
            >
              {answer.proposalTitle}
            </Link>
          </Heading>
          <p className="mt-2 whitespace-pre-line text-stone-800">{excerpt(answer.explanation)}</p>
        </li>
      ))}
    </ul>
  )
}
