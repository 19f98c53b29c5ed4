// The proposal body field. Without JavaScript (and until hydration) it is a plain textarea
// sent as `textName`; once the page runs, Tiptap takes its place and a hidden input sends the
// document as JSON under `name`. Only one of the two is ever in the form.
import { EditorContent, type Editor, useEditor } from '@tiptap/react'
import { useEffect, useMemo, useRef, useState } from 'react'
import { CharacterCounter } from './character-counter'
import {
  BODY_MAX_CHARACTERS,
  countCharacters,
  documentToPlainText,
  emptyDocument,
  parseProposalDocument,
} from './document'
import { DraftBanner } from './draft-banner'
import { EditorToolbar } from './editor-toolbar'
import { proposalEditorExtensions } from './extensions'
import { LinkForm } from './link-form'
import { PlainBodyField, readEarlyText } from './plain-body-field'
import { useLocalDraft } from './use-local-draft'

export type ProposalEditorProps = {
  id: string
  /** Receives the document as JSON when the editor runs. */
  name: string
  /** Receives plain text when it does not (no JavaScript, or before hydration). */
  textName: string
  initialDocument: unknown
  /** Where this proposal's unsent text is kept in the browser, e.g. per proposal. */
  draftKey: string
  /** The version being edited (0 for a new proposal): drafts of another one are dropped. */
  draftBaseVersion: number
  labelledBy: string
  describedBy?: string
  invalid?: boolean
  /** Put the caret at the end once the editor starts (the member was typing in the textarea). */
  autofocus?: boolean
}

// Tiptap's own stylesheet is a <style> element the Content Security Policy refuses, so the
// rules ProseMirror needs (white-space above all) come as classes instead.
const editableClass =
  'prose-forum relative min-h-64 whitespace-pre-wrap [&>:first-child]:mt-0! break-words px-3 py-2 text-stone-900 focus:outline-3 focus:outline-offset-2 focus:outline-amber-500'

function editableAttributes(props: {
  id: string
  labelledBy: string
  describedBy: string
  invalid: boolean
}): Record<string, string> {
  // ProseMirror writes every attribute given, so absent ones must be left out, not undefined.
  const attributes: Record<string, string> = {
    id: props.id,
    role: 'textbox',
    'aria-multiline': 'true',
    'aria-labelledby': props.labelledBy,
    'aria-describedby': props.describedBy,
    class: editableClass,
  }
  if (props.invalid) attributes['aria-invalid'] = 'true'
  return attributes
}

function isLinkShortcut(event: KeyboardEvent): boolean {
  return (event.metaKey || event.ctrlKey) && !event.altKey && event.key.toLowerCase() === 'k'
}

export function ProposalEditor(props: ProposalEditorProps) {
  const { id, name, textName, initialDocument, labelledBy, describedBy, invalid = false } = props
  const { autofocus = false } = props
  const initial = useMemo(() => {
    const parsed = parseProposalDocument(initialDocument)
    return parsed.ok ? parsed.doc : emptyDocument
  }, [initialDocument])
  const bodyRef = useRef<HTMLInputElement>(null)
  const [early] = useState(() => readEarlyText(id))
  // Early text over the limit would be refused (or trimmed) by the editor: it stays plain.
  const plainOnly = early !== null && countCharacters(early.doc) > BODY_MAX_CHARACTERS
  const [bodyJson, setBodyJson] = useState(() => JSON.stringify(initial))
  // Counts requests for the link form (0: closed); each one opens it afresh, on the link at
  // the selection and with focus in its field.
  const [linkFormRequest, setLinkFormRequest] = useState(0)
  const draft = useLocalDraft({ key: props.draftKey, baseVersion: props.draftBaseVersion })
  const counterId = `${id}-count`
  const linkFormId = `${id}-link`

  const editorProps = useMemo(
    () => ({
      attributes: editableAttributes({
        id,
        labelledBy,
        describedBy: [describedBy, counterId].filter(Boolean).join(' '),
        invalid,
      }),
      handleKeyDown: (_view: unknown, event: KeyboardEvent) => {
        if (!isLinkShortcut(event)) return false
        event.preventDefault()
        setLinkFormRequest((request) => request + 1)
        return true
      },
    }),
    [id, labelledBy, describedBy, counterId, invalid],
  )

  function start(editor: Editor) {
    if (plainOnly) return
    const current = editor.getJSON()
    setBodyJson(JSON.stringify(current))
    // Compared in the editor's own JSON, so key order and default attributes match.
    draft.inspect(current, editor.schema.nodeFromJSON(initial).toJSON())
    if (early !== null) draft.schedule(current)
  }

  const editor = useEditor({
    extensions: proposalEditorExtensions,
    content: early === null || plainOnly ? initial : early.doc,
    immediatelyRender: false,
    injectCSS: false,
    editorProps,
    onCreate: ({ editor: created }) => start(created),
    onUpdate: ({ editor: changed }) => {
      const json = changed.getJSON()
      setBodyJson(JSON.stringify(json))
      draft.schedule(json)
    },
  })

  // Once the editor is on the page, not when it is made: before, there is nothing to focus.
  const focusOnStart = useRef(autofocus)
  useEffect(() => {
    if (editor === null || plainOnly || !focusOnStart.current) return
    focusOnStart.current = false
    editor.commands.focus('end')
  }, [editor, plainOnly])

  // A sent form needs no copy; if the server refuses it, the next keystroke saves one again.
  const { forget } = draft
  useEffect(() => {
    const form = bodyRef.current?.form
    if (!form) return
    form.addEventListener('submit', forget)
    return () => form.removeEventListener('submit', forget)
  }, [editor, forget])

  if (editor === null || plainOnly) {
    return (
      <PlainBodyField
        id={id}
        name={textName}
        defaultValue={early?.text ?? documentToPlainText(initial)}
        labelledBy={labelledBy}
        describedBy={describedBy}
        invalid={invalid}
        tooLong={editor !== null && plainOnly}
      />
    )
  }

  function restoreDraft() {
    if (editor === null || draft.offer === null) return
    editor.chain().setContent(draft.offer.doc).focus('end').run()
    draft.dismiss()
  }

  function discardDraft() {
    draft.discard()
    editor?.commands.focus()
  }

  return (
    <div>
      <DraftBanner draft={draft.offer} onRestore={restoreDraft} onDiscard={discardDraft} />
      <div
        className={`rounded-md border bg-white ${invalid ? 'border-red-700' : 'border-stone-500'}`}
      >
        <EditorToolbar
          editor={editor}
          editorId={id}
          linkFormId={linkFormId}
          linkFormOpen={linkFormRequest > 0}
          onOpenLinkForm={() => setLinkFormRequest((request) => request + 1)}
        />
        {linkFormRequest > 0 ? (
          <LinkForm
            key={linkFormRequest}
            editor={editor}
            id={linkFormId}
            onClose={() => setLinkFormRequest(0)}
          />
        ) : null}
        <EditorContent editor={editor} />
      </div>
      <CharacterCounter editor={editor} id={counterId} />
      <input ref={bodyRef} type="hidden" name={name} value={bodyJson} />
    </div>
  )
}
