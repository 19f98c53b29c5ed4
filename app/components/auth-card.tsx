import type { ReactNode } from 'react'

export function AuthCard({
  title,
  intro,
  children,
}: {
  title: string
  intro?: ReactNode
  children: ReactNode
}) {
  return (
    <div className="mx-auto max-w-md">
      <h1 className="text-3xl font-bold">{title}</h1>
      {intro ? <div className="mt-2 text-stone-700">{intro}</div> : null}
      <div className="mt-6 rounded-xl border border-stone-300 bg-white p-6 shadow-sm">
        {children}
      </div>
    </div>
  )
}
