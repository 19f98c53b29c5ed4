// The keyboard pattern of a WAI-ARIA toolbar: the group is one tab stop (the item used last),
// and Left, Right, Home and End move focus between its items, skipping disabled ones.
import { type KeyboardEvent, useRef, useState } from 'react'

export function useRovingFocus(disabled: readonly boolean[], onEscape: () => void) {
  const [current, setCurrent] = useState(0)
  const items = useRef<Array<HTMLElement | null>>([])
  // Disabled buttons cannot take focus, so the tab stop and the arrow keys skip them.
  const enabled = disabled.flatMap((isDisabled, index) => (isDisabled ? [] : [index]))
  const tabStop = enabled.includes(current) ? current : (enabled[0] ?? 0)

  function handleKeyDown(event: KeyboardEvent<HTMLElement>) {
    if (event.key === 'Escape') {
      event.preventDefault()
      onEscape()
      return
    }
    const position = enabled.indexOf(items.current.indexOf(event.target as HTMLElement))
    const last = enabled.length - 1
    const targets: Record<string, number | undefined> = {
      ArrowRight: enabled[position >= last ? 0 : position + 1],
      ArrowLeft: enabled[position <= 0 ? last : position - 1],
      Home: enabled[0],
      End: enabled[last],
    }
    if (!(event.key in targets)) return
    event.preventDefault()
    const next = targets[event.key]
    if (next === undefined) return
    setCurrent(next)
    items.current[next]?.focus()
  }

  /** Props for the item at `index`. */
  function itemProps(index: number) {
    return {
      ref: (node: HTMLElement | null) => {
        items.current[index] = node
      },
      tabIndex: index === tabStop ? 0 : -1,
      onFocus: () => setCurrent(index),
    }
  }

  return { handleKeyDown, itemProps }
}
