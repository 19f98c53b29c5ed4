// Typing an address makes it a link at the space or new line after it, and a space typed at
// the end of a link is not part of it (the link mark is inclusive). Tiptap's autolink, with
// link.ts's finder instead of linkifyjs: only addresses written with their scheme are linked.
import {
  combineTransactionSteps,
  findChildrenInRange,
  getChangedRanges,
  getMarksBetween,
  type Range,
} from '@tiptap/core'
import { isHistoryTransaction } from '@tiptap/pm/history'
import type { MarkType, Node } from '@tiptap/pm/model'
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state'
import { ReplaceStep, type Transform } from '@tiptap/pm/transform'
import { findLinkAddresses } from './link-addresses'

const WHITESPACE = /\s/
const ENDS_IN_WHITESPACE = /\s$/
const TRAILING_WHITESPACE = /\s+$/

/** What the transactions inserted, in the new document's positions. */
function insertedRanges(transform: Transform): Range[] {
  const ranges: Range[] = []
  transform.steps.forEach((step, index) => {
    if (!(step instanceof ReplaceStep) || !step.slice.size) return
    const mapping = transform.mapping.slice(index + 1)
    const from = mapping.map(step.from, 1)
    const to = mapping.map(step.from + step.slice.size, -1)
    if (from < to) ranges.push({ from, to })
  })
  return ranges
}

/** A space typed at the end of a link leaves the link, unless the link goes on after it. */
function unlinkTrailingWhitespace(tr: Transaction, range: Range, type: MarkType) {
  const end = tr.doc.resolve(range.to)
  if (!end.nodeBefore?.isText) return
  // Inline atoms (a hard break) must not pass for whitespace.
  const inserted = tr.doc.textBetween(range.from, range.to, '\uFFFC', '\uFFFC')
  const whitespace = TRAILING_WHITESPACE.exec(inserted)?.[0]
  if (!whitespace) return
  const from = range.to - whitespace.length
  const links = getMarksBetween(from, range.to, tr.doc).filter((item) => item.mark.type === type)
  if (links.length === 0) return
  const after = end.nodeAfter
  if (after && links.some((item) => item.mark.isInSet(after.marks))) return
  const storedMarks = tr.storedMarks
  tr.removeMark(from, range.to, type)
  tr.setStoredMarks(storedMarks)
  if (tr.selection.empty && tr.selection.from === range.to) tr.removeStoredMark(type)
}

/** Links the addresses in the last word before a changed range's whitespace. */
function linkLastWord(doc: Node, range: Range, type: MarkType, tr: Transaction) {
  const blocks = findChildrenInRange(doc, range, (node) => node.isTextblock)
  const [block] = blocks
  if (!block) return
  let before: string
  if (blocks.length > 1) {
    // A new line: the whole of the block that was left.
    before = doc.textBetween(block.pos, block.pos + block.node.nodeSize, undefined, ' ')
  } else {
    if (!ENDS_IN_WHITESPACE.test(doc.textBetween(range.from, range.to, ' ', ' '))) return
    before = doc.textBetween(block.pos, range.to, undefined, ' ')
  }
  const lastWord = before.split(WHITESPACE).filter(Boolean).at(-1)
  if (!lastWord) return
  // The block's text starts one position after the block.
  const wordStart = block.pos + before.lastIndexOf(lastWord) + 1
  for (const address of findLinkAddresses(lastWord)) {
    const from = wordStart + address.index
    const to = from + address.text.length
    if (getMarksBetween(from, to, doc).some((item) => item.mark.type === type)) continue
    tr.addMark(from, to, type.create({ href: address.text }))
  }
}

export function autolinkAfterTyping(type: MarkType): Plugin {
  return new Plugin({
    key: new PluginKey('autolink'),
    appendTransaction: (transactions, oldState, newState) => {
      const changed =
        transactions.some((transaction) => transaction.docChanged) && !oldState.doc.eq(newState.doc)
      // The link form and the toolbar set their own links.
      if (!changed || transactions.some((transaction) => transaction.getMeta('preventAutolink')))
        return
      const { tr } = newState
      const transform = combineTransactionSteps(oldState.doc, [...transactions])
      if (!transactions.some(isHistoryTransaction)) {
        insertedRanges(transform)
          // Later spaces first, before earlier ones are checked for ending a link.
          .sort((left, right) => right.to - left.to)
          .forEach((range) => unlinkTrailingWhitespace(tr, range, type))
      }
      for (const { newRange } of getChangedRanges(transform)) {
        linkLastWord(newState.doc, newRange, type, tr)
      }
      return tr.steps.length > 0 ? tr : undefined
    },
  })
}
