// Writing, replying to or editing a comment. A plain form without JavaScript; with it, the
// comment posts without a page load, and the text stays if the server says no.
import { useFetcher } from '@remix-run/react'
import { useEffect, useRef } from 'react'
import { COMMENT_MAX_LENGTH } from '~/utils/comment-limits'
import { useHydrated } from '~/utils/use-hydrated'
import { Button } from './ui/button'
import { CharacterCount, ErrorList, useLength } from './ui/field'

export type CommentFormResult = {
  commentError?: string
  formId?: string
  values?: { body: string; stance: string }
}

const stances = [
  ['', 'No stance'],
  ['for', 'For'],
  ['against', 'Against'],
  ['neutral', 'Neutral'],
] as const

export function CommentForm({
  id,
  action,
  intent,
  label,
  submitLabel,
  parentId,
  commentId,
  defaultBody = '',
  defaultStance = '',
  serverResult,
  cancelTo,
}: {
  id: string
  action: string
  intent: 'comment' | 'edit-comment'
  label: string
  submitLabel: string
  parentId?: string
  commentId?: string
  defaultBody?: string
  defaultStance?: string
  serverResult?: CommentFormResult | null
  cancelTo?: string
}) {
  const fetcher = useFetcher<CommentFormResult>({ key: id })
  const hydrated = useHydrated()
  const formRef = useRef<HTMLFormElement>(null)
  const result = fetcher.data ?? (serverResult?.formId === id ? serverResult : null)
  const error = fetcher.state === 'idle' ? result?.commentError : undefined
  const busy = fetcher.state !== 'idle'
  const wasBusy = useRef(false)
  useEffect(() => {
    // A comment that went through (the action redirects, or answers without an error) clears
    // the box; a refused one keeps the member's text.
    if (fetcher.state !== 'idle') wasBusy.current = true
    else if (wasBusy.current) {
      wasBusy.current = false
      if (!fetcher.data?.commentError && intent === 'comment') formRef.current?.reset()
    }
  }, [fetcher.state, fetcher.data, intent])
  const body = result?.values?.body ?? defaultBody
  const stance = result?.values?.stance ?? defaultStance
  const [length, onInput, setLength] = useLength(body)
  return (
    <fetcher.Form
      ref={formRef}
      method="post"
      action={action}
      preventScrollReset
      className="space-y-3"
      id={id}
      onReset={() => setLength(0)}
    >
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="formId" value={id} />
      {hydrated ? <input type="hidden" name="inPlace" value="yes" /> : null}
      {parentId ? <input type="hidden" name="parentId" value={parentId} /> : null}
      {commentId ? <input type="hidden" name="commentId" value={commentId} /> : null}
      <div>
        <label htmlFor={`${id}-body`} className="block font-semibold">
          {label}
        </label>
        <p id={`${id}-hint`} className="text-sm text-stone-600">
          To tell a member of the group, write @ and their name as it is shown, like @Sam Jones.
        </p>
        <textarea
          key={body}
          id={`${id}-body`}
          name="body"
          rows={4}
          required
          defaultValue={body}
          onInput={onInput}
          aria-invalid={error ? true : undefined}
          aria-describedby={
            error ? `${id}-hint ${id}-count ${id}-errors` : `${id}-hint ${id}-count`
          }
          className="mt-1 block w-full rounded-md border border-stone-500 bg-white px-3 py-2 aria-[invalid=true]:border-red-700"
        />
        <CharacterCount id={`${id}-count`} length={length} max={COMMENT_MAX_LENGTH} />
        <ErrorList id={`${id}-errors`} errors={error ? [error] : null} />
      </div>
      <fieldset className="flex flex-wrap items-center gap-x-4 gap-y-1">
        <legend className="mb-1 w-full text-sm font-semibold">Your stance on the proposal</legend>
        {stances.map(([value, text]) => (
          <label key={value} className="flex items-center gap-1.5 text-sm">
            <input
              type="radio"
              name="stance"
              value={value}
              defaultChecked={stance === value}
              className="h-4 w-4 accent-brand-700"
            />
            {text}
          </label>
        ))}
      </fieldset>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={busy} pending={busy}>
          {submitLabel}
        </Button>
        {cancelTo ? (
          <a href={cancelTo} className="text-brand-700 underline">
            Cancel
          </a>
        ) : null}
      </div>
    </fetcher.Form>
  )
}
