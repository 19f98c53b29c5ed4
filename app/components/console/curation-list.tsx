// The console's proposals: shortlist, return, forward, pin, archive with a reason, merge.
// On the curator's own proposals, shortlisting, forwarding and merging are for another
// facilitator (Postgres refuses them); the list says so instead of offering them.
import { Form, Link } from '@remix-run/react'
import { StatusBadge } from '~/components/status-badge'
import { Button } from '~/components/ui/button'
import { TextAreaField } from '~/components/ui/field'
import { consoleTextLimits } from '~/utils/console-limits'
import type { Enums } from '~/types/database'

type Row = {
  id: string
  title: string
  status: Enums<'proposal_status'>
  pinned: boolean
  hidden_at: string | null
  support_count: number
  oppose_count: number
  comment_count: number
  top_score: number
  region_score: number
  own: boolean
}

const ownNote = 'Another facilitator decides on your own proposal.'

function Action({
  intent,
  id,
  label,
  extra,
}: {
  intent: string
  id: string
  label: string
  extra?: Record<string, string>
}) {
  return (
    <Form method="post" className="inline">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="proposalId" value={id} />
      {Object.entries(extra ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Button type="submit" variant="secondary" className="px-3 py-1 text-sm">
        {label}
      </Button>
    </Form>
  )
}

function percent(score: number) {
  return `${Math.round(score * 100)}%`
}

function ArchiveOrMerge({ row, groupSlug }: { row: Row; groupSlug: string }) {
  return (
    <details className="mt-2 rounded-md border border-stone-300 bg-stone-50 p-3">
      <summary className="cursor-pointer text-sm font-semibold text-brand-800">
        {row.own ? `Archive “${row.title}”…` : `Archive or merge “${row.title}”…`}
      </summary>
      <Form method="post" className="mt-3 space-y-2">
        <input type="hidden" name="intent" value="archive" />
        <input type="hidden" name="proposalId" value={row.id} />
        <TextAreaField
          id={`archive-${row.id}`}
          name="reason"
          label="Public reason for archiving"
          required
          maxLength={consoleTextLimits.reason}
          rows={2}
        />
        <Button type="submit" variant="danger" className="px-3 py-1 text-sm">
          Archive…
        </Button>
      </Form>
      {row.own ? (
        <p className="mt-4 text-sm text-stone-700">
          Merging is for another facilitator: this is your own proposal.
        </p>
      ) : (
        <p className="mt-4">
          <Link
            to={`/groups/${groupSlug}/console/merge/${row.id}`}
            className="text-sm font-semibold text-brand-700 underline"
          >
            Merge “{row.title}” into the proposal it duplicates…
          </Link>
        </p>
      )}
    </details>
  )
}

export function CurationList({ groupSlug, rows }: { groupSlug: string; rows: Row[] }) {
  const sections: Array<[string, Row[]]> = [
    ['Open for discussion', rows.filter((r) => r.status === 'open')],
    ['Shortlisted', rows.filter((r) => r.status === 'shortlisted')],
    ['With the candidate', rows.filter((r) => r.status === 'forwarded')],
    ['Answered', rows.filter((r) => ['adopted', 'considering', 'declined'].includes(r.status))],
  ]
  return (
    <div className="space-y-8">
      {sections.map(([title, list]) => (
        <section key={title} aria-label={title}>
          <div className="flex flex-wrap items-center justify-between gap-3">
            <h3 className="text-lg font-bold">
              {title} ({list.length})
            </h3>
            {title === 'Shortlisted' && list.length ? (
              list.some((r) => r.own) ? (
                <p className="text-sm text-stone-700">
                  Your own proposal is on the shortlist: another facilitator forwards it.
                </p>
              ) : (
                <Form method="post">
                  <input type="hidden" name="intent" value="forward-shortlist" />
                  <Button type="submit">Forward the shortlist to the candidate…</Button>
                </Form>
              )
            ) : null}
          </div>
          {list.length === 0 ? (
            <p className="mt-1 text-stone-700">None.</p>
          ) : (
            <ul className="mt-2 divide-y divide-stone-200 rounded-xl border border-stone-300 bg-white">
              {list.map((row) => (
                <li key={row.id} className="p-4">
                  <div className="flex flex-wrap items-center gap-2">
                    <StatusBadge status={row.status} />
                    {row.pinned ? (
                      <span className="rounded-full bg-amber-200 px-2 py-0.5 text-xs font-semibold text-amber-950">
                        Pinned
                      </span>
                    ) : null}
                    {row.hidden_at ? (
                      <span className="rounded-full bg-red-100 px-2 py-0.5 text-xs font-semibold text-red-900">
                        Hidden
                      </span>
                    ) : null}
                    <Link
                      to={`/groups/${groupSlug}/proposals/${row.id}`}
                      className="font-semibold underline"
                    >
                      {row.title}
                    </Link>
                  </div>
                  <p className="mt-1 text-sm text-stone-700">
                    {row.support_count} support · {row.oppose_count} oppose · {row.comment_count}{' '}
                    comments · Top {percent(row.top_score)} · Unites the region{' '}
                    {percent(row.region_score)}
                  </p>
                  {row.status === 'open' || row.status === 'shortlisted' ? (
                    <>
                      <div className="mt-2 flex flex-wrap gap-2">
                        {row.own ? (
                          <p className="self-center text-sm text-stone-700">{ownNote}</p>
                        ) : null}
                        {row.status === 'open' && !row.own ? (
                          <Action
                            intent="shortlist"
                            id={row.id}
                            label={`Shortlist “${row.title}”`}
                          />
                        ) : null}
                        {row.status === 'shortlisted' && !row.own ? (
                          <Action intent="forward" id={row.id} label={`Forward “${row.title}”…`} />
                        ) : null}
                        {row.status === 'shortlisted' ? (
                          <Action
                            intent="reopen"
                            id={row.id}
                            label={`Return “${row.title}” to open`}
                          />
                        ) : null}
                        <Action
                          intent={row.pinned ? 'unpin' : 'pin'}
                          id={row.id}
                          label={row.pinned ? `Unpin “${row.title}”` : `Pin “${row.title}”`}
                        />
                      </div>
                      <ArchiveOrMerge row={row} groupSlug={groupSlug} />
                    </>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </div>
  )
}
