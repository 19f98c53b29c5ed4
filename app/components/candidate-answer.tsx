// The candidate's public answer to a proposal: the decision, the explanation in the
// candidate's own paragraphs (React escapes it), who answered and when.
import type { Enums } from '~/types/database'
import { longDate } from '~/utils/dates'
import { PlainText } from './plain-text'

export type CandidateAnswerData = {
  decision: Enums<'candidate_decision'>
  explanation: string
  respondedAt: string
  updatedAt: string
  responderName: string | null
}

const frames: Record<Enums<'candidate_decision'>, string> = {
  adopted: 'border-green-700 bg-green-50',
  considering: 'border-sky-700 bg-sky-50',
  declined: 'border-rose-700 bg-rose-50',
}

const sentences: Record<Enums<'candidate_decision'>, string> = {
  adopted: 'The candidate has adopted this proposal.',
  considering: 'The candidate is considering this proposal.',
  declined: 'The candidate will not take this proposal forward.',
}

// A revision within a minute of the first answer is the same answer, not an update.
function wasRevised(answer: CandidateAnswerData) {
  return new Date(answer.updatedAt).getTime() - new Date(answer.respondedAt).getTime() > 60_000
}

export function CandidateAnswer({
  answer,
  headingLevel = 3,
  id = 'candidate-answer',
}: {
  answer: CandidateAnswerData
  headingLevel?: 2 | 3 | 4
  id?: string
}) {
  const Heading = `h${headingLevel}` as const
  return (
    <section
      aria-labelledby={`${id}-heading`}
      className={`rounded-xl border-l-8 border-y border-r p-5 ${frames[answer.decision]}`}
    >
      <Heading id={`${id}-heading`} className="text-lg font-bold">
        The candidate’s answer
      </Heading>
      <p className="mt-2 font-semibold">{sentences[answer.decision]}</p>
      <PlainText text={answer.explanation} className="mt-3 text-stone-900" />
      <p className="mt-3 text-sm text-stone-700">
        {answer.responderName ? `Answered by ${answer.responderName}` : 'Answered'} on{' '}
        <time dateTime={answer.respondedAt}>{longDate(answer.respondedAt)}</time>
        {wasRevised(answer) ? (
          <>
            {' '}
            · updated <time dateTime={answer.updatedAt}>{longDate(answer.updatedAt)}</time>
          </>
        ) : null}
      </p>
    </section>
  )
}
