// The candidate's draft answer to one proposal, previewed exactly as the public will see it on
// the proposal page, with what publishing will do; then publish it, change it, or discard it.
// Nobody but the candidate can read a draft (RLS).
import { parseWithZod } from '@conform-to/zod/v4'
import {
  json,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { AnswerForm } from '~/components/answer-form'
import { CandidateAnswer, type CandidateAnswerData } from '~/components/candidate-answer'
import { Button } from '~/components/ui/button'
import {
  discardAnswerDraft,
  getAnswerDraft,
  publishAnswer,
  saveAnswerDraft,
} from '~/models/answer-draft.server'
import { getCandidateAnswer } from '~/models/candidate-answer.server'
import { getReviewProposal } from '~/models/review.server'
import { answerSchema } from '~/utils/answer-schema'
import { decisionLabels } from '~/utils/proposal-statuses'
import { longDate } from '~/utils/dates'
import { redirectWithFlash } from '~/utils/flash.server'
import { invariantResponse, unknownAction } from '~/utils/http.server'
import { requireSiteRole } from '~/models/permissions.server'
import { getRequestContext, type RequestContext } from '~/utils/request-context.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Preview your answer · ${data.proposal.title} · Policy Forum` : 'Policy Forum' },
]

function requireCandidate(client: RequestContext) {
  return requireSiteRole(client, ['candidate'], 'Only the candidate can draft and publish answers.')
}

export async function loader({ request, params, context: loadContext }: LoaderFunctionArgs) {
  const { supabase, headers, user } = await requireCandidate(
    getRequestContext(request, loadContext),
  )
  const proposalId = params.id ?? ''
  const proposal = await getReviewProposal(supabase, proposalId)
  invariantResponse(proposal, 'There is no proposal at this address, or you cannot see it.', {
    status: 404,
    headers,
  })
  const [draft, answer, me] = await Promise.all([
    getAnswerDraft(supabase, proposal.id),
    getCandidateAnswer(supabase, proposal.id),
    supabase.from('profiles').select('display_name').eq('id', user.id).single(),
  ])
  // What the proposal page will show once published: the draft as the answer and, for a
  // correction, the wording it replaces kept as corrected.
  const now = new Date().toISOString()
  const preview: CandidateAnswerData | null = draft
    ? {
        decision: draft.decision,
        explanation: draft.explanation,
        respondedAt: answer?.respondedAt ?? now,
        updatedAt: now,
        responderName: me.data?.display_name ?? null,
        corrections: answer
          ? [
              {
                decision: answer.decision,
                explanation: answer.explanation,
                publishedAt: answer.updatedAt,
                correctedAt: now,
              },
              ...answer.corrections,
            ]
          : [],
      }
    : null
  return json({ proposal, draft, preview, isCorrection: Boolean(answer) }, { headers })
}

export async function action({ request, params, context: loadContext }: ActionFunctionArgs) {
  const { supabase, headers } = await requireCandidate(getRequestContext(request, loadContext))
  const proposalId = params.id ?? ''
  const formData = await request.formData()
  const here = `/review/answers/${proposalId}`
  switch (formData.get('intent')) {
    case 'save-draft': {
      const submission = parseWithZod(formData, { schema: answerSchema })
      if (submission.status !== 'success' || submission.value.proposalId !== proposalId)
        return json({ result: submission.reply() }, { status: 400, headers })
      const saved = await saveAnswerDraft(supabase, submission.value)
      if (!saved.ok)
        return json(
          { result: submission.reply({ formErrors: [saved.message] }) },
          { status: 400, headers },
        )
      return redirectWithFlash(
        here,
        { kind: 'success', message: 'Draft saved. Nobody else can see it yet.' },
        headers,
      )
    }
    case 'publish': {
      const published = await publishAnswer(supabase, proposalId)
      if (!published.ok)
        return redirectWithFlash(here, { kind: 'error', message: published.message }, headers)
      return redirectWithFlash(
        '/review?tab=answered',
        {
          kind: 'success',
          message:
            'Answer published. It shows on the proposal page, and its authors and supporters are being told.',
        },
        headers,
      )
    }
    case 'discard': {
      await discardAnswerDraft(supabase, proposalId)
      return redirectWithFlash(
        '/review',
        { kind: 'info', message: 'Draft discarded. Nothing was published.' },
        headers,
      )
    }
    default:
      throw unknownAction(headers)
  }
}

