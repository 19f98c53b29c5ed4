// Line icons for the editor toolbar. Decorative: every button also has a name.
import type { ReactNode } from 'react'

function Icon({ children }: { children: ReactNode }) {
  return (
    <svg
      aria-hidden="true"
      focusable="false"
      viewBox="0 0 24 24"
      width="20"
      height="20"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      {children}
    </svg>
  )
}

export function BoldIcon() {
  return (
    <Icon>
      <path d="M7 5h6a3.5 3.5 0 0 1 0 7H7zM7 12h7a3.5 3.5 0 0 1 0 7H7z" strokeWidth="2.5" />
    </Icon>
  )
}

export function ItalicIcon() {
  return (
    <Icon>
      <path d="M10 5h8M6 19h8M14 5l-4 14" />
    </Icon>
  )
}

export function BulletListIcon() {
  return (
    <Icon>
      <path d="M9 6h11M9 12h11M9 18h11" />
      <circle cx="4.5" cy="6" r="1" fill="currentColor" />
      <circle cx="4.5" cy="12" r="1" fill="currentColor" />
      <circle cx="4.5" cy="18" r="1" fill="currentColor" />
    </Icon>
  )
}

export function NumberedListIcon() {
  return (
    <Icon>
      <path d="M10 6h10M10 12h10M10 18h10M4 4h1.5v5M4 9h3M4 14.5c.5-1 3-1 3 .5S4 17.5 4 19h3" />
    </Icon>
  )
}

export function QuoteIcon() {
  return (
    <Icon>
      <path d="M4 5v14M9 7h11M9 12h11M9 17h7" />
    </Icon>
  )
}

export function LinkIcon() {
  return (
    <Icon>
      <path d="M10 13a5 5 0 0 0 7.5.5l3-3a5 5 0 0 0-7-7l-1.7 1.7" />
      <path d="M14 11a5 5 0 0 0-7.5-.5l-3 3a5 5 0 0 0 7 7l1.7-1.7" />
    </Icon>
  )
}

export function UnlinkIcon() {
  return (
    <Icon>
      <path d="M18.8 12.3l1.7-1.8a5 5 0 0 0-7-7l-1.8 1.7M5.2 11.7l-1.7 1.8a5 5 0 0 0 7 7l1.8-1.7" />
      <path d="M4 4l16 16" />
    </Icon>
  )
}

export function UndoIcon() {
  return (
    <Icon>
      <path d="M9 14L4 9l5-5" />
      <path d="M4 9h10.5a5.5 5.5 0 0 1 0 11H11" />
    </Icon>
  )
}

export function RedoIcon() {
  return (
    <Icon>
      <path d="M15 14l5-5-5-5" />
      <path d="M20 9H9.5a5.5 5.5 0 0 0 0 11H13" />
    </Icon>
  )
}
