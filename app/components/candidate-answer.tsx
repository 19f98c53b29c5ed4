// The candidate's public answer to a proposal: the decision, the explanation in the
// candidate's own paragraphs (React escapes it), who answered and when; and, once corrected,
// each earlier wording and what the correction changed.
import type { Enums } from '~/types/database'
import { longDate } from '~/utils/dates'
import { diffWords } from '~/utils/word-diff'
import { PlainText } from './plain-text'
import { WordDiffText } from './word-diff-text'

export type CorrectedWordingData = {
  decision: Enums<'candidate_decision'>
  explanation: string
  publishedAt: string
  correctedAt: string
}

export type CandidateAnswerData = {
  decision: Enums<'candidate_decision'>
  explanation: string
  respondedAt: string
  updatedAt: string
  responderName: string | null
  /** Earlier wordings, the latest correction first. */
  corrections?: CorrectedWordingData[]
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

function decisionChange(before: CorrectedWordingData, after: { decision: string }) {
  return before.decision === after.decision
    ? null
    : `Before the correction: ${sentences[before.decision].replace('The candidate', 'the candidate')}`
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
  const corrections = answer.corrections ?? []
  const latest = corrections[0]
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
        {latest ? (
          <>
            {' '}
            · <strong>corrected</strong> on{' '}
            <time dateTime={latest.correctedAt}>{longDate(latest.correctedAt)}</time>
          </>
        ) : wasRevised(answer) ? (
          <>
            {' '}
            · updated <time dateTime={answer.updatedAt}>{longDate(answer.updatedAt)}</time>
          </>
        ) : null}
      </p>
      {corrections.length ? (
        <details open className="mt-3 rounded-md border border-stone-300 bg-white p-3">
          <summary className="cursor-pointer font-semibold text-brand-800 underline">
            {corrections.length === 1
              ? 'What the correction changed'
              : `What the ${corrections.length} corrections changed`}
          </summary>
          <ol className="mt-3 space-y-4">
            {corrections.map((earlier, index) => {
              const next = index === 0 ? answer : corrections[index - 1]
              return (
                <li key={earlier.correctedAt}>
                  <p className="text-sm text-stone-700">
                    Corrected on{' '}
                    <time dateTime={earlier.correctedAt}>{longDate(earlier.correctedAt)}</time>; the
                    wording published on{' '}
                    <time dateTime={earlier.publishedAt}>{longDate(earlier.publishedAt)}</time> with
                    removed words struck through and added words marked:
                  </p>
                  {decisionChange(earlier, next) ? (
                    <p className="mt-1 font-semibold">{decisionChange(earlier, next)}</p>
                  ) : null}
                  <WordDiffText
                    parts={diffWords(earlier.explanation, next.explanation)}
                    className="mt-1 text-stone-900"
                  />
                </li>
              )
            })}
          </ol>
        </details>
      ) : null}
    </section>
  )
}
