// The proposal body field, with Tiptap fetched after the page's own scripts: until it has
// arrived (or if it never does) the field is the plain textarea the server rendered, which
// sends the body as text. The editor then reads what the member typed there (readEarlyText)
// and takes its place, so nothing is lost, and keeps the focus if the member was typing.
import { useEffect, useMemo, useState } from 'react'
import { documentToPlainText, emptyDocument, parseProposalDocument } from './document'
import { PlainBodyField } from './plain-body-field'
import type { ProposalEditor, ProposalEditorProps } from './proposal-editor'

let editorModule: Promise<{ ProposalEditor: typeof ProposalEditor }> | null = null

function loadProposalEditor() {
  editorModule ??= import('./proposal-editor')
  return editorModule
}

// Started as soon as this code runs in the browser, so the editor downloads while the page
// hydrates rather than after.
if (typeof document !== 'undefined') void loadProposalEditor().catch(() => {})

export function LazyProposalEditor(props: Omit<ProposalEditorProps, 'autofocus'>) {
  const [loaded, setLoaded] = useState<{ Editor: typeof ProposalEditor; typing: boolean } | null>(
    null,
  )
  useEffect(() => {
    let current = true
    loadProposalEditor().then(
      ({ ProposalEditor: Editor }) => {
        if (!current) return
        const field = document.getElementById(props.id)
        const typing = field !== null && field === document.activeElement
        // Left here, not by being taken off the page: a blur during React's commit reaches
        // the form's validation (conform) while React's own handlers are off, and the
        // browser would send the form.
        if (typing) field.blur()
        setLoaded({ Editor, typing })
      },
      // Offline or a stale deployment: the textarea stays, and the form still sends it.
      () => {},
    )
    return () => {
      current = false
    }
  }, [props.id])
  const plainText = useMemo(() => {
    const parsed = parseProposalDocument(props.initialDocument)
    return documentToPlainText(parsed.ok ? parsed.doc : emptyDocument)
  }, [props.initialDocument])

  if (loaded) return <loaded.Editor {...props} autofocus={loaded.typing} />
  return (
    <PlainBodyField
      id={props.id}
      name={props.textName}
      defaultValue={plainText}
      labelledBy={props.labelledBy}
      describedBy={props.describedBy}
      invalid={props.invalid ?? false}
    />
  )
}
