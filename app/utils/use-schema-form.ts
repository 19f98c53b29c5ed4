// Every form validates the same way: the shared zod schema gives the browser its native
// constraints and instant messages (after a field is left, then as the member types), and
// the server's reply (lastResult) shows what the server said.
import { useForm, type SubmissionResult } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import type { z } from 'zod'

export function useSchemaForm<Schema extends z.ZodObject>({
  id,
  schema,
  lastResult,
  defaultValue,
  validateOn = 'onBlur',
}: {
  id: string
  schema: Schema
  lastResult?: SubmissionResult<string[]> | null
  defaultValue?: Partial<z.input<Schema>>
  validateOn?: 'onBlur' | 'onSubmit'
}) {
  return useForm<z.input<Schema>, z.output<Schema>>({
    id,
    lastResult,
    defaultValue: defaultValue as never,
    constraint: getZodConstraint(schema),
    shouldValidate: validateOn,
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  })
}