export default function AnswerPreview() {
  const { proposal, draft, preview, isCorrection } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const publishing = navigation.formData?.get('intent') === 'publish'
  const proposalHref = `/groups/${proposal.groupSlug}/proposals/${proposal.id}`
  return (
    <div className="max-w-3xl">
      <p className="text-sm">
        <Link to="/review" className="font-semibold text-brand-700 underline">
          Back to the review
        </Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">
        {isCorrection ? 'Preview your correction' : 'Preview your answer'}
      </h1>
      <p className="mt-2 text-lg text-stone-700">
        To{' '}
        <Link to={proposalHref} className="font-semibold underline">
          {proposal.title}
        </Link>{' '}
        ({proposal.groupName})
      </p>
      {draft && preview ? (
        <>
          <section aria-labelledby="preview-heading" className="mt-6">
            <h2 id="preview-heading" className="text-xl font-bold">
              As the public will see it on the proposal page
            </h2>
            <p className="mt-1 text-stone-700">
              Draft saved <time dateTime={draft.updatedAt}>{longDate(draft.updatedAt)}</time>. Only
              you can see it.
            </p>
            <div className="mt-3 rounded-xl border-2 border-dashed border-stone-400 p-3">
              <CandidateAnswer answer={preview} id="preview-answer" />
            </div>
          </section>
          <section
            aria-labelledby="publish-heading"
            className="mt-8 rounded-xl border border-stone-300 bg-white p-5"
          >
            <h2 id="publish-heading" className="text-xl font-bold">
              Publish
            </h2>
            <ul className="mt-2 list-disc space-y-1 pl-5 text-stone-800">
              <li>
                The answer ({decisionLabels[draft.decision]}) goes on the proposal page at once, for
                anyone to read.
              </li>
              <li>
                The proposal’s authors and its {proposal.support}{' '}
                {proposal.support === 1 ? 'supporter' : 'supporters'} are told.
              </li>
              <li>
                {isCorrection
                  ? 'The page shows that the answer was corrected, with the earlier wording.'
                  : 'You can correct it later; the page will then show what changed.'}
              </li>
            </ul>
            <Form method="post" className="mt-4">
              <input type="hidden" name="intent" value="publish" />
              <Button type="submit" pending={publishing} disabled={publishing}>
                {isCorrection ? 'Publish the correction' : 'Publish the answer'}
              </Button>
            </Form>
          </section>
          <section aria-labelledby="change-heading" className="mt-8">
            <h2 id="change-heading" className="text-xl font-bold">
              Change the draft
            </h2>
            <div className="mt-3">
              <AnswerForm
                proposalId={proposal.id}
                proposalTitle={proposal.title}
                defaultValue={{ decision: draft.decision, explanation: draft.explanation }}
                lastResult={actionData?.result}
                submitLabel="Save the draft and preview it again"
              />
            </div>
            <Form method="post" className="mt-6">
              <input type="hidden" name="intent" value="discard" />
              <Button type="submit" variant="secondary">
                Discard the draft
              </Button>
            </Form>
          </section>
        </>
      ) : (
        <section aria-labelledby="no-draft-heading" className="mt-6">
          <h2 id="no-draft-heading" className="text-xl font-bold">
            No draft to preview
          </h2>
          <p className="mt-2 text-stone-700">
            There is no saved draft for this proposal. Write one on the review page.
          </p>
          <div className="mt-4">
            <AnswerForm
              proposalId={proposal.id}
              proposalTitle={proposal.title}
              lastResult={actionData?.result}
              submitLabel="Save the draft and preview it"
            />
          </div>
        </section>
      )}
    </div>
  )
}
