// What a member sees on a page the app rendered: the HTML parsed, with scripts (and the loader
// data Remix serialises into them), templates and styles removed, so an assertion fails when a
// component stops rendering something even though its data is still in the page.
import { parse, NodeType, type HTMLElement, type Node } from 'node-html-parser'

// Elements that run inline with their neighbours; every other element starts a new line of
// text, so "Halton" in one cell and "1" in the next read as "Halton 1", not "Halton1".
const inline = new Set(
  'a abbr b bdi bdo cite code data del dfn em i ins kbd label mark q s samp small span strong sub sup time u var'.split(
    ' ',
  ),
)

const normalise = (text: string) => text.replace(/\s+/g, ' ').trim()

function isHidden(element: HTMLElement) {
  return element.hasAttribute('hidden') || element.getAttribute('aria-hidden') === 'true'
}

function visibleText(node: Node): string {
  if (node.nodeType === NodeType.TEXT_NODE) return node.text
  if (node.nodeType !== NodeType.ELEMENT_NODE) return ''
  const element = node as HTMLElement
  const tag = element.rawTagName?.toLowerCase()
  if (tag && isHidden(element)) return ''
  if (tag === 'br') return '\n'
  // What is typed in a field is its value, not text on the page: see Page.values().
  if (tag === 'textarea') return ' '
  const inner = element.childNodes.map(visibleText).join('')
  return !tag || inline.has(tag) ? inner : ` ${inner} `
}

/** The accessible name: aria-label, aria-labelledby, else the visible text. */
function accessibleName(element: HTMLElement, root: HTMLElement) {
  const label = element.getAttribute('aria-label')
  if (label) return normalise(label)
  const labelledBy = element.getAttribute('aria-labelledby')
  if (labelledBy)
    return normalise(
      labelledBy
        .split(/\s+/)
        .map((id) => {
          const target = root.getElementById(id)
          return target ? visibleText(target) : ''
        })
        .join(' '),
    )
  return normalise(visibleText(element))
}

function matches(name: string, wanted: string | RegExp) {
  return typeof wanted === 'string' ? name === wanted : wanted.test(name)
}

export type Link = { name: string; href: string; rel: string | undefined }
export type Button = { name: string; pressed: boolean; disabled: boolean }
export type Field = {
  label: string
  name: string | undefined
  /** What the field shows: an input's value, a textarea's text, a select's chosen option. */
  value: string
  /** For a select, the text of the chosen option. */
  shown: string
  readOnly: boolean
  disabled: boolean
  checked: boolean
  invalid: boolean
  /** The text of the elements aria-describedby points at (hints and errors). */
  description: string
}

export class Page {
  readonly status: number
  /** The response body as sent, for checks on the markup itself (nonces, escaping). */
  readonly source: string
  readonly root: HTMLElement
  readonly title: string
  /** The visible text of the body, whitespace-normalised. */
  readonly text: string

  constructor(source: string, status = 200) {
    this.source = source
    this.status = status
    this.root = parse(source, { comment: false })
    for (const element of this.root.querySelectorAll('script, template, style')) element.remove()
    this.title = normalise(this.root.querySelector('title')?.text ?? '')
    const body = this.root.querySelector('body') ?? this.root
    this.text = normalise(visibleText(body))
  }

  /** The visible text of each element a CSS selector matches, e.g. `page.texts('mark')`. */
  texts(selector: string) {
    return this.root.querySelectorAll(selector).map((element) => normalise(visibleText(element)))
  }

  /** The text of the headings, optionally of one level only. */
  headings(level?: 1 | 2 | 3 | 4 | 5 | 6) {
    return this.texts(level ? `h${level}` : 'h1, h2, h3, h4, h5, h6')
  }

  links(): Link[] {
    return this.root.querySelectorAll('a[href]').map((a) => ({
      name: accessibleName(a, this.root),
      href: a.getAttribute('href')!,
      rel: a.getAttribute('rel'),
    }))
  }

  /** The one link with this name; fails the test when there is none or more than one. */
  link(name: string | RegExp): Link {
    const found = this.links().filter((link) => matches(link.name, name))
    if (found.length !== 1)
      throw new Error(`Expected one link named ${name}, found ${found.length}: ${this.linkNames()}`)
    return found[0]
  }

  private linkNames() {
    return JSON.stringify(this.links().map((link) => link.name))
  }

