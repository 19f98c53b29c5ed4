// The one list of Tiptap extensions: the editor in the browser and the renderer on the
// server build the same schema from it, so what can be typed is what can be shown.
import type { Extensions } from '@tiptap/core'
import { CharacterCount } from '@tiptap/extensions'
import { StarterKit } from '@tiptap/starter-kit'
import { BODY_MAX_CHARACTERS } from './document'
import { isAllowedLinkHref, LINK_PROTOCOLS, LINK_REL } from './link'

export const proposalExtensions: Extensions = [
  StarterKit.configure({
    heading: { levels: [2, 3] },
    link: {
      protocols: [...LINK_PROTOCOLS],
      openOnClick: false,
      autolink: true,
      HTMLAttributes: { rel: LINK_REL, target: null },
      // The same check as the schema's, so the editor never makes a link the server
      // refuses. Tiptap's autolink checks the typed text, not the href it builds, so bare
      // "example.com" is not linked automatically; "https://example.com" is.
      isAllowedUri: (url) => isAllowedLinkHref(url),
    },
    code: false,
    codeBlock: false,
    strike: false,
    underline: false,
    horizontalRule: false,
    // Kept: dropcursor, gapcursor, trailingNode, listKeymap and undoRedo add no node,
    // mark or attribute to the schema, only editor plugins and keys, which the static
    // renderer never runs (render.server.test.ts checks the schema holds nothing else).
  }),
]

/** For the editor only: the counter and the hard stop at the body limit. */
// autoTrim would silently cut a longer starting text from its beginning; the server's
// message about the limit is the better answer.
export const proposalCharacterCount = CharacterCount.configure({
  limit: BODY_MAX_CHARACTERS,
  autoTrim: false,
})

export const proposalEditorExtensions: Extensions = [...proposalExtensions, proposalCharacterCount]
