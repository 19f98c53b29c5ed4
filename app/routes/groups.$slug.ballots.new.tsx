// A facilitator opens a priority ballot: the question, 2–10 of the group's open or
// shortlisted proposals, and when it opens and closes (London time). Postgres checks it all
// again (open_ballot) and only the group's facilitators and admins may.
import {
  json,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { Button } from '~/components/ui/button'
import { ErrorList, FormErrors, TextField } from '~/components/ui/field'
import { listBallotCandidates, openBallot } from '~/models/ballot.server'
import {
  ballotQuestionLimit,
  isoToLondonLocal,
  londonLocalToIso,
  openBallotSchema,
} from '~/utils/ballot-form'
import { redirectWithFlash } from '~/utils/flash.server'
import { curators, requireGroupRole } from '~/models/permissions.server'
import { getRequestContext } from '~/utils/request-context.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Open a ballot · ${data.group.name} · Policy Forum` : 'Policy Forum' },
]

const refusal = 'Only the group’s facilitators and admins can open a ballot.'

export async function loader({ request, params, context: loadContext }: LoaderFunctionArgs) {
  const client = getRequestContext(request, loadContext)
  const context = await requireGroupRole(client, params.slug, curators, refusal)
  const candidates = await listBallotCandidates(client.supabase, context.group.id)
  const now = Date.now()
  return json(
    {
      group: { slug: context.group.slug, name: context.group.name },
      candidates,
      defaults: {
        opensAt: isoToLondonLocal(new Date(now).toISOString()),
        closesAt: isoToLondonLocal(new Date(now + 7 * 24 * 3600 * 1000).toISOString()),
      },
    },
    { headers: client.headers },
  )
}

type Values = { question: string; proposals: string[]; opensAt: string; closesAt: string }

export async function action({ request, params, context: loadContext }: ActionFunctionArgs) {
  const client = getRequestContext(request, loadContext)
  const context = await requireGroupRole(client, params.slug, curators, refusal)
  const formData = await request.formData()
  const values: Values = {
    question: String(formData.get('question') ?? ''),
    proposals: formData.getAll('proposals').map(String),
    opensAt: String(formData.get('opensAt') ?? ''),
    closesAt: String(formData.get('closesAt') ?? ''),
  }
  const parsed = openBallotSchema.safeParse({ ...values, opensAt: values.opensAt || undefined })
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {}
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? 'form')
      ;(fieldErrors[key] ??= []).push(issue.message)
    }
    return json({ values, fieldErrors, formError: null }, { status: 400, headers: client.headers })
  }
  const opened = await openBallot(client.supabase, {
    groupId: context.group.id,
    question: parsed.data.question,
    proposalIds: parsed.data.proposals,
    opensAt: parsed.data.opensAt
      ? londonLocalToIso(parsed.data.opensAt)!
      : new Date().toISOString(),
    closesAt: londonLocalToIso(parsed.data.closesAt)!,
  })
  if (!opened.ok)
    return json(
      { values, fieldErrors: {} as Record<string, string[]>, formError: opened.message },
      { status: 400, headers: client.headers },
    )
  return redirectWithFlash(
    `/groups/${context.group.slug}/ballots/${opened.id}`,
    { kind: 'success', message: 'The ballot is open. Members with standing can rank now.' },
    client.headers,
  )
}

export default function NewBallot() {
  const { candidates, defaults } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const pending = useNavigation().state === 'submitting'
  const values = actionData?.values
  const errors = actionData?.fieldErrors ?? {}
  const chosen = new Set(values?.proposals ?? [])
  return (
    <section aria-labelledby="new-ballot-heading" className="max-w-2xl">
      <h2 id="new-ballot-heading" className="text-2xl font-bold">
        Open a priority ballot
      </h2>
      <p className="mt-2 text-stone-700">
        Members with standing rank the proposals you choose; the alternative vote decides which
        comes first. Rankings stay secret: not even facilitators see them.
      </p>
      <Form method="post" className="mt-6 space-y-6" noValidate>
        <FormErrors
          id="ballot-form-errors"
          errors={actionData?.formError ? [actionData.formError] : null}
        />
        <TextField
          id="question"
          name="question"
          label="Question"
          hint="For example: Which bus proposal should go to the candidate first?"
          maxLength={ballotQuestionLimit}
          defaultValue={values?.question ?? ''}
          errors={errors.question}
        />
        <fieldset aria-describedby={errors.proposals ? 'proposals-errors' : 'proposals-hint'}>
          <legend className="font-semibold">Proposals to rank (2 to 10)</legend>
          <p id="proposals-hint" className="text-sm text-stone-600">
            Open and shortlisted proposals of the group.
          </p>
          {candidates.length < 2 ? (
            <p className="mt-2">The group needs at least two open or shortlisted proposals.</p>
          ) : (
            <ul className="mt-2 space-y-1">
              {candidates.map((p) => (
                <li key={p.id} className="flex items-start gap-2">
                  <input
                    type="checkbox"
                    id={`proposal-${p.id}`}
                    name="proposals"
                    value={p.id}
                    defaultChecked={chosen.has(p.id)}
                    className="mt-1"
                  />
                  <label htmlFor={`proposal-${p.id}`}>
                    {p.title}
                    {p.status === 'shortlisted' ? (
                      <span className="ml-2 text-sm text-stone-700">(shortlisted)</span>
                    ) : null}
                  </label>
                </li>
              ))}
            </ul>
          )}
          <ErrorList id="proposals-errors" errors={errors.proposals} />
        </fieldset>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            id="opensAt"
            name="opensAt"
            type="datetime-local"
            label="Opens (London time)"
            defaultValue={values?.opensAt ?? defaults.opensAt}
            errors={errors.opensAt}
          />
          <TextField
            id="closesAt"
            name="closesAt"
            type="datetime-local"
            label="Closes (London time)"
            defaultValue={values?.closesAt ?? defaults.closesAt}
            errors={errors.closesAt}
          />
        </div>
        <Button type="submit" pending={pending}>
          Open the ballot
        </Button>
      </Form>
    </section>
  )
}
