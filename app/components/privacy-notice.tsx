// The plain privacy notice at sign-up: what the forum shows in public, what it keeps private,
// why it asks for explicit consent, and where a member takes their data or leaves.
import { Link } from '@remix-run/react'

export function PrivacyNotice({ id }: { id: string }) {
  return (
    <section
      aria-labelledby={`${id}-heading`}
      id={id}
      className="rounded-lg border border-stone-300 bg-stone-50 p-4 text-sm text-stone-800"
    >
      <h2 id={`${id}-heading`} className="text-base font-bold text-stone-900">
        What is public, and what is not
      </h2>
      <ul className="mt-2 list-disc space-y-1 pl-5">
        <li>
          <strong>Public, for anyone to read:</strong> your name, shown with every proposal and
          comment you post and on your profile; what you post; and your borough on your profile,
          unless you choose in your settings to keep it off (it still counts in the totals).
        </li>
        <li>
          <strong>Only as totals:</strong> your votes. Anyone sees how many supported or opposed a
          proposal, borough by borough; boroughs with fewer than 5 voters are grouped so no one’s
          vote can be worked out. Nobody sees how you voted.
        </li>
        <li>
          <strong>Private:</strong> your e-mail address and your password.
        </li>
      </ul>
      <p className="mt-2">
        What you post here shows your political opinions, which the law (UK GDPR) protects
        specially, so we ask for your explicit consent. You can{' '}
        <Link to="/settings/data" className="font-semibold text-brand-700 underline">
          download my data
        </Link>{' '}
        and{' '}
        <Link to="/settings#delete-heading" className="font-semibold text-brand-700 underline">
          delete my account
        </Link>{' '}
        at any time from your settings.
      </p>
    </section>
  )
}