  buttons(): Button[] {
    return this.root.querySelectorAll('button, input[type=submit]').map((button) => ({
      name:
        button.rawTagName.toLowerCase() === 'input'
          ? (button.getAttribute('value') ?? '')
          : accessibleName(button, this.root),
      pressed: button.getAttribute('aria-pressed') === 'true',
      disabled: button.hasAttribute('disabled'),
    }))
  }

  /** The visible text of the one section named by its heading (aria-labelledby), as a
   * screen reader's landmarks list offers it; fails the test when there is none. */
  section(name: string): string {
    const found = this.root
      .querySelectorAll('section[aria-labelledby]')
      .filter((section) => accessibleName(section, this.root) === name)
    if (found.length !== 1)
      throw new Error(`Expected one section named ${name}, found ${found.length}`)
    return normalise(visibleText(found[0]))
  }

  /** The text of live regions and alerts: role=alert and role=status. */
  alerts() {
    return this.texts('[role=alert], [role=status]')
  }

  private labelOf(control: HTMLElement) {
    const own = control.getAttribute('aria-label') ?? control.getAttribute('aria-labelledby')
    if (own) return accessibleName(control, this.root)
    const id = control.getAttribute('id')
    const forLabel = id
      ? this.root.querySelectorAll('label').find((label) => label.getAttribute('for') === id)
      : undefined
    let wrapping: HTMLElement | null = control.parentNode
    while (wrapping && wrapping.rawTagName?.toLowerCase() !== 'label')
      wrapping = wrapping.parentNode
    const label = forLabel ?? wrapping
    if (!label) return ''
    return normalise(
      label.childNodes
        .filter((node) => node !== control)
        .map(visibleText)
        .join(''),
    )
  }

  fields(): Field[] {
    return this.root
      .querySelectorAll('input, textarea, select')
      .filter((control) => !['hidden', 'submit'].includes(control.getAttribute('type') ?? ''))
      .map((control) => {
        const tag = control.rawTagName.toLowerCase()
        let value = control.getAttribute('value') ?? ''
        let shown = value
        if (tag === 'textarea') value = shown = control.text.replace(/^\n/, '')
        if (tag === 'select') {
          const options = control.querySelectorAll('option')
          const chosen = options.find((o) => o.hasAttribute('selected')) ?? options[0]
          value = chosen ? (chosen.getAttribute('value') ?? normalise(chosen.text)) : ''
          shown = chosen ? normalise(chosen.text) : ''
        }
        const describedBy = control.getAttribute('aria-describedby') ?? ''
        return {
          label: this.labelOf(control),
          name: control.getAttribute('name'),
          value,
          shown,
          readOnly: control.hasAttribute('readonly'),
          disabled: control.hasAttribute('disabled'),
          checked: control.hasAttribute('checked'),
          invalid: control.getAttribute('aria-invalid') === 'true',
          description: normalise(
            describedBy
              .split(/\s+/)
              .filter(Boolean)
              .map((id) => {
                const target = this.root.getElementById(id)
                return target ? visibleText(target) : ''
              })
              .join(' '),
          ),
        }
      })
  }

  /** What the form fields hold, as a member would see it typed in them. */
  values() {
    return this.fields().map((field) => field.shown)
  }

  /** The one form field with this label; fails the test when there is none or more than one. */
  field(label: string | RegExp): Field {
    const found = this.fields().filter((field) => matches(field.label, label))
    if (found.length !== 1)
      throw new Error(
        `Expected one field labelled ${label}, found ${found.length}: ${JSON.stringify(
          this.fields().map((field) => field.label),
        )}`,
      )
    return found[0]
  }

  /** Each table row's cells (th and td), as text. */
  rows() {
    return this.root
      .querySelectorAll('tr')
      .map((row) =>
        row.childNodes
          .filter((cell) => ['th', 'td'].includes((cell as HTMLElement).rawTagName?.toLowerCase()))
          .map((cell) => normalise(visibleText(cell))),
      )
  }
}

export function parsePage(html: string, status = 200) {
  return new Page(html, status)
}

/** Reads a response the app sent and gives what a member sees on it. */
export async function readPage(response: Response) {
  return new Page(await response.text(), response.status)
}

/** The visible text of a response the app sent: `(await readPage(response)).text`. */
export async function pageText(response: Response) {
  return (await readPage(response)).text
}
