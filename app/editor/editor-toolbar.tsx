// The formatting toolbar: a WAI-ARIA toolbar (one tab stop, arrow keys between buttons) whose
// toggles say whether their formatting is on at the selection.
import { type Editor, useEditorState } from '@tiptap/react'
import type { ReactNode } from 'react'
import {
  BoldIcon,
  BulletListIcon,
  ItalicIcon,
  LinkIcon,
  NumberedListIcon,
  QuoteIcon,
  RedoIcon,
  UndoIcon,
  UnlinkIcon,
} from './toolbar-icons'
import { useRovingFocus } from './use-roving-focus'

type ToolbarItem = {
  /** The accessible name; shown as a tooltip when the button shows only an icon. */
  name: string
  content: ReactNode
  shortcut?: string
  /** Toggles only: whether the formatting is on at the selection. */
  pressed?: boolean
  disabled?: boolean
  /** Starts a new group, set off by a divider. */
  divided?: boolean
  run: () => void
}

function modifierKey(): string {
  return /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl+'
}

export function EditorToolbar({
  editor,
  editorId,
  linkFormId,
  linkFormOpen,
  onOpenLinkForm,
}: {
  editor: Editor
  editorId: string
  linkFormId: string
  linkFormOpen: boolean
  onOpenLinkForm: () => void
}) {
  const state = useEditorState({
    editor,
    selector: ({ editor: current }) => ({
      bold: current.isActive('bold'),
      italic: current.isActive('italic'),
      heading: current.isActive('heading', { level: 2 }),
      subheading: current.isActive('heading', { level: 3 }),
      bulletList: current.isActive('bulletList'),
      orderedList: current.isActive('orderedList'),
      quote: current.isActive('blockquote'),
      link: current.isActive('link'),
      canUndo: current.can().undo(),
      canRedo: current.can().redo(),
    }),
  })
  const mod = modifierKey()
  const chain = () => editor.chain().focus()

  const items: ToolbarItem[] = [
    {
      name: 'Bold',
      content: <BoldIcon />,
      shortcut: `${mod}B`,
      pressed: state.bold,
      run: () => chain().toggleBold().run(),
    },
    {
      name: 'Italic',
      content: <ItalicIcon />,
      shortcut: `${mod}I`,
      pressed: state.italic,
      run: () => chain().toggleItalic().run(),
    },
    {
      name: 'Heading',
      content: 'Heading',
      pressed: state.heading,
      divided: true,
      run: () => chain().toggleHeading({ level: 2 }).run(),
    },
    {
      name: 'Subheading',
      content: 'Subheading',
      pressed: state.subheading,
      run: () => chain().toggleHeading({ level: 3 }).run(),
    },
    {
      name: 'Bulleted list',
      content: <BulletListIcon />,
      pressed: state.bulletList,
      divided: true,
      run: () => chain().toggleBulletList().run(),
    },
    {
      name: 'Numbered list',
      content: <NumberedListIcon />,
      pressed: state.orderedList,
      run: () => chain().toggleOrderedList().run(),
    },
    {
      name: 'Quote',
      content: <QuoteIcon />,
      pressed: state.quote,
      run: () => chain().toggleBlockquote().run(),
    },
    {
      name: 'Link',
      content: <LinkIcon />,
      shortcut: `${mod}K`,
      divided: true,
      run: onOpenLinkForm,
    },
    {
      name: 'Remove link',
      content: <UnlinkIcon />,
      disabled: !state.link,
      run: () => chain().extendMarkRange('link').unsetLink().run(),
    },
    {
      name: 'Undo',
      content: <UndoIcon />,
      shortcut: `${mod}Z`,
      disabled: !state.canUndo,
      divided: true,
      run: () => chain().undo().run(),
    },
    {
      name: 'Redo',
      content: <RedoIcon />,
      shortcut: `${mod}Y`,
      disabled: !state.canRedo,
      run: () => chain().redo().run(),
    },
  ]

  const roving = useRovingFocus(
    items.map((item) => item.disabled === true),
    () => editor.commands.focus(),
  )

  return (
    <div
      role="toolbar"
      aria-label="Formatting"
      aria-controls={editorId}
      onKeyDown={roving.handleKeyDown}
      className="flex flex-wrap items-center gap-1 border-b border-stone-300 bg-stone-50 p-1"
    >
      {items.map((item, index) => (
        <span key={item.name} className="contents">
          {item.divided ? (
            <span
              aria-hidden="true"
              className="mx-1 hidden h-6 w-px self-center bg-stone-300 sm:block"
            />
          ) : null}
          <button
            {...roving.itemProps(index)}
            type="button"
            aria-label={typeof item.content === 'string' ? undefined : item.name}
            aria-pressed={item.pressed}
            aria-keyshortcuts={item.shortcut?.replace('⌘', 'Meta+').replace('Ctrl+', 'Control+')}
            aria-expanded={item.name === 'Link' ? linkFormOpen : undefined}
            aria-controls={item.name === 'Link' && linkFormOpen ? linkFormId : undefined}
            title={item.shortcut ? `${item.name} (${item.shortcut})` : item.name}
            disabled={item.disabled}
            onClick={item.run}
            className="inline-flex h-10 min-w-10 items-center justify-center rounded-md px-2 text-sm font-semibold text-stone-800 hover:bg-stone-200 disabled:cursor-not-allowed disabled:text-stone-400 disabled:hover:bg-transparent aria-pressed:bg-brand-700 aria-pressed:text-white aria-pressed:hover:bg-brand-800"
          >
            {item.content}
          </button>
        </span>
      ))}
    </div>
  )
}
