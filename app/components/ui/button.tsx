// Buttons in three weights. Pending submissions say so, for screen readers too.
import type { ButtonHTMLAttributes } from 'react'

type Variant = 'primary' | 'secondary' | 'danger' | 'link'

const variants: Record<Variant, string> = {
  primary: 'bg-brand-700 text-white hover:bg-brand-800 disabled:bg-stone-400',
  secondary:
    'border border-stone-400 bg-white text-stone-900 hover:bg-stone-100 disabled:text-stone-500',
  danger: 'bg-red-700 text-white hover:bg-red-800 disabled:bg-stone-400',
  link: 'text-brand-700 underline hover:text-brand-900 px-0 py-0',
}

export function buttonClass(variant: Variant = 'primary', extra = '') {
  const base =
    variant === 'link'
      ? ''
      : 'inline-flex items-center justify-center gap-2 rounded-md px-4 py-2 font-semibold'
  return `${base} ${variants[variant]} disabled:cursor-not-allowed ${extra}`.trim()
}

export function Button({
  variant = 'primary',
  pending = false,
  className = '',
  children,
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant; pending?: boolean }) {
  return (
    <button
      {...props}
      className={buttonClass(variant, className)}
      aria-disabled={pending || undefined}
    >
      {children}
      {pending ? <span className="sr-only"> (working…)</span> : null}
    </button>
  )
}
