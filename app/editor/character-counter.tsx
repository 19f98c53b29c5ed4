// How much of the body limit is used, counted as the server counts. Screen readers hear it
// only when it crosses a threshold, not on every keystroke.
import { type Editor, useEditorState } from '@tiptap/react'
import { BODY_MAX_CHARACTERS } from './document'

const numbers = new Intl.NumberFormat('en-GB')
// Warn with a tenth of the room left.
const NEAR_LIMIT = Math.floor(BODY_MAX_CHARACTERS * 0.9)

type Level = 'fine' | 'near' | 'full' | 'over'

function levelOf(characters: number): Level {
  if (characters > BODY_MAX_CHARACTERS) return 'over'
  if (characters === BODY_MAX_CHARACTERS) return 'full'
  return characters >= NEAR_LIMIT ? 'near' : 'fine'
}

const limit = numbers.format(BODY_MAX_CHARACTERS)

// What the live region says; it changes only when the level does.
const announcements: Record<Level, string> = {
  fine: '',
  near: `Nearly at the limit of ${limit} characters.`,
  full: `You have reached the limit of ${limit} characters.`,
  over: `The text is over the limit of ${limit} characters and cannot be saved.`,
}

function detail(level: Level, characters: number): string | null {
  const difference = numbers.format(Math.abs(BODY_MAX_CHARACTERS - characters))
  if (level === 'near') return `${difference} left.`
  if (level === 'full') return 'That is the limit: remove some text to add more.'
  if (level === 'over') return `${difference} too many: shorten the text before saving.`
  return null
}

export function CharacterCounter({ editor, id }: { editor: Editor; id: string }) {
  const characters = useEditorState({
    editor,
    selector: ({ editor: current }) => current.storage.characterCount.characters(),
  })
  const level = levelOf(characters)
  const message = detail(level, characters)
  return (
    <div className="mt-2 text-sm">
      <p id={id} className={level === 'fine' ? 'text-stone-700' : 'font-semibold text-red-700'}>
        {numbers.format(characters)} of {limit} characters
        {message === null ? null : <span>. {message}</span>}
      </p>
      <p className="sr-only" aria-live="polite">
        {announcements[level]}
      </p>
    </div>
  )
}
