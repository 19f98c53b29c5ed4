// Entries of the audit log, as sentences that name and link what each action was about; the
// actor's name filters the log to their actions where the page offers it.
import { Link } from '@remix-run/react'
import type { AuditPart } from '~/models/audit.server'
import { dateAndTime } from '~/utils/dates'

type Entry = {
  id: number
  actor_id: string | null
  actor_name: string | null
  from_status: string | null
  to_status: string | null
  reason: string | null
  created_at: string
  parts: AuditPart[]
}

export function AuditList({
  entries,
  actorHref,
}: {
  entries: Entry[]
  /** Where an actor's name leads: the log filtered to their actions. */
  actorHref?: (actorId: string) => string
}) {
  if (entries.length === 0) return <p className="text-stone-700">Nothing recorded here.</p>
  return (
    <ol className="divide-y divide-stone-200 rounded-xl border border-stone-300 bg-white text-sm">
      {entries.map((entry) => (
        <li key={entry.id} className="p-3">
          <time dateTime={entry.created_at} className="text-stone-700">
            {dateAndTime(entry.created_at)}
          </time>{' '}
          ·{' '}
          {entry.actor_id && actorHref ? (
            <Link to={actorHref(entry.actor_id)} className="font-semibold text-brand-700 underline">
              {entry.actor_name ?? 'Someone'}
            </Link>
          ) : (
            <strong>{entry.actor_name ?? 'The system'}</strong>
          )}{' '}
          {entry.parts.map((part, index) =>
            typeof part === 'string' ? (
              part
            ) : part.href ? (
              <Link key={index} to={part.href} className="text-brand-700 underline">
                {part.label}
              </Link>
            ) : (
              <span key={index}>{part.label}</span>
            ),
          )}
          {entry.from_status && entry.to_status
            ? ` (${entry.from_status} → ${entry.to_status})`
            : ''}
          {entry.reason ? (
            <span className="block text-stone-800">Reason: {entry.reason}</span>
          ) : null}
        </li>
      ))}
    </ol>
  )
}
