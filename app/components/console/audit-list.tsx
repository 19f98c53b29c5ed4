// Recent entries of the audit log, as sentences.
type Entry = {
  id: number
  actor_name: string | null
  action: string
  from_status: string | null
  to_status: string | null
  reason: string | null
  created_at: string
  sentence: string
}

export function AuditList({ entries }: { entries: Entry[] }) {
  if (entries.length === 0) return <p className="text-stone-700">Nothing recorded yet.</p>
  return (
    <ol className="divide-y divide-stone-200 rounded-xl border border-stone-300 bg-white text-sm">
      {entries.map((entry) => (
        <li key={entry.id} className="p-3">
          <time dateTime={entry.created_at} className="text-stone-700">
            {new Date(entry.created_at).toLocaleString('en-GB', {
              dateStyle: 'medium',
              timeStyle: 'short',
              timeZone: 'Europe/London',
            })}
          </time>{' '}
          · <strong>{entry.actor_name ?? 'The system'}</strong> {entry.sentence}
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
