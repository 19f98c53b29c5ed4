// The one list of Tiptap extensions: the editor in the browser and the renderer on the
// server build the same schema from it, so what can be typed is what can be shown.
import type { Extensions } from '@tiptap/core'
import { Blockquote } from '@tiptap/extension-blockquote'
import { Bold } from '@tiptap/extension-bold'
import { Document } from '@tiptap/extension-document'
import { HardBreak } from '@tiptap/extension-hard-break'
import { Heading } from '@tiptap/extension-heading'
import { Italic } from '@tiptap/extension-italic'
import { BulletList } from '@tiptap/extension-list/bullet-list'
import { ListItem } from '@tiptap/extension-list/item'
import { ListKeymap } from '@tiptap/extension-list/keymap'
import { OrderedList } from '@tiptap/extension-list/ordered-list'
import { Paragraph } from '@tiptap/extension-paragraph'
import { Text } from '@tiptap/extension-text'
import { CharacterCount } from '@tiptap/extensions/character-count'
import { Dropcursor } from '@tiptap/extensions/drop-cursor'
import { Gapcursor } from '@tiptap/extensions/gap-cursor'
import { TrailingNode } from '@tiptap/extensions/trailing-node'
import { UndoRedo } from '@tiptap/extensions/undo-redo'
import { BODY_MAX_CHARACTERS } from './document'
import { LinkMark } from './link-mark'

// Each extension from its own package rather than StarterKit, whose code, code block,
// strike, underline and horizontal rule would ship to the browser even when turned off;
// and from its own file in @tiptap/extension-list and @tiptap/extensions: the packages'
// index files keep every extension they define (task lists, placeholder, focus…), as
// bundlers cannot tell that Node.create() has no side effects.
// The order is StarterKit's, so the schema is the one it built.
// Dropcursor, gapcursor, trailingNode, listKeymap and undoRedo add no node, mark or
// attribute to the schema, only editor plugins and keys, which the static renderer never
// runs (render.server.test.ts checks the schema holds nothing else).
export const proposalExtensions: Extensions = [
  Bold,
  Blockquote,
  BulletList,
  Document,
  Dropcursor,
  Gapcursor,
  HardBreak,
  Heading.configure({ levels: [2, 3] }),
  UndoRedo,
  Italic,
  ListItem,
  ListKeymap,
  LinkMark,
  OrderedList,
  Paragraph,
  Text,
  TrailingNode,
]

/** For the editor only: the counter and the hard stop at the body limit. */
// autoTrim would silently cut a longer starting text from its beginning; the server's
// message about the limit is the better answer.
export const proposalCharacterCount = CharacterCount.configure({
  limit: BODY_MAX_CHARACTERS,
  autoTrim: false,
})

export const proposalEditorExtensions: Extensions = [...proposalExtensions, proposalCharacterCount]
