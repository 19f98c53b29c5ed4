// The admin's form for creating and editing a group.
import {
  getFormProps,
  getInputProps,
  getSelectProps,
  getTextareaProps,
  type SubmissionResult,
} from '@conform-to/react'
import { Form, useNavigation } from '@remix-run/react'
import { groupSchema, type GroupForm as GroupValues } from '~/utils/group-schema'
import { Button } from './ui/button'
import { FormErrors, SelectField, TextAreaField, TextField } from './ui/field'
import { useSchemaForm } from '~/utils/use-schema-form'

export function GroupForm({
  lastResult,
  defaultValue,
  submitLabel,
}: {
  lastResult?: SubmissionResult<string[]> | null
  defaultValue?: Partial<GroupValues>
  submitLabel: string
}) {
  const navigation = useNavigation()
  const [form, fields] = useSchemaForm({
    id: 'group',
    schema: groupSchema,
    lastResult,
    defaultValue,
  })
  return (
    <Form
      method="post"
      {...getFormProps(form)}
      className="space-y-5 rounded-xl border border-stone-300 bg-white p-6"
    >
      <input type="hidden" name="intent" value="save" />
      <FormErrors id={form.errorId} errors={form.errors} />
      <TextField
        label="Name"
        errors={fields.name.errors}
        {...getInputProps(fields.name, { type: 'text' })}
      />
      <TextField
        label="Address"
        hint="The end of the group's web address: /groups/…"
        errors={fields.slug.errors}
        {...getInputProps(fields.slug, { type: 'text' })}
      />
      <TextAreaField
        label="Summary"
        hint="One or two sentences, up to 280 characters."
        rows={2}
        errors={fields.summary.errors}
        {...getTextareaProps(fields.summary)}
      />
      <TextAreaField
        label="Description"
        hint="What the group works on. Leave a blank line between paragraphs."
        rows={8}
        errors={fields.description.errors}
        {...getTextareaProps(fields.description)}
      />
      <SelectField
        label="Horizon"
        errors={fields.horizon.errors}
        {...getSelectProps(fields.horizon)}
      >
        <option value="">Choose…</option>
        <option value="quick_win">Quick win</option>
        <option value="strategic">Strategic</option>
        <option value="long_term">Long-term vision</option>
      </SelectField>
      <SelectField
        label="Who can join"
        errors={fields.joinPolicy.errors}
        {...getSelectProps(fields.joinPolicy)}
      >
        <option value="">Choose…</option>
        <option value="open">Any member, at once</option>
        <option value="request">Members who ask, once a facilitator approves</option>
      </SelectField>
      <Button type="submit" pending={navigation.state === 'submitting'}>
        {submitLabel}
      </Button>
    </Form>
  )
}
