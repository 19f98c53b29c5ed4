// The link mark, ours rather than @tiptap/extension-link, which finds addresses with
// linkifyjs and knows every scheme (12.6 kB gzip of the editor page, with linkifyjs) where
// a proposal allows three (link.ts). The schema is the one it built (same name, attributes,
// defaults and priority), so stored documents and local drafts read as before.
import { Mark, markPasteRule, mergeAttributes } from '@tiptap/core'
import type { MarkType } from '@tiptap/pm/model'
import { Plugin, PluginKey } from '@tiptap/pm/state'
import { autolinkAfterTyping } from './link-autolink'
import { isAllowedLinkHref, LINK_REL } from './link'
import { findLinkAddresses, linkHrefFrom } from './link-addresses'

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    link: {
      /** Links the selection; refused for an address the schema would refuse. */
      setLink: (attributes: { href: string }) => ReturnType
      unsetLink: () => ReturnType
    }
  }
}

// Every link is shown with our rel and no target, whatever the document says.
const RENDERED_ATTRIBUTES = { rel: LINK_REL, target: null }

/** An address pasted over selected words links them, as the link form would. */
function linkOnPaste(type: MarkType) {
  return new Plugin({
    key: new PluginKey('linkOnPaste'),
    props: {
      handlePaste: (view, _event, slice) => {
        if (view.state.selection.empty) return false
        let pasted = ''
        slice.content.forEach((node) => (pasted += node.textContent))
        if (pasted.trim() !== pasted || pasted === '') return false
        const href = linkHrefFrom(pasted)
        if (href === null) return false
        const { from, to } = view.state.selection
        view.dispatch(view.state.tr.addMark(from, to, type.create({ href })))
        return true
      },
    },
  })
}

export const LinkMark = Mark.create({
  name: 'link',
  // Above bold and italic, as Tiptap's link: marks are stored in this order.
  priority: 1000,
  keepOnSplit: false,
  // Typing right after a link carries on the link (the autolink takes the space off it);
  // the right arrow at its end steps out of it.
  inclusive: true,
  exitable: true,

  addAttributes() {
    // Pasted HTML brings its own target, class and title; only the address is kept, so the
    // document holds only the values the schema allows (document.ts).
    return {
      href: { default: null, parseHTML: (element) => element.getAttribute('href') },
      target: { default: null, parseHTML: () => null },
      rel: { default: LINK_REL, parseHTML: () => LINK_REL },
      class: { default: null, parseHTML: () => null },
      title: { default: null, parseHTML: () => null },
    }
  },

  parseHTML() {
    return [
      {
        tag: 'a[href]',
        getAttrs: (element) => (isAllowedLinkHref(element.getAttribute('href')) ? null : false),
      },
    ]
  },

  renderHTML({ HTMLAttributes }) {
    const href = isAllowedLinkHref(HTMLAttributes.href) ? HTMLAttributes.href : ''
    return ['a', mergeAttributes(RENDERED_ATTRIBUTES, { ...HTMLAttributes, href }), 0]
  },

  addCommands() {
    return {
      setLink:
        ({ href }) =>
        ({ chain }) =>
          isAllowedLinkHref(href) &&
          chain().setMark(this.name, { href }).setMeta('preventAutolink', true).run(),
      unsetLink:
        () =>
        ({ chain }) =>
          chain()
            .unsetMark(this.name, { extendEmptyMarkRange: true })
            .setMeta('preventAutolink', true)
            .run(),
    }
  },

  addPasteRules() {
    return [
      markPasteRule({
        find: (text) =>
          findLinkAddresses(text).map(({ text: address, index }) => ({
            text: address,
            index,
            data: { href: address },
          })),
        type: this.type,
        getAttributes: (match) => ({ href: match.data?.href }),
      }),
    ]
  },

  addProseMirrorPlugins() {
    return [autolinkAfterTyping(this.type), linkOnPaste(this.type)]
  },
})
