// The small form behind the toolbar's Link button: a labelled address field checked with the
// server's own rule, instead of window.prompt. It sits inside the proposal's <form>, so it is
// a group of fields, not a form, and Enter is caught before it would send the proposal.
import type { Editor } from '@tiptap/react'
import { type KeyboardEvent, useEffect, useRef, useState } from 'react'
import { buttonClass } from '~/components/ui/button'
import { hasAllowedLinkScheme } from './link'
import { linkHrefFrom } from './link-addresses'

const SCHEME_MESSAGE = 'Links must start with http://, https:// or mailto:.'
const ADDRESS_MESSAGE = 'This is not a complete web or e-mail address.'
const EMPTY_MESSAGE = 'Enter the address to link to.'

function linkProblem(value: string): string {
  const typed = value.trim()
  if (typed === '') return EMPTY_MESSAGE
  return hasAllowedLinkScheme(typed) ? ADDRESS_MESSAGE : SCHEME_MESSAGE
}

function applyLink(editor: Editor, href: string): void {
  if (editor.isActive('link')) {
    editor.chain().focus().extendMarkRange('link').setLink({ href }).run()
  } else if (editor.state.selection.empty) {
    // Nothing selected: the address becomes the link's text. Links extend as you type after
    // them, so the mark is taken off what comes next.
    const text = href.replace(/^mailto:/i, '')
    const linkedText = { type: 'text', text, marks: [{ type: 'link', attrs: { href } }] }
    editor.chain().focus().insertContent(linkedText).unsetMark('link').run()
  } else {
    editor.chain().focus().setLink({ href }).run()
  }
}

export function LinkForm({
  editor,
  id,
  onClose,
}: {
  editor: Editor
  id: string
  onClose: () => void
}) {
  const inputRef = useRef<HTMLInputElement>(null)
  const [value, setValue] = useState(() => String(editor.getAttributes('link').href ?? ''))
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    inputRef.current?.focus()
    inputRef.current?.select()
  }, [])

  function addLink() {
    const href = linkHrefFrom(value)
    if (href === null) {
      setError(linkProblem(value))
      inputRef.current?.focus()
      return
    }
    applyLink(editor, href)
    onClose()
  }

  function cancel() {
    onClose()
    editor.commands.focus()
  }

  function handleKeys(event: KeyboardEvent) {
    if (event.key === 'Escape') {
      event.preventDefault()
      cancel()
    } else if (event.key === 'Enter' && event.target === inputRef.current) {
      event.preventDefault()
      addLink()
    }
  }

  const describedBy = error === null ? `${id}-hint` : `${id}-hint ${id}-error`
  return (
    <div
      id={id}
      role="group"
      aria-labelledby={`${id}-label`}
      className="border-b border-stone-300 bg-stone-50 px-3 py-3"
    >
      <label id={`${id}-label`} htmlFor={`${id}-url`} className="block font-semibold">
        Link address
      </label>
      <p id={`${id}-hint`} className="text-sm text-stone-700">
        A web address, such as https://example.org, or an e-mail address.
      </p>
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <input
          ref={inputRef}
          id={`${id}-url`}
          type="text"
          inputMode="url"
          autoComplete="url"
          autoCapitalize="none"
          spellCheck={false}
          value={value}
          onChange={(event) => setValue(event.target.value)}
          onKeyDown={handleKeys}
          aria-invalid={error === null ? undefined : true}
          aria-describedby={describedBy}
          className="min-w-0 flex-1 basis-56 rounded-md border border-stone-500 bg-white px-3 py-2 text-stone-900 aria-[invalid=true]:border-red-700"
        />
        <button
          type="button"
          onClick={addLink}
          onKeyDown={handleKeys}
          className={buttonClass('primary')}
        >
          Add link
        </button>
        <button
          type="button"
          onClick={cancel}
          onKeyDown={handleKeys}
          className={buttonClass('secondary')}
        >
          Cancel
        </button>
      </div>
      {error === null ? null : (
        <p id={`${id}-error`} role="alert" className="mt-2 text-sm font-medium text-red-700">
          {error}
        </p>
      )}
    </div>
  )
}
