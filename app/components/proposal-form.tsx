// The proposal form: title, summary and the rich-text body. Used only by the new and edit
// routes, so only they ship the editor's JavaScript, and that after the page's own.
import {
  getFormProps,
  getInputProps,
  getTextareaProps,
  type SubmissionResult,
} from '@conform-to/react'
import { Form, useNavigation } from '@remix-run/react'
import type { ReactNode } from 'react'
import { useSimilarWhileTyping } from '~/components/similar-while-typing'
import { ErrorList, FormErrors, TextAreaField, TextField } from '~/components/ui/field'
import { LazyProposalEditor } from '~/editor/lazy-proposal-editor'
import { CHANGE_NOTE_MAX_LENGTH, proposalFieldsSchema } from '~/utils/proposal-form'
import { useSchemaForm } from '~/utils/use-schema-form'

type Values = { title: string; summary: string; body: unknown; changeNote?: string }

export function ProposalForm({
  lastResult,
  values,
  version,
  draftKey,
  similarIn,
  askChangeNote = false,
  fields: extraFields,
  actions,
}: {
  lastResult?: SubmissionResult<string[]> | null
  values: Values
  version: number | null
  draftKey: string
  /** For drafts: the group whose similar proposals are shown while the title is typed. */
  similarIn: { groupSlug: string; exclude?: string } | null
  /** A published proposal: every saved change says what changed and why. */
  askChangeNote?: boolean
  /** More of the form, before its buttons (the new proposal's co-authors). */
  fields?: ReactNode
  actions: ReactNode
}) {
  const navigation = useNavigation()
  const [form, fields] = useSchemaForm({
    id: 'proposal',
    schema: proposalFieldsSchema,
    lastResult: navigation.state === 'idle' ? lastResult : null,
    defaultValue: {
      title: values.title,
      summary: values.summary,
      changeNote: values.changeNote ?? '',
    },
  })
  const similar = useSimilarWhileTyping(similarIn?.groupSlug ?? '', similarIn?.exclude)
  const bodyErrors = (lastResult?.error?.body as string[] | undefined) ?? null
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-6">
      <FormErrors id={form.errorId} errors={form.errors} />
      {version ? <input type="hidden" name="version" value={version} /> : null}
      <TextField
        label="Title"
        hint="5 to 120 characters."
        errors={fields.title.errors}
        {...getInputProps(fields.title, { type: 'text' })}
        onInput={similarIn ? similar.onTitleInput : undefined}
      />
      {similarIn ? similar.list : null}
      <TextAreaField
        label="Summary"
        hint="One or two sentences that say what you propose: at least 20 characters to publish, up to 280. Shown in lists."
        rows={3}
        errors={fields.summary.errors}
        {...getTextareaProps(fields.summary)}
      />
      <div>
        <span id="body-label" className="block font-semibold text-stone-900">
          Your proposal
        </span>
        <p id="body-hint" className="text-sm text-stone-600">
          Headings, lists, quotes and links are available. At least 100 characters to publish, up to
          20,000.
        </p>
        <div className="mt-1">
          <LazyProposalEditor
            id="body"
            name="body"
            textName="bodyText"
            initialDocument={values.body}
            draftKey={draftKey}
            draftBaseVersion={version ?? 0}
            labelledBy="body-label"
            describedBy={bodyErrors ? 'body-hint body-errors' : 'body-hint'}
            invalid={Boolean(bodyErrors)}
          />
        </div>
        <ErrorList id="body-errors" errors={bodyErrors} />
      </div>
      {askChangeNote ? (
        <TextField
          label="What did you change, and why?"
          hint="A few words, shown with this version in the proposal’s history. Everyone who voted on it is told of a change to its title or text."
          maxLength={CHANGE_NOTE_MAX_LENGTH}
          errors={fields.changeNote.errors}
          {...getInputProps(fields.changeNote, { type: 'text' })}
          required
        />
      ) : null}
      {extraFields}
      <div className="flex flex-wrap gap-3">{actions}</div>
    </Form>
  )
}
